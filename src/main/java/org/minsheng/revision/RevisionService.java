package org.minsheng.revision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.Keyset;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Records every write through the API, and reads the history back. */
@ApplicationScoped
public class RevisionService {

    private static final Keyset<Revision> BY_ID = Keyset.byKey(Keyset.number("v.id", Revision::key));

    @Inject
    ObjectMapper mapper;

    /**
     * Records a write in the caller's transaction, so that the write and its revision land
     * together or not at all. {@code before} and {@code after} are the object's states (null for a
     * creation or a deletion), written as JSON.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RevisionEntity record(String type, String key, RevisionAction action, Object before, Object after,
            String actor, String reason, String clientMutationId) {
        RevisionEntity revision = new RevisionEntity();
        revision.entityType = type;
        revision.entityKey = key;
        revision.action = action;
        revision.at = Instant.now();
        revision.actor = actor;
        revision.reason = reason;
        revision.before = json(before);
        revision.after = json(after);
        revision.clientMutationId = clientMutationId;
        revision.persist();
        return revision;
    }

    /** The revision {@code actor} made with {@code clientMutationId}, if any: a repeated mutation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RevisionEntity> repeated(String actor, String clientMutationId) {
        if (clientMutationId == null) {
            return Optional.empty();
        }
        return RevisionEntity.find("actor = ?1 and clientMutationId = ?2", actor, clientMutationId).firstResultOptional();
    }

    /** Each object's revisions, oldest first: one statement for the whole list. */
    @ReadOnly
    public List<List<Revision>> forObjects(String type, List<String> keys) {
        return Batches.grouped(keys, "select v.entityKey, v from RevisionEntity v where v.entityType = '" + type
                + "' and v.entityKey in " + Batches.KEYS + " order by v.id", row -> ((RevisionEntity) row).toGraph());
    }

    /** Every revision made at or after {@code since}, oldest first: a change feed. */
    @ReadOnly
    public Page<Revision> since(Instant since, PageRequest request) {
        return Jpql.from("from RevisionEntity v").where("v.at >= :since", "since", since)
                .page(RevisionEntity.class, "v", BY_ID, request, RevisionEntity::toGraph);
    }

    /** Every revision of {@code type} made after {@code moment}, newest first: to undo them in memory. */
    @ReadOnly
    public List<RevisionEntity> after(String type, Instant moment) {
        return Queries.em().createQuery("select v from RevisionEntity v where v.entityType = :type and v.at > :moment"
                + " order by v.id desc", RevisionEntity.class).setParameter("type", type).setParameter("moment", moment)
                .getResultList();
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a revision's state as JSON", e);
        }
    }

    /** A revision's state read back. */
    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a revision's state", e);
        }
    }
}
