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
        List<Located<ObservationRow>> observations = new ArrayList<>();
        Map<NaturalKey, Integer> seen = new HashMap<>();
        for (Located<ObservationRow> located : CsvRows.read(NAME, text, ObservationRow.class, problems)) {
            if (!complete(located, problems)) {
                continue;
            }
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
