package org.minsheng.program;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.editing.CodedWriter;
import org.minsheng.graphql.InvalidFieldException;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.persistence.Queries;
import org.minsheng.region.RegionEntity;
import org.minsheng.source.DatePrecision;
import org.minsheng.source.SourceEntity;
import org.minsheng.vocabulary.Codes;

/** Writes programmes through the API, their region and indicator links with them. */
@ApplicationScoped
public class ProgramWriter extends CodedWriter<ProgramEntity, ProgramState> {

    public ProgramWriter() {
        super(Program.TYPE, ProgramEntity.class, ProgramState.class, ProgramWriter::read, ProgramEntity::new,
                ProgramState::applyTo);
    }

    /** A programme's state: its row and its links. */
    private static ProgramState read(ProgramEntity entity) {
        List<String> regions = Queries.em().createQuery("select l.regionCode from ProgramRegionEntity l"
                + " where l.programCode = :c order by l.regionCode", String.class).setParameter("c", entity.code)
                .getResultList();
        List<String> indicators = Queries.em().createQuery("select l.indicatorCode from ProgramIndicatorEntity l"
                + " where l.programCode = :c order by l.indicatorCode", String.class).setParameter("c", entity.code)
                .getResultList();
        return ProgramState.of(entity, regions, indicators);
    }

    @Override
    protected void written(ProgramState state, ProgramEntity entity) {
        removing(entity);
        state.regionCodes().forEach(region -> new ProgramRegionEntity(entity.code, region).persist());
        if (state.indicatorCodes() != null) {
            state.indicatorCodes().forEach(indicator -> new ProgramIndicatorEntity(entity.code, indicator).persist());
        }
    }

    @Override
    protected void removing(ProgramEntity entity) {
        Queries.em().createQuery("delete from ProgramRegionEntity l where l.programCode = :c")
                .setParameter("c", entity.code).executeUpdate();
        Queries.em().createQuery("delete from ProgramIndicatorEntity l where l.programCode = :c")
                .setParameter("c", entity.code).executeUpdate();
    }

    @Override
    protected void check(ProgramState state, ProgramState before) {
        if (before == null && !Codes.SLUG.matcher(state.code()).matches()) {
            throw new InvalidFieldException("input.code", "\"" + state.code() + "\" is not " + Codes.SLUG_FORM);
        }
        references("input.regionCodes", state.regionCodes(), RegionEntity.class, "region");
        if (state.indicatorCodes() != null) {
            references("input.indicatorCodes", state.indicatorCodes(), IndicatorEntity.class, "indicator");
        }
        if (state.sourceCode() != null && SourceEntity.findById(state.sourceCode()) == null) {
            throw new InvalidFieldException("input.sourceCode", "there is no source \"" + state.sourceCode() + "\"");
        }
        if (state.regionsInAll() != null && state.regionsInAll() <= state.regionCodes().size()) {
            throw new InvalidFieldException("input.regionsInAll", "must be more than the regions listed ("
                    + state.regionCodes().size() + "); leave it out when the list is complete");
        }
        date("input.startedOn", state.startedOn(), state.startPrecision(), true);
        date("input.endedOn", state.endedOn(), state.endPrecision(), false);
        if (state.startedOn() != null && state.endedOn() != null && state.endedOn().isBefore(state.startedOn())) {
            throw new InvalidFieldException("input.endedOn", "the programme ends (" + state.endedOn()
                    + ") before it starts (" + state.startedOn() + ")");
        }
    }

    private static void references(String field, List<String> codes, Class<?> type, String kind) {
        if (new HashSet<>(codes).size() != codes.size()) {
            throw new InvalidFieldException(field, "a " + kind + " is listed twice");
        }
        for (String code : codes) {
            if (Queries.em().find(type, code) == null) {
                throw new InvalidFieldException(field, "there is no " + kind + " \"" + code + "\"");
            }
        }
    }

    /**
     * A date with its precision: a start is the first day of its month or year, an end the last,
     * as the bundle's partial dates are read.
     */
    private static void date(String field, LocalDate date, DatePrecision precision, boolean start) {
        if (date == null) {
            return;
        }
        if (precision == null) {
            throw new InvalidFieldException(field, "a date needs its precision (DAY, MONTH or YEAR)");
        }
        LocalDate expected = switch (precision) {
            case DAY, ON_OR_AFTER -> date;
            case MONTH -> start ? date.withDayOfMonth(1) : date.with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> start ? date.withDayOfYear(1) : date.with(TemporalAdjusters.lastDayOfYear());
        };
        if (!expected.equals(date)) {
            throw new InvalidFieldException(field, "a " + precision + " date is written as the " + (start ? "first" : "last")
                    + " day of its " + precision.name().toLowerCase() + " (" + expected + ")");
        }
    }
}
