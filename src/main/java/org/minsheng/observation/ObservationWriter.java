package org.minsheng.observation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.ConflictException;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.InvalidFieldException;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.persistence.Queries;
import org.minsheng.region.RegionEntity;
import org.minsheng.revision.RevisionAction;
import org.minsheng.revision.RevisionEntity;
import org.minsheng.revision.RevisionService;
import org.minsheng.source.SourceEntity;

/**
 * Writes figures through the API, each write with its revision in one transaction. Every rule of
 * the seed bundle holds (known codes, a closed period, a quote that states the value with its
 * qualifier), checked before anything is written; a refused write changes nothing.
 */
@ApplicationScoped
public class ObservationWriter {

    @Inject
    Validator validator;

    @Inject
    RevisionService revisions;

    @Inject
    Event<FiguresChanged> changed;

    @Transactional
    public ObservationGraphQLApi.CreatePayload create(ObservationInputs.Create input, String actor) {
        checkInput(input);
        Optional<Observation> repeated = repeated(actor, input.clientMutationId);
        if (repeated.isPresent()) {
            return new ObservationGraphQLApi.CreatePayload(repeated.get(), input.clientMutationId);
        }
        ObservationEntity e = new ObservationEntity();
        new ObservationState(input.indicatorCode, input.regionCode, input.periodStart, input.periodEnd, input.value,
                input.qualifier, input.sourceCode, input.quote, input.note, 0,
                input.status == null ? ObservationStatus.REPORTED : input.status, input.precision).applyTo(e);
        checkRules(e, null);
        e.persist();
        Queries.em().flush();
        RevisionEntity revision = revisions.record(Observation.TYPE, e.id.toString(), RevisionAction.CREATE, null,
                ObservationState.of(e), actor, input.reason, input.clientMutationId);
        changed.fire(new FiguresChanged("an observation was written through the API",
                List.of(ObservationEvent.created(e.id, revision.id, ObservationState.of(e)))));
        return new ObservationGraphQLApi.CreatePayload(toGraph(e), input.clientMutationId);
    }

    @Transactional
    public ObservationGraphQLApi.UpdatePayload update(ObservationInputs.Update input, String actor) {
        checkInput(input);
        Optional<Observation> repeated = repeated(actor, input.clientMutationId);
        if (repeated.isPresent()) {
            return new ObservationGraphQLApi.UpdatePayload(repeated.get(), input.clientMutationId);
        }
        ObservationEntity e = current(input.id, input.version);
        ObservationState before = ObservationState.of(e);
        ObservationState after = new ObservationState(before.indicatorCode(), before.regionCode(),
                input.periodStart != null ? input.periodStart : before.periodStart(),
                input.periodEnd != null ? input.periodEnd : before.periodEnd(),
                input.value != null ? input.value : before.value(),
                input.qualifier != null ? input.qualifier : before.qualifier(),
                input.sourceCode != null ? input.sourceCode : before.sourceCode(),
                input.quote != null ? input.quote : before.quote(),
                input.note != null ? input.note : before.note(), before.version(),
                input.status != null ? input.status : before.status(),
                input.precision != null ? input.precision : before.precision());
        after.applyTo(e);
        checkRules(e, e.id);
        // Written now: a write of the same version by another request or replica is found here, and
        // ObservationGraphQLApi answers it CONFLICT.
        Queries.em().flush();
        RevisionEntity revision = revisions.record(Observation.TYPE, e.id.toString(), RevisionAction.UPDATE, before,
                ObservationState.of(e), actor, input.reason, input.clientMutationId);
        changed.fire(new FiguresChanged("an observation was written through the API",
                List.of(ObservationEvent.updated(e.id, revision.id, before, ObservationState.of(e)))));
        return new ObservationGraphQLApi.UpdatePayload(toGraph(e), input.clientMutationId);
    }

    @Transactional
    public ObservationGraphQLApi.DeletePayload delete(ObservationInputs.Delete input, String actor) {
        checkInput(input);
        Optional<RevisionEntity> repeated = revisions.repeated(actor, input.clientMutationId);
        if (repeated.isPresent()) {
            return new ObservationGraphQLApi.DeletePayload(GlobalId.encode(Observation.TYPE, repeated.get().entityKey),
                    input.clientMutationId);
        }
        ObservationEntity e = current(input.id, input.version);
        ObservationState before = ObservationState.of(e);
        e.delete();
        Queries.em().flush();
        RevisionEntity revision = revisions.record(Observation.TYPE, e.id.toString(), RevisionAction.DELETE, before,
                null, actor, input.reason, input.clientMutationId);
        changed.fire(new FiguresChanged("an observation was written through the API",
                List.of(ObservationEvent.deleted(e.id, revision.id, before))));
        return new ObservationGraphQLApi.DeletePayload(GlobalId.encode(Observation.TYPE, e.id.toString()),
                input.clientMutationId);
    }

    /**
     * Brings back a deleted figure under its old ID, as its deletion's revision recorded it, with
     * the next version; refused when it is not deleted or when another figure has taken its place.
     */
    @Transactional
    public ObservationGraphQLApi.RestorePayload restore(ObservationInputs.Restore input, String actor) {
        checkInput(input);
        Optional<Observation> repeated = repeated(actor, input.clientMutationId);
        if (repeated.isPresent()) {
            return new ObservationGraphQLApi.RestorePayload(repeated.get(), input.clientMutationId);
        }
        long key = key(input.id);
        if (ObservationEntity.findById(key) != null) {
            throw new InvalidFieldException("input.id", "observation " + input.id + " is not deleted");
        }
        RevisionEntity last = RevisionEntity.<RevisionEntity> find("entityType = ?1 and entityKey = ?2 order by id desc",
                Observation.TYPE, Long.toString(key)).firstResult();
        if (last == null || last.action != RevisionAction.DELETE) {
            throw new InvalidFieldException("input.id", "there is no deleted observation " + input.id);
        }
        ObservationState state = revisions.read(last.before, ObservationState.class);
        ObservationEntity e = new ObservationEntity();
        state.applyTo(e);
        checkRules(e, null);
        int version = state.version() + 1;
        Queries.em().createNativeQuery("insert into observation (id, indicator_code, region_code, period_start,"
                + " period_end, amount, qualifier, source_code, quote, note, version, status, precision_decimals) values (?1,"
                + " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, key).setParameter(2, e.indicatorCode).setParameter(3, e.regionCode)
                .setParameter(4, e.periodStart).setParameter(5, e.periodEnd).setParameter(6, e.value)
                .setParameter(7, e.qualifier.name()).setParameter(8, e.sourceCode).setParameter(9, e.quote)
                .setParameter(10, e.note).setParameter(11, version).setParameter(12, e.status.name())
                .setParameter(13, e.precision).executeUpdate();
        ObservationEntity restored = ObservationEntity.findById(key);
        RevisionEntity revision = revisions.record(Observation.TYPE, Long.toString(key), RevisionAction.RESTORE, null,
                ObservationState.of(restored), actor, input.reason, input.clientMutationId);
        changed.fire(new FiguresChanged("an observation was restored through the API",
                List.of(ObservationEvent.created(key, revision.id, ObservationState.of(restored)))));
        return new ObservationGraphQLApi.RestorePayload(toGraph(restored), input.clientMutationId);
    }

    /** The number inside an observation's global ID. */
    private static long key(String id) {
        try {
            GlobalId global = GlobalId.decode(id);
            if (global.type().equals(Observation.TYPE)) {
                return Long.parseLong(global.key());
            }
        } catch (BadUserInputException | NumberFormatException e) {
            // refused below
        }
        throw new InvalidFieldException("input.id", "not an observation ID");
    }

    /** The observation with this global ID, locked for the write, at the version the caller read. */
    private ObservationEntity current(String id, int version) {
        long key = key(id);
        ObservationEntity e = Queries.em().find(ObservationEntity.class, key, LockModeType.OPTIMISTIC);
        if (e == null) {
            throw new InvalidFieldException("input.id", "there is no observation " + id + " (deleted, or never there)");
        }
        if (e.version != version) {
            throw new ConflictException("Observation " + id + " is at version " + e.version + ", not " + version
                    + ": it changed since it was read; read it again and repeat the change if it still applies");
        }
        return e;
    }

    private void checkInput(Object input) {
        InvalidFieldException.refuseFirst(validator.validate(input));
    }

    /** The rules of the seed bundle, each refusal naming its field. */
    private static void checkRules(ObservationEntity e, Long self) {
        IndicatorEntity indicator = IndicatorEntity.findById(e.indicatorCode);
        if (indicator == null) {
            throw new InvalidFieldException("input.indicatorCode", "there is no indicator \"" + e.indicatorCode + "\"");
        }
        if (RegionEntity.findById(e.regionCode) == null) {
            throw new InvalidFieldException("input.regionCode", "there is no region \"" + e.regionCode + "\"");
        }
        SourceEntity source = SourceEntity.findById(e.sourceCode);
        if (source == null) {
            throw new InvalidFieldException("input.sourceCode", "there is no source \"" + e.sourceCode + "\"");
        }
        if (e.periodEnd.isBefore(e.periodStart)) {
            throw new InvalidFieldException("input.periodEnd", "the period ends (" + e.periodEnd + ") before it starts ("
                    + e.periodStart + ")");
        }
        if (e.value.stripTrailingZeros().scale() > 6 || e.value.abs().compareTo(new BigDecimal("1e24")) >= 0) {
            throw new InvalidFieldException("input.value", "at most 24 digits before the point and 6 after it");
        }
        QuoteCheck.check(e.quote, e.value, e.qualifier, e.status, indicator.unit)
                .ifPresent(reason -> {
                    throw new InvalidFieldException("input.quote", reason);
                });
        if (e.precision == null) {
            e.precision = QuoteCheck.precision(e.quote, e.value, e.status, indicator.unit);
        }
        if (source.fullText != null && !source.fullText.contains(e.quote)) {
            throw new InvalidFieldException("input.quote", "the quote is not in the text of source " + source.code
                    + ", character for character");
        }
        long same = Queries.em().createQuery("select count(o) from ObservationEntity o where o.indicatorCode = :i"
                + " and o.regionCode = :r and o.periodStart = :s and o.periodEnd = :e and o.sourceCode = :src"
                + " and o.id <> :self", Long.class)
                .setParameter("i", e.indicatorCode).setParameter("r", e.regionCode).setParameter("s", e.periodStart)
                .setParameter("e", e.periodEnd).setParameter("src", e.sourceCode)
                .setParameter("self", self == null ? -1L : self).getSingleResult();
        if (same > 0) {
            throw new InvalidFieldException("input.periodStart", "this source already gives a figure of this indicator"
                    + " for this region and period");
        }
    }

    /** The observation a repeated mutation (same caller, same clientMutationId) wrote the first time. */
    private Optional<Observation> repeated(String actor, String clientMutationId) {
        return revisions.repeated(actor, clientMutationId).map(revision -> {
            ObservationEntity e = ObservationEntity.findById(Long.parseLong(revision.entityKey));
            if (e == null) {
                throw new BadUserInputException("the observation this clientMutationId wrote has been deleted since");
            }
            return toGraph(e);
        });
    }

    private static Observation toGraph(ObservationEntity e) {
        return e.toGraph(IndicatorEntity.findById(e.indicatorCode));
    }
}
