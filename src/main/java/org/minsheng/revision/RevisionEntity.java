package org.minsheng.revision;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One write through the API: the state of an object before and after it, who, when and why. */
@Entity
@Table(name = "revision")
public class RevisionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_seq")
    @SequenceGenerator(name = "revision_seq", sequenceName = "revision_seq", allocationSize = 50)
    public Long id;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_key")
    public String entityKey;

    @Enumerated(EnumType.STRING)
    public RevisionAction action;

    public Instant at;

    public String actor;

    public String reason;

    @Column(name = "before_state")
    public String before;

    @Column(name = "after_state")
    public String after;

    @Column(name = "client_mutation_id")
    public String clientMutationId;

    public Revision toGraph() {
        return new Revision(id, entityType, entityKey, at, actor, action, reason, Json.of(before), Json.of(after));
    }
}
