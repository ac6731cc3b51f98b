package org.minsheng.seed;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minsheng.observation.QuoteCheck;
import org.minsheng.seed.SeedBundle.IndicatorDef;
import org.minsheng.seed.SeedBundle.ObservationRow;
import org.minsheng.seed.SeedBundle.ProgramDef;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.seed.SeedBundle.SourceDef;

/**
 * The checks across files: every reference resolves, every quote states its figure with its
 * qualifier, and occurs in its source's text when the bundle has that text.
 */
final class CrossChecks {

    private final Map<String, Located<RegionRow>> regions;
    private final Map<String, Located<SourceDef>> sources;
    private final Map<String, Located<IndicatorDef>> indicators;
    private final Map<String, String> sourceTexts;
    private final Set<String> unreadable;
    private final List<Problem> problems;

    /**
     * {@code unreadable}: the files that could not be read to their end (missing or malformed).
     * References into them are not checked: every one would look unknown, and hide the one
     * problem that matters.
     */
    CrossChecks(Map<String, Located<RegionRow>> regions, Map<String, Located<SourceDef>> sources,
            Map<String, Located<IndicatorDef>> indicators, Map<String, String> sourceTexts, Set<String> unreadable,
            List<Problem> problems) {
        this.regions = regions;
        this.sources = sources;
        this.indicators = indicators;
        this.sourceTexts = sourceTexts;
        this.unreadable = unreadable;
        this.problems = problems;
    }

    /** Whether the programme's regions, indicators and source exist. */
    boolean program(Located<ProgramDef> located) {
        int before = problems.size();
        ProgramDef program = located.row();
        String what = "program " + program.code();
        if (!unreadable.contains(RegionsFile.NAME)) {
            references(located.line(), what, "region", program.regions(), regions.keySet());
        }
        if (!unreadable.contains(IndicatorsFile.NAME)) {
            references(located.line(), what, "indicator", program.indicators(), indicators.keySet());
        }
        if (program.source() != null && !unreadable.contains(SourcesFile.NAME) && !sources.containsKey(program.source())) {
            problems.add(new Problem(ProgramsFile.NAME, located.line(), what + ": unknown source \"" + program.source()
                    + "\""));
        }
        return problems.size() == before;
    }

    private void references(int line, String what, String kind, List<String> codes, Set<String> known) {
        if (codes == null) {
            return;
        }
        for (String code : codes) {
            if (!known.contains(code)) {
                problems.add(new Problem(ProgramsFile.NAME, line, what + ": unknown " + kind + " \"" + code + "\""));
            }
        }
        if (codes.stream().distinct().count() != codes.size()) {
            problems.add(new Problem(ProgramsFile.NAME, line, what + ": a " + kind + " is listed twice"));
        }
    }

    /**
     * The observation with the precision its quote writes where the row gives none, or null when its
     * references do not resolve or its quote does not state the figure.
     */
    ObservationRow observation(String file, Located<ObservationRow> located) {
        int before = problems.size();
        ObservationRow row = located.row();
        int line = located.line();
        Located<IndicatorDef> indicator = indicators.get(row.indicator());
        if (indicator == null && !unreadable.contains(IndicatorsFile.NAME)) {
            problem(file, line, "unknown indicator \"" + row.indicator() + "\"");
        }
        if (!regions.containsKey(row.region()) && !unreadable.contains(RegionsFile.NAME)) {
            problem(file, line, "unknown region code \"" + row.region() + "\"");
        }
        if (!sources.containsKey(row.source()) && !unreadable.contains(SourcesFile.NAME)) {
            problem(file, line, "unknown source \"" + row.source() + "\"");
        }
        if (problems.size() > before || indicator == null) {
            return null;
        }
        Integer precision = null;
        if (indicator.row().unit() != null && row.value() != null && row.qualifier() != null) {
            QuoteCheck.check(row.quote(), row.value(), row.qualifier(), row.statusOrDefault(), indicator.row().unit())
                    .ifPresent(reason -> problem(file, line, reason));
            // A table's figures carry the precision tables.yaml gives; only a row without one reads it from its quote.
            if (row.precision() == null) {
                precision = QuoteCheck.precision(row.quote(), row.value(), row.statusOrDefault(), indicator.row().unit());
            }
        }
        String sourceText = sourceTexts.get(row.source());
        if (sourceText != null && !sourceText.contains(row.quote())) {
            problem(file, line, "quote is not in the text of source " + row.source() + ", character for character");
        }
        return problems.size() == before ? row.withPrecision(precision) : null;
    }

    private void problem(String file, int line, String reason) {
        problems.add(new Problem(file, line, reason));
    }
}
