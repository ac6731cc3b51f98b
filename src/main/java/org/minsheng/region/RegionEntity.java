package org.minsheng.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A statistical division, keyed by its code; its parent is the division whose code it extends. */
@Entity
@Table(name = "region")
public class RegionEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** The name in pinyin, syllable by syllable, computed at import ({@link org.minsheng.vocabulary.Pinyin}). */
    @Column(name = "name_pinyin")
    public String namePinyin;

    /** The pinyin without spaces: what NAME ordering and pinyin search compare. */
    @Column(name = "name_key")
    public String nameKey;

    /** Sets the name and the columns derived from it. */
    public void name(String name) {
        this.name = name;
        this.namePinyin = org.minsheng.vocabulary.Pinyin.of(name);
        this.nameKey = org.minsheng.vocabulary.Pinyin.key(namePinyin);
    }

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "statistical_only")
    public boolean statisticalOnly;

    /** Raised by every update; an update or delete names the version it read. */
    @Version
    public int version;

    public Region toGraph() {
        return new Region(code, name, nameEn, level, statisticalOnly, parentCode, nameKey, namePinyin, version);
    }
}
