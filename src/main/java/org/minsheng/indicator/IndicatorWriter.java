package org.minsheng.indicator;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.editing.CodedWriter;
import org.minsheng.graphql.InvalidFieldException;
import org.minsheng.persistence.Queries;
import org.minsheng.vocabulary.Codes;

/** Writes indicators through the API, each write with its revision. */
@ApplicationScoped
public class IndicatorWriter extends CodedWriter<IndicatorEntity, IndicatorState> {

    public IndicatorWriter() {
        super(Indicator.TYPE, IndicatorEntity.class, IndicatorState.class, IndicatorState::of, IndicatorEntity::new,
                IndicatorState::applyTo);
    }

    @Override
    protected void check(IndicatorState state, IndicatorState before) {
        if (before == null && !Codes.INDICATOR.matcher(state.code()).matches()) {
            throw new InvalidFieldException("input.code", "\"" + state.code() + "\" is not " + Codes.INDICATOR_FORM);
        }
        if (before != null && state.unit() != before.unit()) {
            long figures = figures(state.code());
            if (figures > 0) {
                throw new InvalidFieldException("input.unit", figures + " figures are stored in " + before.unit()
                        + " and their quotes state them so; change or delete them first");
            }
        }
    }

    @Override
    protected Optional<String> refusesDelete(IndicatorState state) {
        long figures = figures(state.code());
        long programs = Queries.em().createQuery("select count(l) from ProgramIndicatorEntity l where l.indicatorCode = :c",
                Long.class).setParameter("c", state.code()).getSingleResult();
        if (figures + programs == 0) {
            return Optional.empty();
        }
        return Optional.of(figures + " figures and " + programs + " programmes refer to indicator " + state.code()
                + "; delete or change them first");
    }

    private static long figures(String indicator) {
        return Queries.em().createQuery("select count(o) from ObservationEntity o where o.indicatorCode = :c", Long.class)
                .setParameter("c", indicator).getSingleResult();
    }
}
