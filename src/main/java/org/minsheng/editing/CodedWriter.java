package org.minsheng.editing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.ConflictException;
import org.minsheng.graphql.InvalidFieldException;
import org.minsheng.persistence.DataChanged;
import org.minsheng.persistence.Queries;
import org.minsheng.revision.RevisionAction;
import org.minsheng.revision.RevisionEntity;
import org.minsheng.revision.RevisionService;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Creates, updates and deletes the objects of one type keyed by a code (indicators, programmes,
 * sources, regions), each write with its revision in one transaction. A type says how a row reads
 * as a state (what its revisions record), how a state is written back, and which rules a state
 * must hold beyond its Bean Validation constraints. A refused write changes nothing; a stale
 * version, or a write that lost a race, answers CONFLICT.
 * <p>
 * An input is a state's fields by the same names: a creation's input converts to a state, an
 * update's fields replace those of the state read (a field left out keeps its value).
 *
 * @param <E> the entity
 * @param <S> its state, a record holding a code and a version
 */
public abstract class CodedWriter<E, S extends CodedWriter.State> {

    /** An object's state as its revisions record it. */
    public interface State {
        String code();

        int version();
    }

    @Inject
    Validator validator;

    @Inject
    RevisionService revisions;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<DataChanged> changed;

    private final String type;
    private final Class<E> entityType;
    private final Class<S> stateType;
    private final Function<E, S> state;
    private final Supplier<E> newEntity;
    private final BiConsumer<S, E> apply;

    /**
     * {@code state} reads a row as a state; {@code newEntity} makes an empty row; {@code apply}
     * writes a state onto a row, every column but the version.
     */
    protected CodedWriter(String type, Class<E> entityType, Class<S> stateType, Function<E, S> state,
            Supplier<E> newEntity, BiConsumer<S, E> apply) {
        this.type = type;
        this.entityType = entityType;
        this.stateType = stateType;
        this.state = state;
        this.newEntity = newEntity;
        this.apply = apply;
    }

    /** The type's name, as revisions record it. */
    public String type() {
        return type;
    }

    /** Every object's state, by code, as it is in the transaction: for revisions of a bundle import. */
    public Map<String, State> states() {
        Map<String, State> states = new HashMap<>();
        Queries.em().createQuery("from " + entityType.getSimpleName(), entityType).getResultList()
                .forEach(e -> {
                    S state = state(e);
                    states.put(state.code(), state);
                });
        return states;
    }

    private S state(E entity) {
        return state.apply(entity);
    }

    /**
     * Throws {@link InvalidFieldException} when {@code state} breaks a rule of the seed bundle
     * that its constraints cannot state; {@code before} is null for a creation.
     */
    protected abstract void check(S state, S before);

    /** Writes what hangs off the row (links, closure rows) once it is written. */
    protected void written(S state, E entity) {
    }

    /** Deletes what hangs off the row (links) before the row itself is deleted. */
    protected void removing(E entity) {
    }

    /** Why the object cannot be deleted (what still refers to it), if it cannot. */
    protected Optional<String> refusesDelete(S state) {
        return Optional.empty();
    }

    /** Creates the object {@code input} describes. */
    public E create(MutationInput input, String actor) {
        return write(input, actor, () -> {
            S state = mapper.convertValue(input, stateType);
            checkState(state, null);
            if (Queries.em().find(entityType, state.code()) != null) {
                throw new InvalidFieldException("input.code", "there is already a " + type + " " + state.code());
            }
            E entity = newEntity.get();
            apply.accept(state, entity);
            Queries.em().persist(entity);
            Queries.em().flush();
            written(state, entity);
            revisions.record(type, state.code(), RevisionAction.CREATE, null, state(entity), actor, input.reason,
                    input.clientMutationId);
            return entity;
        });
    }

    /** Replaces the fields {@code input} gives, at the version it read. */
    public E update(CodedChange input, String actor) {
        return write(input, actor, () -> {
            E entity = current(input);
            S before = state(entity);
            ObjectNode merged = mapper.valueToTree(before);
            ObjectNode changes = mapper.valueToTree(input);
            changes.properties().removeIf(field -> field.getValue().isNull());
            changes.remove(Set.of("code", "version", "reason", "clientMutationId"));
            merged.setAll(changes);
            S after = mapper.convertValue(merged, stateType);
            checkState(after, before);
            apply.accept(after, entity);
            // Written now: a write of the same version by another request or replica is found here.
            Queries.em().flush();
            written(after, entity);
            Queries.em().flush();
            S now = state(entity);
            if (!now.equals(before) && now.version() == before.version()) {
                // Only what hangs off the row changed (a programme's regions): the version still rises.
                Queries.em().lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                Queries.em().flush();
                now = state(entity);
            }
            if (!now.equals(before)) {
                revisions.record(type, input.code, RevisionAction.UPDATE, before, now, actor, input.reason,
                        input.clientMutationId);
            }
            return entity;
        });
    }

    /** Deletes the object at the version read; its last revision keeps what it was. */
    public String delete(CodedChange input, String actor) {
        return Conflicts.answered(type, () -> QuarkusTransaction.joiningExisting().call(() -> {
            checkInput(input);
            if (revisions.repeated(actor, input.clientMutationId).isPresent()) {
                return input.code;
            }
            E entity = current(input);
            S before = state(entity);
            refusesDelete(before).ifPresent(reason -> {
                throw new InvalidFieldException("input.code", reason);
            });
            removing(entity);
            Queries.em().remove(entity);
            Queries.em().flush();
            revisions.record(type, input.code, RevisionAction.DELETE, before, null, actor, input.reason,
                    input.clientMutationId);
            changed.fire(DataChanged.catalogue("a " + type + " was deleted through the API"));
            return input.code;
        }));
    }

    private interface Write<E> {
        E run();
    }

    /** A write in its own transaction, applied once per clientMutationId. */
    private E write(MutationInput input, String actor, Write<E> write) {
        return Conflicts.answered(type, () -> QuarkusTransaction.joiningExisting().call(() -> {
            checkInput(input);
            Optional<RevisionEntity> repeated = revisions.repeated(actor, input.clientMutationId);
            if (repeated.isPresent()) {
                E first = Queries.em().find(entityType, repeated.get().entityKey);
                if (first == null) {
                    throw new BadUserInputException("the " + type + " this clientMutationId wrote has been deleted since");
                }
                return first;
            }
            E entity = write.run();
            changed.fire(DataChanged.catalogue("a " + type + " was written through the API"));
            return entity;
        }));
    }

    /** The object {@code input} names, locked for the write, at the version the caller read. */
    private E current(CodedChange input) {
        E entity = Queries.em().find(entityType, input.code, LockModeType.OPTIMISTIC);
        if (entity == null) {
            throw new InvalidFieldException("input.code", "there is no " + type + " " + input.code);
        }
        int version = state(entity).version();
        if (version != input.version) {
            throw new ConflictException(type + " " + input.code + " is at version " + version + ", not "
                    + input.version + ": it changed since it was read; read it again and repeat the change if it still"
                    + " applies");
        }
        return entity;
    }

    private void checkState(S state, S before) {
        InvalidFieldException.refuseFirst(validator.validate(state));
        check(state, before);
    }

    private void checkInput(Object input) {
        InvalidFieldException.refuseFirst(validator.validate(input));
    }
}
