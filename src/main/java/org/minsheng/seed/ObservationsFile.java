package org.minsheng.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minsheng.seed.SeedBundle.NaturalKey;
import org.minsheng.seed.SeedBundle.ObservationRow;

/**
 * observations.csv: one figure a row. Every column but the note is filled, and no two rows share
 * indicator, region, period and source. References and quotes are checked by {@link CrossChecks}.
 */
final class ObservationsFile {

    static final String NAME = "observations.csv";

    private ObservationsFile() {
    }

    static List<Located<ObservationRow>> read(String text, List<Problem> problems) {
        return read(new java.io.StringReader(text), problems, Integer.MAX_VALUE);
    }

    /** The rows of the file as it streams; LIMIT_EXCEEDED past {@code maxRows}. */
    static List<Located<ObservationRow>> read(java.io.Reader text, List<Problem> problems, int maxRows) {
        List<Located<ObservationRow>> observations = new ArrayList<>();
        Map<NaturalKey, Integer> seen = new HashMap<>();
        // Codes and periods repeat from row to row: one object of each is kept.
        Map<Object, Object> shared = new HashMap<>();
        for (Located<ObservationRow> read : CsvRows.read(NAME, text, ObservationRow.class, problems, maxRows)) {
            if (!complete(read, problems)) {
                continue;
            }
            Located<ObservationRow> located = new Located<>(read.line(), shared(read.row(), shared), read.invalid());
            Integer first = located.row().period() == null ? null : seen.putIfAbsent(located.row().key(), located.line());
            if (first != null) {
                problems.add(new Problem(NAME, located.line(), "duplicate of line " + first
                        + " (same indicator, region, period and source)"));
                continue;
            }
            observations.add(located);
        }
        return observations;
    }

    private static ObservationRow shared(ObservationRow row, Map<Object, Object> shared) {
        return new ObservationRow(once(row.indicator(), shared), once(row.region(), shared), once(row.period(), shared),
                row.value(), row.qualifier(), once(row.source(), shared), row.quote(), row.note(), row.status(),
                row.precision());
    }

    @SuppressWarnings("unchecked")
    private static <T> T once(T value, Map<Object, Object> shared) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    /**
     * Whether every required value is there; the empty ones are problems. A row whose values did
     * not all fit is kept, for the checks of its references.
     */
    private static boolean complete(Located<ObservationRow> located, List<Problem> problems) {
        ObservationRow row = located.row();
        int before = problems.size();
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("indicator", row.indicator());
        required.put("region", row.region());
        required.put("period", row.period());
        required.put("value", row.value());
        required.put("qualifier", row.qualifier());
        required.put("source", row.source());
        required.forEach((column, value) -> {
            if (located.empty(column, value)) {
                problems.add(new Problem(NAME, located.line(), column + " is empty"));
            }
        });
        if (row.quote() == null || row.quote().isBlank()) {
            problems.add(new Problem(NAME, located.line(), "quote is empty: a figure without a quote is not loaded"));
        }
        return problems.size() == before;
    }
}
