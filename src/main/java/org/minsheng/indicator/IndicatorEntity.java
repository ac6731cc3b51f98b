package org.minsheng.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.minsheng.vocabulary.Theme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a figure measures, keyed by a dotted code such as {@code employment.urban_new_jobs}. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity extends PanacheEntityBase {

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

    public String description;

    @Column(name = "description_en")
    public String descriptionEn;

    @Enumerated(EnumType.STRING)
    public Theme theme;

    @Enumerated(EnumType.STRING)
    public UnitOfMeasure unit;

    @Column(name = "counter_zh")
    public String counterZh;

    @Column(name = "counter_en")
    public String counterEn;

    public boolean additive;

    /** Raised by every update; an update or delete names the version it read. */
    @Version
    public int version;

    public Indicator toGraph() {
        return new Indicator(code, name, nameEn, description, descriptionEn, theme, unit.toGraph(), additive, unit,
                counterZh != null ? counterZh : unit.counterZh, counterEn != null ? counterEn : unit.counterEn, nameKey,
                namePinyin, version);
    }
}
