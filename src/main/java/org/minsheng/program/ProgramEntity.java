package org.minsheng.program;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.NamedEntity;
import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

/** A policy programme, keyed by a slug code such as {@code sanzhi-yifu}. */
@Entity
@Table(name = "program")
public class ProgramEntity extends NamedEntity {

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

    public Program toGraph() {
        return new Program(code, name, nameEn, description, descriptionEn, theme, kind, agency, agencyEn, startedOn,
                startPrecision, endedOn, endPrecision, regionsInAll, sourceCode, nameKey, namePinyin, version);
    }
}
