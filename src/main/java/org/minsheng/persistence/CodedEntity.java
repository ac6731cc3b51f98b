package org.minsheng.persistence;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The columns of every row an editor writes by code: the code itself and the version writes check. */
@MappedSuperclass
public abstract class CodedEntity extends PanacheEntityBase {

    @Id
    public String code;

    /** Raised by every update; an update or delete names the version it read. */
    @Version
    public int version;
}
