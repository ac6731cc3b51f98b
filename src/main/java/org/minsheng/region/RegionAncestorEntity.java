package org.minsheng.region;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The closure of the region tree: one row for each region and each of its ancestors, itself
 * included at distance 0. "Everything inside 赤峰市" is a lookup here, not a guess from codes.
 */
@Entity
@Table(name = "region_ancestor")
@IdClass(RegionAncestorEntity.Key.class)
public class RegionAncestorEntity extends PanacheEntityBase {

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Id
    @Column(name = "ancestor_code")
    public String ancestorCode;

    public short distance;

    public record Key(String regionCode, String ancestorCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
