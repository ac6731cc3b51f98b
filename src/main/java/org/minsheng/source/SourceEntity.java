package org.minsheng.source;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.CodedEntity;

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

    public SourceDocument toGraph() {
        return new SourceDocument(code, title, titleEn, publisher, author, date, datePrecision, locator, note, version);
    }
}
