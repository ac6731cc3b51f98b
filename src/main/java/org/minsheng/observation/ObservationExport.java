package org.minsheng.observation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.export.ExportRequest;
import org.minsheng.export.ExportRow;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.region.RegionLevel;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;

/**
 * The figures of an export, read as a stream of columns (never entities, so the persistence
 * context stays empty) in the order of the request, with the same filter as the GraphQL
 * {@code observations} query.
 */
@ApplicationScoped
public class ObservationExport {

    @jakarta.inject.Inject
    org.minsheng.indicator.IndicatorService indicators;

    /** Rows fetched from the database at a time. */
    private static final int FETCH = 500;

    private static final Jpql JOINED = Jpql.from("from ObservationEntity o, IndicatorEntity i, RegionEntity r")
            .where("i.code = o.indicatorCode").where("r.code = o.regionCode");

    private static final String COLUMNS = "o.indicatorCode, i.name, i.nameEn, o.regionCode, r.name, r.nameEn, r.level,"
            + " o.periodStart, o.periodEnd, o.value, o.qualifier, i.unit, i.counterZh, i.counterEn, o.sourceCode, o.quote,"
            + " o.note, o.status, o.precision";

    /** Sends every figure the request selects to {@code sink}, in one read-only transaction. */
    @Transactional
    @ReadOnly
    public long stream(ExportRequest request, Consumer<ExportRow> sink) {
        Jpql query = ObservationService.query(JOINED, request.filter(), indicators);
        String orderBy = ObservationOrder.keyset(request.order()).orderBy();
        long rows = 0;
        try (Stream<Object[]> stream = query.stream(Object[].class, COLUMNS, orderBy, FETCH)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                sink.accept(row(iterator.next(), request.language()));
                if (++rows % FETCH == 0) {
                    Queries.em().clear();
                }
            }
        }
        return rows;
    }

    /** What each status (a qualifier) of a JSON-stat export means, for its readers. */
    private static final java.util.Map<Qualifier, String> STATUS = new java.util.EnumMap<>(java.util.Map.of(
            Qualifier.EXACT, "exact: the source gives this value",
            Qualifier.APPROXIMATE, "approximate: the source says about this value (约)",
            Qualifier.MORE_THAN, "more than: the true figure exceeds this value (余, 超过); a lower bound",
            Qualifier.AT_LEAST, "at least: the true figure is this value or more (以上); a lower bound",
            Qualifier.LESS_THAN, "less than: the true figure is below this value (不足); an upper bound",
            Qualifier.AT_MOST, "at most: the true figure is this value or less; an upper bound"));

    /**
     * The figures the request selects as one JSON-stat 2.0 dataset, written to {@code json}: the
     * categories first (one query each), then the values and their statuses, each streamed. Source
     * is a dimension beside indicator, region and time, so that two sources giving the same figure
     * are two cells, never one hiding the other.
     */
    @Transactional
    @ReadOnly
    public void jsonStat(ExportRequest request, com.fasterxml.jackson.core.JsonGenerator json) throws java.io.IOException {
        boolean en = request.language() == Language.EN;
        Jpql query = ObservationService.query(JOINED, request.filter(), indicators);
        List<Object[]> indicators = query.list(Object[].class,
                "distinct o.indicatorCode, i.name, i.nameEn, i.unit, i.counterZh, i.counterEn", "o.indicatorCode");
        List<Object[]> regions = query.list(Object[].class, "distinct o.regionCode, r.name, r.nameEn", "o.regionCode");
        List<Object[]> periods = query.list(Object[].class, "distinct o.periodStart, o.periodEnd",
                "o.periodEnd, o.periodStart");
        List<String> sources = query.list(String.class, "distinct o.sourceCode", "o.sourceCode");
        java.util.Map<String, Integer> indicatorIndex = index(indicators.stream().map(c -> (String) c[0]).toList());
        java.util.Map<String, Integer> regionIndex = index(regions.stream().map(c -> (String) c[0]).toList());
        List<String> periodIds = periods.stream().map(c -> new Period((LocalDate) c[0], (LocalDate) c[1]).getLabel())
                .toList();
        java.util.Map<String, Integer> periodIndex = index(periods.stream().map(c -> c[0] + "/" + c[1]).toList());
        java.util.Map<String, Integer> sourceIndex = index(sources);
        long[] size = { indicators.size(), regions.size(), periods.size(), sources.size() };

        json.writeStartObject();
        json.writeStringField("version", "2.0");
        json.writeStringField("class", "dataset");
        json.writeStringField("label", en ? "Minsheng livelihood figures" : "民生统计数据");
        json.writeStringField("source", "Minsheng");
        json.writeStringField("updated", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString());
        json.writeArrayFieldStart("note");
        json.writeString("Each value is as published, in the indicator's unit; its status is the qualifier the source "
                + "gave it (see extension.status). A MORE_THAN or AT_LEAST value is a lower bound, not an exact figure.");
        json.writeString("extension.figureStatus gives, by cell, how the figure was made (COUNT, SAMPLE_ESTIMATE, DERIVED, "
                + "REPORTED), and extension.precision the decimals it was published with in its unit (-3: to the "
                + "thousand).");
        json.writeEndArray();
        json.writeArrayFieldStart("id");
        for (String id : List.of("indicator", "region", "time", "source")) {
            json.writeString(id);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("size");
        for (long n : size) {
            json.writeNumber(n);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("role");
        json.writeArrayFieldStart("time");
        json.writeString("time");
        json.writeEndArray();
        json.writeArrayFieldStart("geo");
        json.writeString("region");
        json.writeEndArray();
        json.writeArrayFieldStart("metric");
        json.writeString("indicator");
        json.writeEndArray();
        json.writeEndObject();

        json.writeObjectFieldStart("dimension");
        json.writeObjectFieldStart("indicator");
        json.writeStringField("label", en ? "indicator" : "指标");
        json.writeObjectFieldStart("category");
        writeIndex(json, indicators.stream().map(c -> (String) c[0]).toList());
        json.writeObjectFieldStart("label");
        for (Object[] c : indicators) {
            json.writeStringField((String) c[0], Languages.pick(request.language(), (String) c[1], (String) c[2]));
        }
        json.writeEndObject();
        json.writeObjectFieldStart("unit");
        for (Object[] c : indicators) {
            UnitOfMeasure unit = (UnitOfMeasure) c[3];
            json.writeObjectFieldStart((String) c[0]);
            json.writeStringField("label", en ? unit.nameEn : unit.nameZh);
            if (unit.symbol != null) {
                json.writeStringField("symbol", unit.symbol);
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeStringField("label", en ? "region" : "地区");
        json.writeObjectFieldStart("category");
        writeIndex(json, regions.stream().map(c -> (String) c[0]).toList());
        json.writeObjectFieldStart("label");
        for (Object[] c : regions) {
            json.writeStringField((String) c[0], Languages.pick(request.language(), (String) c[1], (String) c[2]));
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("time");
        json.writeStringField("label", en ? "period" : "时期");
        json.writeObjectFieldStart("category");
        writeIndex(json, periodIds);
        json.writeObjectFieldStart("label");
        for (int i = 0; i < periods.size(); i++) {
            json.writeStringField(periodIds.get(i), periods.get(i)[0] + "/" + periods.get(i)[1]);
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("source");
        json.writeStringField("label", en ? "source" : "来源");
        json.writeObjectFieldStart("category");
        writeIndex(json, sources);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();

        String cells = "o.indicatorCode, o.regionCode, o.periodStart, o.periodEnd, o.sourceCode, o.value, o.qualifier,"
                + " o.status, o.precision";
        // value and status are JSON-stat's; figureStatus and precision, by cell, are Minsheng's extension.
        for (String field : List.of("value", "status", "figureStatus", "precision")) {
            if (field.equals("figureStatus")) {
                json.writeObjectFieldStart("extension");
            }
            json.writeObjectFieldStart(field);
            try (Stream<Object[]> stream = query.stream(Object[].class, cells, "o.id", FETCH)) {
                var rows = stream.iterator();
                while (rows.hasNext()) {
                    Object[] c = rows.next();
                    long cell = ((indicatorIndex.get((String) c[0]) * size[1] + regionIndex.get((String) c[1])) * size[2]
                            + periodIndex.get(c[2] + "/" + c[3])) * size[3] + sourceIndex.get((String) c[4]);
                    json.writeFieldName(Long.toString(cell));
                    switch (field) {
                        case "value" -> json.writeNumber(ObservationEntity.normalize((java.math.BigDecimal) c[5]));
                        case "status" -> json.writeString(((Qualifier) c[6]).name());
                        case "figureStatus" -> json.writeString(((ObservationStatus) c[7]).name());
                        default -> {
                            if (c[8] == null) {
                                json.writeNull();
                            } else {
                                json.writeNumber((Integer) c[8]);
                            }
                        }
                    }
                }
            }
            json.writeEndObject();
        }
        json.writeObjectFieldStart("status");
        for (var status : STATUS.entrySet()) {
            json.writeStringField(status.getKey().name(), status.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static java.util.Map<String, Integer> index(List<String> ids) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (String id : ids) {
            index.put(id, index.size());
        }
        return index;
    }

    private static void writeIndex(com.fasterxml.jackson.core.JsonGenerator json, List<String> ids)
            throws java.io.IOException {
        json.writeArrayFieldStart("index");
        for (String id : ids) {
            json.writeString(id);
        }
        json.writeEndArray();
    }

    private static ExportRow row(Object[] c, Language language) {
        LocalDate start = (LocalDate) c[7];
        LocalDate end = (LocalDate) c[8];
        java.math.BigDecimal value = ObservationEntity.normalize((java.math.BigDecimal) c[9]);
        Qualifier qualifier = (Qualifier) c[10];
        UnitOfMeasure unit = (UnitOfMeasure) c[11];
        String counterZh = c[12] != null ? (String) c[12] : unit.counterZh;
        String counterEn = c[13] != null ? (String) c[13] : unit.counterEn;
        return new ExportRow((String) c[0], Languages.pick(language, (String) c[1], (String) c[2]), (String) c[3],
                Languages.pick(language, (String) c[4], (String) c[5]), ((RegionLevel) c[6]).name(), start.toString(),
                end.toString(),
                new Period(start, end).getLabel(), value, qualifier.name(), ((ObservationStatus) c[17]).name(), (Integer) c[18],
                unit.name(),
                FigureFormat.display(value, qualifier, unit, counterZh, counterEn, language), (String) c[14],
                (String) c[15], (String) c[16]);
    }

}
