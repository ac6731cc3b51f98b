package org.minsheng.bench.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/** A row of Minsheng's indicator table, read only. */
@Entity
@Immutable
public class Indicator extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
}
