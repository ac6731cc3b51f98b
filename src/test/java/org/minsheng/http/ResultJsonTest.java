package org.minsheng.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The answer's body written straight to the generator is byte for byte what the mapper writes. */
class ResultJsonTest {

    record Cost(int requested, BigDecimal spent) {
    }

    @Test
    void writesWhatTheMapperWrites() throws Exception {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "T2JzZXJ2YXRpb246MTAwMDAw");
        node.put("name", "海勃湾区 \"Hai\\bowan\"\n\t\u0001");
        node.put("value", new BigDecimal("1.2E+5"));
        node.put("share", new BigDecimal("0.000001"));
        node.put("count", 42);
        node.put("total", 9_000_000_000L);
        node.put("big", new BigInteger("123456789012345678901234567890"));
        node.put("ratio", 0.25d);
        node.put("hasNextPage", true);
        node.put("note", null);
        node.put("empty", List.of());
        node.put("nested", Map.of("period", Map.of("start", "2024-01-01")));
        List<Object> nodes = new ArrayList<>();
        nodes.add(node);
        nodes.add(null);
        nodes.add(List.of(1, "two", false));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("observations", Map.of("nodes", nodes));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("errors", List.of(Map.of("message", "a", "locations", List.of(Map.of("line", 1)))));
        body.put("extensions", Map.of("cost", new Cost(3, new BigDecimal("2.50"))));

        String expected = GraphQLEndpoint.JSON.writeValueAsString(body);
        String written = new String(ResultJson.bytes(GraphQLEndpoint.JSON, body), StandardCharsets.UTF_8);
        assertEquals(expected, written);
        assertEquals(true, written.contains("\"value\":120000,"), written);
        assertEquals(true, written.contains("\"cost\":{\"requested\":3,\"spent\":2.50}"), written);
    }
}
