package org.minsheng.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.NamedEntity;
import org.minsheng.persistence.SqlRows;
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

    /** The columns {@link #read} reads: the catalogue reads programmes as plain SQL. */
    public static final String COLUMNS = NAMED_COLUMNS + ", description, description_en, theme, kind, agency,"
            + " agency_en, started_on, start_precision, ended_on, end_precision, source_code, regions_in_all";

    /** A programme from a row of {@link #COLUMNS}, to be read, not managed. */
    public static ProgramEntity read(ResultSet row) throws SQLException {
        ProgramEntity program = new ProgramEntity();
        int column = program.readNamed(row);
        program.description = row.getString(column);
        program.descriptionEn = row.getString(column + 1);
        program.theme = SqlRows.constant(row, column + 2, Theme.class);
        program.kind = SqlRows.constant(row, column + 3, ProgramKind.class);
        program.agency = row.getString(column + 4);
        program.agencyEn = row.getString(column + 5);
        program.startedOn = SqlRows.date(row, column + 6);
        program.startPrecision = SqlRows.constant(row, column + 7, DatePrecision.class);
        program.endedOn = SqlRows.date(row, column + 8);
        program.endPrecision = SqlRows.constant(row, column + 9, DatePrecision.class);
        program.sourceCode = row.getString(column + 10);
        program.regionsInAll = row.getObject(column + 11, Integer.class);
        return program;
    }

    public Program toGraph() {
        return new Program(code, name, nameEn, description, descriptionEn, theme, kind, agency, agencyEn, startedOn,
                startPrecision, endedOn, endPrecision, regionsInAll, sourceCode, nameKey, namePinyin, version);
    }
}
