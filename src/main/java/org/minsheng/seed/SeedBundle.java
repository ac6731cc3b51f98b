package org.minsheng.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.Qualifier;
import org.minsheng.program.ProgramKind;
import org.minsheng.region.RegionLevel;
import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A validated seed bundle, ready to import: every reference resolves and every quote states its figure. */
public record SeedBundle(String location, String checksum, List<RegionRow> regions, List<SourceDef> sources,
        List<IndicatorDef> indicators, List<ProgramDef> programs, List<ObservationRow> observations) {

    /** A row of regions.csv. */
    public record RegionRow(int line, String code, String name, String nameEn, RegionLevel level, String parentCode,
            boolean statisticalOnly) {
    }

    /** An entry of sources.yaml. {@code text} names a bundle file holding the document's full text. */
    @RegisterForReflection
    public record SourceDef(String code, String title, String titleEn, String publisher, String author,
            LocalDate date, DatePrecision datePrecision, String locator, String text, String note) {
    }

    /** An entry of indicators.yaml. */
    @RegisterForReflection
    public record IndicatorDef(String code, String name, String nameEn, String description, String descriptionEn,
            Theme theme, UnitOfMeasure unit, String counterZh, String counterEn, Boolean additive) {
    }

    /** An entry of programs.yaml; started_on and ended_on are partial dates (2024, 2024-04, 2024-04-01). */
    @RegisterForReflection
    public record ProgramDef(String code, String name, String nameEn, String description, String descriptionEn,
            Theme theme, ProgramKind kind, String agency, String agencyEn, String startedOn, String endedOn,
            List<String> regions, List<String> indicators, String source) {
    }

    /** A row of observations.csv. */
    public record ObservationRow(int line, String indicator, String region, LocalDate periodStart, LocalDate periodEnd,
            BigDecimal value, Qualifier qualifier, String source, String quote, String note) {

        public NaturalKey key() {
            return new NaturalKey(indicator, region, periodStart, periodEnd, source);
        }
    }

    /** What identifies an observation: the same figure from the same source is one row. */
    public record NaturalKey(String indicator, String region, LocalDate periodStart, LocalDate periodEnd,
            String source) {
    }
}
