package org.minsheng.bench.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/** A row of Minsheng's source table, read only. */
@Entity
@Immutable
public class Source extends PanacheEntityBase {
    @Id
    public String code;
    public String title;
}
