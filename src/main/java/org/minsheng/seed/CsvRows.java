package org.minsheng.seed;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.minsheng.graphql.LimitExceededException;

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
        return read(file, new StringReader(text), type, problems, Integer.MAX_VALUE);
    }

    /**
     * The rows read from {@code text} as it streams, with its lines' blankness kept as bits rather
     * than a copy of the text; LIMIT_EXCEEDED past {@code maxRows} rows.
     */
    static <R> List<Located<R>> read(String file, Reader text, Class<R> type, List<Problem> problems, int maxRows) {
        List<Located<R>> rows = new ArrayList<>();
        SeedMappers.Cells cells = new SeedMappers.Cells(file, problems);
        Lines lines = new Lines(text);
        try (MappingIterator<R> iterator = SeedMappers.CSV.readerFor(type).with(CsvSchema.emptySchema().withHeader())
                .withHandler(cells).readValues(lines)) {
            boolean any = iterator.hasNextValue();
            CsvSchema header = (CsvSchema) iterator.getParserSchema();
            if (header == null || header.size() == 0) {
                problems.add(Problem.stopping(file, 1, "empty file: expected a header row"));
                return rows;
            }
            if (!checkHeader(file, header, type, problems) || !any) {
                return rows;
            }
            do {
                if (rows.size() == maxRows) {
                    throw new LimitExceededException("import-rows", maxRows, -1, file + " has more than " + maxRows
                            + " rows (minsheng.limits.import-rows); nothing was imported");
                }
                int line = lines.firstOfRow(iterator.getParser().currentTokenLocation().getLineNr());
                cells.at(line);
                try {
                    rows.add(cells.located(iterator.nextValue()));
                } catch (JsonProcessingException e) {
                    problems.add(Problem.stopping(file, line, "malformed row: " + e.getOriginalMessage()));
                    return rows;
                }
            } while (iterator.hasNextValue());
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(BundleReader.notUtf8(new BundleLocation.NotUtf8(file, lines.line)));
        } catch (IOException e) {
            problems.add(Problem.unreadable(file, "CSV", e));
        }
        return rows;
    }

    /**
     * The text as Jackson reads it, noting which lines are blank as the characters pass (bits, not a
     * copy of the lines), so that each row's first line can be told.
     */
    private static final class Lines extends FilterReader {
        private final BitSet blank = new BitSet();
        private int line = 1;
        private boolean empty = true;

        Lines(Reader text) {
            super(text);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        /** The caller owns the text: Jackson closing its source at the end must not close it. */
        @Override
        public void close() {
        }

        private void see(char c) {
            if (c == '\n') {
                blank.set(line, empty);
                line++;
                empty = true;
            } else if (!Character.isWhitespace(c)) {
                empty = false;
            }
        }

        /**
         * The line a row starts on. Jackson places the start of a row where the previous one ended
         * (before its line break), so the row starts on the next line that is not blank.
         */
        int firstOfRow(int previousEnd) {
            int row = previousEnd + 1;
            while (row < line && blank.get(row)) {
                row++;
            }
            return row;
        }
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
