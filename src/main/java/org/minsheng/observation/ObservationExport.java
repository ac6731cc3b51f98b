package org.minsheng.observation;

import java.time.LocalDate;
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

/**
 * The figures of an export, read as a stream of columns (never entities, so the persistence
 * context stays empty) in the order of the request, with the same filter as the GraphQL
 * {@code observations} query.
 */
@ApplicationScoped
public class ObservationExport {

    /** Rows fetched from the database at a time. */
    private static final int FETCH = 500;

    private static final Jpql JOINED = Jpql.from("from ObservationEntity o, IndicatorEntity i, RegionEntity r")
            .where("i.code = o.indicatorCode").where("r.code = o.regionCode");

    private static final String COLUMNS = "o.indicatorCode, i.name, i.nameEn, o.regionCode, r.name, r.nameEn, r.level,"
            + " o.periodStart, o.periodEnd, o.value, o.qualifier, i.unit, i.counterZh, i.counterEn, o.sourceCode, o.quote,"
            + " o.note";

    /** Sends every figure the request selects to {@code sink}, in one read-only transaction. */
    @Transactional
    @ReadOnly
    public long stream(ExportRequest request, Consumer<ExportRow> sink) {
        Jpql query = ObservationService.query(JOINED, request.filter());
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

    /**
     * What the figures' state is known by: the latest import and the latest write through the API.
     * An export's ETag is made of it, so it changes whenever the data do.
     */
    @Transactional
    @ReadOnly
    public String dataVersion() {
        Object[] latest = Queries.em().createQuery("select (select max(s.id) from SeedImportEntity s),"
                + " (select max(v.id) from RevisionEntity v) from SeedLockEntity l", Object[].class).getSingleResult();
        return latest[0] + "/" + latest[1];
    }

    private static ExportRow row(Object[] c, Language language) {
        boolean en = language == Language.EN;
        LocalDate start = (LocalDate) c[7];
        LocalDate end = (LocalDate) c[8];
        java.math.BigDecimal value = ObservationEntity.normalize((java.math.BigDecimal) c[9]);
        Qualifier qualifier = (Qualifier) c[10];
        UnitOfMeasure unit = (UnitOfMeasure) c[11];
        String counterZh = c[12] != null ? (String) c[12] : unit.counterZh;
        String counterEn = c[13] != null ? (String) c[13] : unit.counterEn;
        return new ExportRow((String) c[0], name((String) c[1], (String) c[2], en), (String) c[3],
                name((String) c[4], (String) c[5], en), ((RegionLevel) c[6]).name(), start.toString(), end.toString(),
                new Period(start, end).getLabel(), value, qualifier.name(), unit.name(),
                FigureFormat.display(value, qualifier, unit, counterZh, counterEn, language), (String) c[14],
                (String) c[15], (String) c[16]);
    }

    /** The English name where there is one and English is asked for; else the Chinese one. */
    private static String name(String zh, String en, boolean english) {
        return english && en != null ? en : zh;
    }
}
