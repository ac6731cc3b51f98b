package org.minsheng.source;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A publication that figures are quoted from. */
@Entity
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {

    @Id
    public String code;

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

    public SourceDocument toGraph() {
        return new SourceDocument(code, title, titleEn, publisher, author, date, datePrecision, locator, note);
    }
}
