package org.minsheng.bench.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.hibernate.annotations.Immutable;

/** A row of Minsheng's region table, read only; parent is resolved in FloorApi, batched. */
@Entity
@Immutable
public class Region extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    public String level;
    @Ignore
    @Column(name = "parent_code")
    public String parentCode;
}
