package org.minsheng.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.minsheng.vocabulary.Pinyin;

/** A coded row with a Chinese name, its pinyin and an English name: regions, indicators, programmes. */
@MappedSuperclass
public abstract class NamedEntity extends CodedEntity {

    public String name;

    /** The name in pinyin, syllable by syllable, computed at import ({@link Pinyin}). */
    @Column(name = "name_pinyin")
    public String namePinyin;

    /** The pinyin without spaces: what NAME ordering and pinyin search compare. */
    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "name_en")
    public String nameEn;

    /** Sets the name and the columns derived from it. */
    public void name(String name) {
        this.name = name;
        this.namePinyin = Pinyin.of(name);
        this.nameKey = Pinyin.key(namePinyin);
    }
}
