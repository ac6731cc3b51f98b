package org.minsheng.source;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.minsheng.editing.CodedWriter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A source as its revisions record it, with the limits of its columns. Its full text is the
 * bundle's to give, and is not part of it.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceState(
        @NotBlank @Size(max = 64) String code,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 500) String titleEn,
        @Size(max = 200) String publisher,
        @Size(max = 500) String author,
        LocalDate date,
        DatePrecision datePrecision,
        @Size(max = 1000) String locator,
        @Size(max = 4000) String note,
        int version) implements CodedWriter.State {

    static SourceState of(SourceEntity e) {
        return new SourceState(e.code, e.title, e.titleEn, e.publisher, e.author, e.date, e.datePrecision, e.locator,
                e.note, e.version);
    }

    void applyTo(SourceEntity e) {
        e.code = code;
        e.title = title;
        e.titleEn = titleEn;
        e.publisher = publisher;
        e.author = author;
        e.date = date;
        e.datePrecision = datePrecision;
        e.locator = locator;
        e.note = note;
    }
}
