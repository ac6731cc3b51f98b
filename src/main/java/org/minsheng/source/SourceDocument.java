package org.minsheng.source;

import java.time.LocalDate;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Node;

@Name("Source")
@Description("A publication that figures are quoted from, described only by what is known of it.")
public record SourceDocument(
        @NonNull @Description("Stable slug code.") String code,
        @Ignore String title,
        @Description("English rendering of the title.") String titleEn,
        @Description("Publisher, where the document names it; null otherwise.") String publisher,
        @Description("Authors or reporters, as the document names them.") String author,
        @Description("The date the document carries or is known by; see datePrecision for how much of it is known.") LocalDate date,
        @Description("How much of date is known.") DatePrecision datePrecision,
        @Description("Where to find the document (an address or a file in the seed bundle).") String locator,
        @Description("What else is known about the document, and how its relative dates were resolved.") String note,
        @NonNull @Description("Raised by every update: an update or delete names the version it read.") int version)
        implements
            Node {

    public static final String TYPE = "Source";

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of this source, stable across restarts.")
    public String getId() {
        return GlobalId.encode(TYPE, code);
    }

    @Description("Publication day, when it is known to the day; null otherwise.")
    public LocalDate getPublishedOn() {
        return datePrecision == DatePrecision.DAY ? date : null;
    }

    /**
     * The hash of its code alone (equal records have equal codes): a batched field keys its loads by the
     * parent record, and the record's own hash would read every name and text it holds.
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(code);
    }
}
