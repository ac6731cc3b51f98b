package org.minsheng.source;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.editing.CodedChange;
import org.minsheng.editing.MutationInput;

/** The inputs of the source mutations; their limits are those of {@link SourceState}. */
public final class SourceInputs {

    private SourceInputs() {
    }

    @Input("CreateSourceInput")
    @Description("A new source. Its full text, which quotes are checked against, comes only with a bundle import.")
    public static class Create extends MutationInput {
        @NonNull
        @Description("A slug, such as nmgrb-2025-minsheng.")
        public String code;
        @NonNull
        @Description("The title as published.")
        public String title;
        @Description("The title in English.")
        public String titleEn;
        @Description("Who published it.")
        public String publisher;
        @Description("Who wrote it.")
        public String author;
        @Description("When it was published: the day, or the first day of the month or year (see datePrecision).")
        public LocalDate date;
        @Description("How much of date is known: needed with a date.")
        public DatePrecision datePrecision;
        @Description("Where to find it: a URL, or an issue and page.")
        public String locator;
        @Description("What else is known about it.")
        public String note;
    }

    @Input("UpdateSourceInput")
    @Description("Changes to a source: the fields given replace the current ones.")
    public static class Update extends CodedChange {
        @Description("A new title.")
        public String title;
        @Description("A new English title.")
        public String titleEn;
        @Description("A new publisher.")
        public String publisher;
        @Description("A new author.")
        public String author;
        @Description("A new date.")
        public LocalDate date;
        @Description("A new date precision.")
        public DatePrecision datePrecision;
        @Description("A new locator.")
        public String locator;
        @Description("A new note.")
        public String note;
    }

    @Input("DeleteSourceInput")
    @Description("A source to delete: refused while figures or programmes cite it.")
    public static class Delete extends CodedChange {
    }
}
