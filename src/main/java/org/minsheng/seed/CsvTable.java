package org.minsheng.seed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** A CSV file with a header row, read with Jackson's CSV parser, keeping each row's line number. */
final class CsvTable {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /** A data row: its first line in the file and its cells by column name. */
    record Row(int line, Map<String, String> cells) {

        /** The cell's text, or null when it is empty. */
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private CsvTable() {
    }

    /**
     * Reads {@code text}; header problems (missing or unknown columns) and malformed rows go to
     * {@code problems}, and such rows are left out.
     */
    static List<Row> read(String file, String text, List<String> required, Set<String> optional, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = MAPPER.reader().with(CsvSchema.emptySchema()).createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(file, 1, "empty file: expected a header row"));
                return rows;
            }
            List<String> header = null;
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    if (!checkHeader(file, line, header, required, optional, problems)) {
                        return rows;
                    }
                    continue;
                }
                if (cells.size() != header.size()) {
                    problems.add(new Problem(file, line, "row has " + cells.size() + " cells, the header has "
                            + header.size()));
                    continue;
                }
                Map<String, String> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    byColumn.put(header.get(i), cells.get(i));
                }
                rows.add(new Row(line, byColumn));
            }
            if (header == null) {
                problems.add(new Problem(file, 1, "empty file: expected a header row"));
            }
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed CSV: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return rows;
    }

    private static boolean checkHeader(String file, int line, List<String> header, List<String> required,
            Set<String> optional, List<Problem> problems) {
        int before = problems.size();
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new Problem(file, line, "missing column \"" + column + "\""));
            }
        }
        for (String column : header) {
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(new Problem(file, line, "unknown column \"" + column + "\" (known: "
                        + String.join(", ", required) + (optional.isEmpty() ? "" : ", " + String.join(", ", optional))
                        + ")"));
            }
        }
        if (header.stream().distinct().count() != header.size()) {
            problems.add(new Problem(file, line, "a column name appears twice in the header"));
        }
        return problems.size() == before;
    }
}
