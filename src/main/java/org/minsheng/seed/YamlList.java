package org.minsheng.seed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A YAML file holding a list of entries, read with Jackson's YAML module. Each entry keeps the
 * line it starts on and is converted to its definition class on its own, so one bad entry does
 * not hide the problems of the others.
 */
final class YamlList {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .addModule(new JavaTimeModule())
            .build();

    record Entry(int line, JsonNode node) {
    }

    private YamlList() {
    }

    static List<Entry> read(String file, String text, List<Problem> problems) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(new Problem(file, parser.currentTokenLocation().getLineNr(),
                        "expected a list of entries (lines starting with \"- \")"));
                return entries;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = MAPPER.readTree(parser);
                if (token != JsonToken.START_OBJECT) {
                    problems.add(new Problem(file, line, "expected an entry with fields, found " + node));
                    continue;
                }
                entries.add(new Entry(line, node));
            }
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return entries;
    }

    /** The entry as a {@code type}, or empty after adding the reason to {@code problems}. */
    static <T> Optional<T> convert(String file, Entry entry, Class<T> type, List<Problem> problems) {
        try {
            return Optional.of(MAPPER.treeToValue(entry.node(), type));
        } catch (UnrecognizedPropertyException e) {
            problems.add(new Problem(file, entry.line(), "unknown field \"" + e.getPropertyName() + "\" (known: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                    + ")"));
        } catch (InvalidFormatException e) {
            problems.add(new Problem(file, entry.line(), path(e) + ": \"" + e.getValue() + "\" is not "
                    + expected(e.getTargetType())));
        } catch (JsonMappingException e) {
            problems.add(new Problem(file, entry.line(), (e.getPath().isEmpty() ? "" : path(e) + ": ")
                    + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, entry.line(), e.getOriginalMessage()));
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
