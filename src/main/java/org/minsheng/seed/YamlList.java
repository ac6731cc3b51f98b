package org.minsheng.seed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML file holding a list of entries, read with Jackson's YAML module. Each entry keeps the
 * line it starts on and is converted to its definition class on its own, so one bad entry does
 * not hide the problems of the others.
 */
final class YamlList {

    private static final YAMLMapper MAPPER = SeedMappers.YAML;

    record Entry(int line, JsonNode node) {
    }

    private YamlList() {
    }

    private static List<Entry> read(String file, String text, List<Problem> problems) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(Problem.stopping(file, parser.currentTokenLocation().getLineNr(),
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
        } catch (IOException e) {
            problems.add(Problem.unreadable(file, "YAML", e));
        }
        return entries;
    }

    /**
     * The entries of a YAML list file as {@code type}, by their code: codes must match
     * {@code codePattern} (described as {@code codeForm}) and appear once.
     */
    static <T> Map<String, Located<T>> definitions(String file, String text, Class<T> type, Function<T, String> code,
            Pattern codePattern, String codeForm, List<Problem> problems) {
        Map<String, Located<T>> definitions = new LinkedHashMap<>();
        SeedMappers.Cells cells = new SeedMappers.Cells(file, problems);
        for (Entry entry : read(file, text, problems)) {
            cells.at(entry.line());
            convert(cells, entry, type, problems).map(cells::located).ifPresent(located -> {
                T definition = located.row();
                String key = code.apply(definition);
                if (key == null || !codePattern.matcher(key).matches()) {
                    problems.add(new Problem(file, entry.line(), "code \"" + (key == null ? "" : key) + "\" is not "
                            + codeForm));
                    return;
                }
                Located<T> first = definitions.putIfAbsent(key, located);
                if (first != null) {
                    problems.add(new Problem(file, entry.line(), "duplicate code " + key + " (first on line "
                            + first.line() + ")"));
                }
            });
        }
        return definitions;
    }

    /** Adds a problem when a required field is missing (a value that did not fit is reported already). */
    static void require(String file, Located<?> entry, String code, String field, Object value,
            List<Problem> problems) {
        if (entry.empty(field, value) || (value instanceof String text && text.isBlank())) {
            problems.add(new Problem(file, entry.line(), code + ": missing required field " + field));
        }
    }

    /**
     * The entry as a {@code type}; each field that does not fit is a problem of its own (and read
     * as empty). Empty when the entry's shape does not fit at all, after adding the reason to
     * {@code problems}.
     */
    private static <T> Optional<T> convert(SeedMappers.Cells cells, Entry entry, Class<T> type,
            List<Problem> problems) {
        String file = cells.file();
        try {
            return Optional.of(MAPPER.readerFor(type).withHandler(cells).readValue(entry.node()));
        } catch (JsonMappingException e) {
            problems.add(new Problem(file, entry.line(), (e.getPath().isEmpty() ? "" : path(e) + ": ")
                    + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")));
        } catch (IOException e) {
            problems.add(new Problem(file, entry.line(), e.getMessage()));
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
