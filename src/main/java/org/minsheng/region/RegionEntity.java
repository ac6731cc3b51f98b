package org.minsheng.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.NamedEntity;

/** A statistical division, keyed by its code; its parent is the division whose code it extends. */
@Entity
@Table(name = "region")
public class RegionEntity extends NamedEntity {

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "statistical_only")
    public boolean statisticalOnly;

    public Region toGraph() {
        return new Region(code, name, nameEn, level, statisticalOnly, parentCode, nameKey, namePinyin, version);
    }
}
