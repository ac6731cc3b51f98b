package org.minsheng.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.minsheng.observation.FigureFormat;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationStatus;
import org.minsheng.observation.Qualifier;
import org.minsheng.seed.SeedBundle.ObservationRow;
import org.minsheng.seed.SeedBundle.TableColumnDef;

/**
 * tables.yaml: which column of which table of a statistical source is which indicator. The tables are
 * the source's CSV files as published, read as they are: their first column is the region's code
 * ({@code CODE}), their second its name, one line a row. Each column named here gives a figure for
 * every row, whose quote is the row itself, character for character. A DERIVED column multiplies a
 * share by a count of another table's row of the same code (the census's share aged 65 and over times
 * its resident population), rounded to what the share's published decimals can tell.
 */
final class TablesFile {

    static final String NAME = "tables.yaml";

    private TablesFile() {
    }

    /** A table's rows by code, each with its line and cells; its header's columns by name. */
    record Table(String file, Map<String, Integer> columns, Map<String, Row> rows) {
    }

    record Row(int line, String text, String[] cells) {
    }

    static List<Located<TableColumnDef>> read(String text, List<Problem> problems) {
        List<Located<TableColumnDef>> entries = new ArrayList<>();
        YamlList.definitions(NAME, text, TableColumnDef.class, d -> d.indicator() + " " + d.source(),
                java.util.regex.Pattern.compile("\\S+ \\S+"), "an indicator and a source, each given once", problems)
                .values()
                .forEach(located -> {
                    TableColumnDef d = located.row();
                    String what = d.table() + " " + d.column();
                    YamlList.require(NAME, located, what, "table", d.table(), problems);
                    YamlList.require(NAME, located, what, "column", d.column(), problems);
                    YamlList.require(NAME, located, what, "period", d.period(), problems);
                    YamlList.require(NAME, located, what, "status", d.status(), problems);
                    YamlList.require(NAME, located, what, "decimals", d.decimals(), problems);
                    if ((d.status() == ObservationStatus.DERIVED) != (d.timesColumn() != null)) {
                        problems.add(new Problem(NAME, located.line(), what + ": a DERIVED column names the count it "
                                + "multiplies (times_table, times_column), and only a DERIVED column does"));
                    }
                    entries.add(located);
                });
        return entries;
    }

    /** A table file's text parsed; problems of its shape go to {@code problems}, under its name. */
    static Optional<Table> parse(String file, String text, List<Problem> problems) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            problems.add(Problem.stopping(file, 1, "empty table: expected a header row"));
            return Optional.empty();
        }
        String[] header = strip(lines[0]).split(",", -1);
        if (header.length < 3 || !header[0].equals("CODE") || !header[1].equals("NAME")) {
            problems.add(Problem.stopping(file, 1, "a table's header starts with CODE,NAME and names its columns"));
            return Optional.empty();
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (columns.putIfAbsent(header[i], i) != null) {
                problems.add(Problem.stopping(file, 1, "column " + header[i] + " appears twice in the header"));
                return Optional.empty();
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = strip(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                problems.add(new Problem(file, i + 1, "a quoted cell: tables are read one line a row, without quoting"));
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                problems.add(new Problem(file, i + 1, cells.length + " cells where the header has " + header.length));
                continue;
            }
            Row first = rows.putIfAbsent(cells[0], new Row(i + 1, line, cells));
            if (first != null) {
                problems.add(new Problem(file, i + 1, "code " + cells[0] + " again (first on line " + first.line() + ")"));
            }
        }
        return Optional.of(new Table(file, columns, rows));
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * The figures of one column: one a row, each located on its table's line. A cell that is not a
     * number is a problem of the table.
     */
    static List<Located<ObservationRow>> figures(Located<TableColumnDef> located, Function<String, Table> tables,
            List<Problem> problems) {
        TableColumnDef d = located.row();
        Table table = tables.apply(d.table());
        if (table == null) {
            return List.of();
        }
        Integer column = table.columns().get(d.column());
        if (column == null) {
            problems.add(new Problem(NAME, located.line(), d.table() + " has no column " + d.column()));
            return List.of();
        }
        Table timesTable = null;
        Integer timesColumn = null;
        if (d.timesColumn() != null) {
            timesTable = tables.apply(d.timesTable() == null ? d.table() : d.timesTable());
            timesColumn = timesTable == null ? null : timesTable.columns().get(d.timesColumn());
            if (timesColumn == null) {
                problems.add(new Problem(NAME, located.line(), "there is no column " + d.timesColumn() + " in "
                        + (d.timesTable() == null ? d.table() : d.timesTable())));
                return List.of();
            }
        }
        BigDecimal factor = d.multiplyBy() == null ? BigDecimal.ONE : d.multiplyBy();
        // 100 moves a fraction's decimals two places: 0.1622 (4 decimals) is 16.22 % (2).
        int shift = factor.precision() - factor.scale() - 1;
        List<Located<ObservationRow>> figures = new ArrayList<>();
        Map<Object, Object> shared = new HashMap<>();
        for (Row row : table.rows().values()) {
            BigDecimal cell = number(table, row, column, problems);
            if (cell == null) {
                continue;
            }
            BigDecimal value = cell.multiply(factor);
            Integer precision = d.decimals() - shift;
            Qualifier qualifier = Qualifier.EXACT;
            String note = d.note();
            if (timesColumn != null) {
                Row other = timesTable.rows().get(row.cells()[0]);
                BigDecimal count = other == null ? null : number(timesTable, other, timesColumn, problems);
                if (count == null) {
                    problems.add(new Problem(table.file(), row.line(), "no " + d.timesColumn() + " for code "
                            + row.cells()[0] + " in " + timesTable.file() + " to derive " + d.indicator() + " from"));
                    continue;
                }
                // The share is known to half a unit of its last published decimal: the product to that
                // times the count, so it is rounded to the power of ten below that margin.
                BigDecimal margin = BigDecimal.ONE.movePointLeft(d.decimals()).divide(BigDecimal.valueOf(2)).multiply(count);
                BigDecimal exact = value.multiply(count);
                precision = -Math.max(0, margin.precision() - margin.scale() - 1);
                value = exact.setScale(precision, RoundingMode.HALF_EVEN);
                qualifier = Qualifier.APPROXIMATE;
                note = "Derived: " + d.timesColumn() + " " + other.cells()[timesColumn] + " (" + timesTable.file()
                        + ", the row of the same code) × " + d.column() + " " + row.cells()[column] + " = "
                        + FigureFormat.plain(exact) + ", rounded to " + FigureFormat.plain(BigDecimal.ONE
                                .movePointLeft(precision))
                        + ": the share is published to " + d.decimals() + " decimals, so the product is known to ±"
                        + FigureFormat.plain(margin.setScale(0, RoundingMode.HALF_UP)) + "." + (note == null ? ""
                                : " " + note);
            }
            ObservationRow figure = new ObservationRow(once(d.indicator(), shared), row.cells()[0], d.period(),
                    ObservationEntity.normalize(value), qualifier, d.source(), row.text(), note, d.status(), precision);
            figures.add(new Located<>(row.line(), figure, java.util.Set.of()));
        }
        return figures;
    }

    private static BigDecimal number(Table table, Row row, int column, List<Problem> problems) {
        String cell = row.cells()[column].strip();
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            String header = table.columns().entrySet().stream().filter(c -> c.getValue() == column)
                    .map(Map.Entry::getKey).findFirst().orElse("?");
            problems.add(new Problem(table.file(), row.line(), header + " \"" + cell + "\" is not a number"));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T once(T value, Map<Object, Object> shared) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }
}
