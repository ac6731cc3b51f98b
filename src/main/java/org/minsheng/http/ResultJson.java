package org.minsheng.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an answer's body, the maps, lists, strings, numbers and booleans graphql-java builds, straight
 * to Jackson's generator: the mapper looked up a serializer for every key and value of every map
 * (about 9 % of the CPU of W5, 120 figures, at one connection). Any other value (a record of an
 * extension) is written by {@code mapper}, so the bytes are the
 * mapper's own. Keys are written as strings (a key that is not one, which graphql-java never makes, by
 * its {@code String.valueOf}).
 */
final class ResultJson {

    private ResultJson() {
    }

    static byte[] bytes(ObjectMapper mapper, Map<String, Object> body) throws IOException {
        try (ByteArrayBuilder out = new ByteArrayBuilder(4000)) {
            try (JsonGenerator json = mapper.createGenerator(out)) {
                value(mapper, json, body);
            }
            return out.toByteArray();
        }
    }

    private static void value(ObjectMapper mapper, JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey() instanceof String key ? key : String.valueOf(entry.getKey()));
                value(mapper, json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(mapper, json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else {
            mapper.writeValue(json, value);
        }
    }
}
