package org.minsheng.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.CodedEntity;
import org.minsheng.persistence.SqlRows;

/** A publication that figures are quoted from. */
@Entity
@Table(name = "source")
public class SourceEntity extends CodedEntity {

    public String title;

    @Column(name = "title_en")
    public String titleEn;

    public String publisher;

    public String author;

    @Column(name = "source_date")
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision")
    public DatePrecision datePrecision;

    public String locator;

    public String note;

    /** The document's full text, where the bundle has it: what quotes of it are checked against. */
    @Column(name = "full_text")
    public String fullText;

    /**
     * The columns {@link #read} reads: the catalogue reads sources as plain SQL, without their full
     * text, which the graph does not carry.
     */
    public static final String COLUMNS = CODED_COLUMNS
            + ", title, title_en, publisher, author, source_date, date_precision, locator, note";

    /** A source from a row of {@link #COLUMNS}, to be read, not managed; its full text is not read. */
    public static SourceEntity read(ResultSet row) throws SQLException {
        SourceEntity source = new SourceEntity();
        int column = source.readCoded(row);
        source.title = row.getString(column);
        source.titleEn = row.getString(column + 1);
        source.publisher = row.getString(column + 2);
        source.author = row.getString(column + 3);
        source.date = SqlRows.date(row, column + 4);
        source.datePrecision = SqlRows.constant(row, column + 5, DatePrecision.class);
        source.locator = row.getString(column + 6);
        source.note = row.getString(column + 7);
        return source;
    }

    public SourceDocument toGraph() {
        return new SourceDocument(code, title, titleEn, publisher, author, date, datePrecision, locator, note, version);
    }
}
