package org.minsheng.seed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file with a header row bound to a row type by Jackson's {@link MappingIterator}: the header
 * must hold the type's required columns and no unknown one; each row keeps the line it starts on.
 */
final class CsvRows {

    private CsvRows() {
    }

    /**
     * The rows of {@code text}; problems of the header, of rows and of values go to
     * {@code problems}. A row with a value that does not fit its column is kept, that value empty.
     */
    static <R> List<Located<R>> read(String file, String text, Class<R> type, List<Problem> problems) {
        List<Located<R>> rows = new ArrayList<>();
        SeedMappers.Cells cells = new SeedMappers.Cells(file, problems);
        try (MappingIterator<R> iterator = SeedMappers.CSV.readerFor(type).with(CsvSchema.emptySchema().withHeader())
                .withHandler(cells).readValues(text)) {
            boolean any = iterator.hasNextValue();
            CsvSchema header = (CsvSchema) iterator.getParserSchema();
            if (header == null || header.size() == 0) {
                problems.add(Problem.stopping(file, 1, "empty file: expected a header row"));
                return rows;
            }
            if (!checkHeader(file, header, type, problems) || !any) {
                return rows;
            }
            List<String> lines = text.lines().toList();
            do {
                int line = firstLineOfRow(lines, iterator.getParser().currentTokenLocation().getLineNr());
                cells.at(line);
                try {
                    rows.add(cells.located(iterator.nextValue()));
                } catch (JsonProcessingException e) {
                    problems.add(Problem.stopping(file, line, "malformed row: " + e.getOriginalMessage()));
                    return rows;
                }
            } while (iterator.hasNextValue());
        } catch (IOException e) {
            problems.add(Problem.unreadable(file, "CSV", e));
        }
        return rows;
    }

    /**
     * The line a row starts on. Jackson places the start of a row where the previous one ended
     * (before its line break), so the row starts on the next line that is not empty.
     */
    private static int firstLineOfRow(List<String> lines, int previousEnd) {
        int line = previousEnd + 1;
        while (line <= lines.size() && lines.get(line - 1).isBlank()) {
            line++;
        }
        return line;
    }

    private static boolean checkHeader(String file, CsvSchema header, Class<?> type, List<Problem> problems) {
        List<BeanPropertyDefinition> properties = SeedMappers.CSV.getDeserializationConfig()
                .introspect(SeedMappers.CSV.constructType(type)).findProperties();
        List<String> known = properties.stream().map(BeanPropertyDefinition::getName).toList();
        List<String> columns = new ArrayList<>();
        header.forEach(column -> columns.add(column.getName()));
        int before = problems.size();
        for (BeanPropertyDefinition property : properties) {
            if (property.isRequired() && !columns.contains(property.getName())) {
                problems.add(Problem.stopping(file, 1, "missing column \"" + property.getName() + "\""));
            }
        }
        for (String column : columns) {
            if (!known.contains(column)) {
                problems.add(Problem.stopping(file, 1, "unknown column \"" + column + "\" (known: " + String.join(", ", known)
                        + ")"));
            }
        }
        if (columns.stream().distinct().count() != columns.size()) {
            problems.add(Problem.stopping(file, 1, "a column name appears twice in the header"));
        }
        return problems.size() == before;
    }
}
