package org.minsheng.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationStatus;
import org.minsheng.observation.Qualifier;
import org.minsheng.program.ProgramEntity;
import org.minsheng.program.ProgramKind;
import org.minsheng.region.RegionEntity;
import org.minsheng.region.RegionLevel;
import org.minsheng.source.DatePrecision;
import org.minsheng.source.SourceEntity;
import org.minsheng.vocabulary.Theme;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A validated seed bundle, ready to import: every reference resolves and every quote states its
 * figure. {@code sourceTexts} holds the full texts the bundle has, by source code; {@code files} names
 * the files it was read from.
 * <p>
 * Each row type is the shape of one file, bound by Jackson (a component is a CSV column or a YAML
 * field, in snake case; {@code required} columns must be in the header), and holds the mapping of
 * its row onto its table: {@code applyTo} sets every column. Adding a field is a migration, an
 * entity field, a component here and a line in {@code applyTo}; {@code SeedMappingTest} fails
 * when one of the last three is missing, and Hibernate's schema validation when the first is.
 */
public record SeedBundle(String location, String checksum, List<RegionRow> regions, List<SourceDef> sources,
        List<IndicatorDef> indicators, List<ProgramDef> programs, List<ObservationRow> observations,
        Map<String, String> sourceTexts, List<String> files) {

    /** A row of regions.csv. */
    @RegisterForReflection
    public record RegionRow(
            @JsonProperty(required = true) String code,
            @JsonProperty(required = true) String name,
            String nameEn,
            @JsonProperty(required = true) RegionLevel level,
            @JsonProperty(required = true) String parentCode,
            Boolean statisticalOnly) {

        void applyTo(RegionEntity e) {
            e.code = code;
            e.name(name);
            e.nameEn = nameEn;
            e.level = level;
            e.parentCode = parentCode;
            e.statisticalOnly = Boolean.TRUE.equals(statisticalOnly);
        }
    }

    /**
     * An entry of sources.yaml. {@code text} names a bundle file holding the document's full text;
     * {@code tables}, for a statistical publication, the bundle files holding its tables (CSV), which
     * together are its text.
     */
    @RegisterForReflection
    public record SourceDef(String code, String title, String titleEn, String publisher, String author,
            LocalDate date, DatePrecision datePrecision, String locator, String text, List<String> tables,
            String note) {

        void applyTo(SourceEntity e) {
            e.code = code;
            e.title = title;
            e.titleEn = titleEn;
            e.publisher = publisher;
            e.author = author;
            e.date = date;
            e.datePrecision = datePrecision;
            e.locator = locator;
            e.note = note;
        }
    }

    /** An entry of indicators.yaml. */
    @RegisterForReflection
    public record IndicatorDef(String code, String name, String nameEn, String description, String descriptionEn,
            Theme theme, UnitOfMeasure unit, String counterZh, String counterEn, Boolean additive) {

        void applyTo(IndicatorEntity e) {
            e.code = code;
            e.name(name);
            e.nameEn = nameEn;
            e.description = description;
            e.descriptionEn = descriptionEn;
            e.theme = theme;
            e.unit = unit;
            e.counterZh = counterZh;
            e.counterEn = counterEn;
            e.additive = additive;
        }
    }

    /**
     * An entry of programs.yaml; started_on and ended_on are partial dates (2024, 2024-04,
     * 2024-04-01). Its regions and indicators are rows of the link tables.
     */
    @RegisterForReflection
    public record ProgramDef(String code, String name, String nameEn, String description, String descriptionEn,
            Theme theme, ProgramKind kind, String agency, String agencyEn, PeriodNotation.PartialDate startedOn,
            PeriodNotation.PartialDate endedOn, List<String> regions, Integer regionsInAll, List<String> indicators,
            String source) {

        void applyTo(ProgramEntity e) {
            e.code = code;
            e.name(name);
            e.nameEn = nameEn;
            e.description = description;
            e.descriptionEn = descriptionEn;
            e.theme = theme;
            e.kind = kind;
            e.agency = agency;
            e.agencyEn = agencyEn;
            e.startedOn = startedOn == null ? null : startedOn.span().start();
            e.startPrecision = startedOn == null ? null : startedOn.precision();
            e.endedOn = endedOn == null ? null : endedOn.span().end();
            e.endPrecision = endedOn == null ? null : endedOn.precision();
            e.regionsInAll = regionsInAll;
            e.sourceCode = source;
        }
    }

    /** A row of observations.csv. */
    @RegisterForReflection
    public record ObservationRow(
            @JsonProperty(required = true) String indicator,
            @JsonProperty(required = true) String region,
            @JsonProperty(required = true) PeriodNotation.Interval period,
            @JsonProperty(required = true) BigDecimal value,
            @JsonProperty(required = true) Qualifier qualifier,
            @JsonProperty(required = true) String source,
            @JsonProperty(required = true) String quote,
            String note,
            ObservationStatus status,
            Integer precision) {

        /** The row's status; REPORTED when the file does not say. */
        public ObservationStatus statusOrDefault() {
            return status == null ? ObservationStatus.REPORTED : status;
        }

        /** The same row with the precision its quote writes, where the row does not give one. */
        ObservationRow withPrecision(Integer decimals) {
            return precision != null || decimals == null ? this
                    : new ObservationRow(indicator, region, period, value, qualifier, source, quote, note, status, decimals);
        }

        void applyTo(ObservationEntity e) {
            e.indicatorCode = indicator;
            e.regionCode = region;
            e.periodStart = period.start();
            e.periodEnd = period.end();
            e.value = ObservationEntity.stored(value);
            e.qualifier = qualifier;
            e.sourceCode = source;
            e.quote = quote;
            e.note = note;
            e.status = statusOrDefault();
            e.precision = precision;
        }

        public NaturalKey key() {
            return new NaturalKey(indicator, region, period.start(), period.end(), source);
        }
    }

    /**
     * An entry of tables.yaml: the column of a source's table that gives an indicator, for every row of
     * the table; {@code decimals}, how many the table prints it with; {@code multiplyBy}, what turns
     * the cell into the base unit (100 for a fraction that is a percentage); for a DERIVED column,
     * the count of another table it multiplies.
     */
    @RegisterForReflection
    public record TableColumnDef(String indicator, String source, String table, String column,
            PeriodNotation.Interval period, ObservationStatus status, Integer decimals, BigDecimal multiplyBy,
            String timesTable, String timesColumn, String note) {
    }

    /** What identifies an observation: the same figure from the same source is one row. */
    public record NaturalKey(String indicator, String region, LocalDate periodStart, LocalDate periodEnd,
            String source) {
    }
}
