package org.minsheng.source;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.editing.CodedWriter;
import org.minsheng.graphql.InvalidFieldException;
import org.minsheng.persistence.Queries;
import org.minsheng.vocabulary.Codes;

/** Writes sources through the API, each write with its revision. */
@ApplicationScoped
public class SourceWriter extends CodedWriter<SourceEntity, SourceState> {

    public SourceWriter() {
        super(SourceDocument.TYPE, SourceEntity.class, SourceState.class, SourceState::of, SourceEntity::new,
                SourceState::applyTo);
    }

    @Override
    protected void check(SourceState state, SourceState before) {
        if (before == null && !Codes.SLUG.matcher(state.code()).matches()) {
            throw new InvalidFieldException("input.code", "\"" + state.code() + "\" is not " + Codes.SLUG_FORM);
        }
        if (state.date() != null && state.datePrecision() == null) {
            throw new InvalidFieldException("input.datePrecision", "a date needs its precision (DAY, MONTH or YEAR)");
        }
    }

    @Override
    protected Optional<String> refusesDelete(SourceState state) {
        long figures = Queries.em().createQuery("select count(o) from ObservationEntity o where o.sourceCode = :c",
                Long.class).setParameter("c", state.code()).getSingleResult();
        long programs = Queries.em().createQuery("select count(p) from ProgramEntity p where p.sourceCode = :c",
                Long.class).setParameter("c", state.code()).getSingleResult();
        if (figures + programs == 0) {
            return Optional.empty();
        }
        return Optional.of(figures + " figures and " + programs + " programmes cite source " + state.code()
                + "; delete or change them first");
    }
}
