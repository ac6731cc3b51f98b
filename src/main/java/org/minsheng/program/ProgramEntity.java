package org.minsheng.program;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A policy programme, keyed by a slug code such as {@code sanzhi-yifu}. */
@Entity
@Table(name = "program")
public class ProgramEntity extends PanacheEntityBase {

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
    public ProgramKind kind;

    public String agency;

    @Column(name = "agency_en")
    public String agencyEn;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_precision")
    public DatePrecision startPrecision;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_precision")
    public DatePrecision endPrecision;

    @Column(name = "source_code")
    public String sourceCode;

    @Column(name = "regions_in_all")
    public Integer regionsInAll;

    /** Raised by every update; an update or delete names the version it read. */
    @Version
    public int version;

    public Program toGraph() {
        return new Program(code, name, nameEn, description, descriptionEn, theme, kind, agency, agencyEn, startedOn,
                startPrecision, endedOn, endPrecision, regionsInAll, sourceCode, nameKey, namePinyin, version);
    }
}
