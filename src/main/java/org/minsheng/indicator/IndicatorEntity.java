package org.minsheng.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.NamedEntity;
import org.minsheng.vocabulary.Theme;

/** What a figure measures, keyed by a dotted code such as {@code employment.urban_new_jobs}. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity extends NamedEntity {

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

    public Indicator toGraph() {
        return new Indicator(code, name, nameEn, description, descriptionEn, theme, unit.toGraph(), additive, unit,
                counterZh != null ? counterZh : unit.counterZh, counterEn != null ? counterEn : unit.counterEn, nameKey,
                namePinyin, version);
    }
}
