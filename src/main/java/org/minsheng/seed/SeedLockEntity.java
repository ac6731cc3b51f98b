package org.minsheng.seed;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row importers lock so that only one of several starting replicas imports at a time. */
@Entity
@Table(name = "seed_lock")
public class SeedLockEntity {

    public static final int ROW = 1;

    @Id
    public Integer id;
}
