package org.minsheng.program;

import java.time.LocalDate;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Node;
import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

@Name("Program")
@Description("A policy programme, campaign, pilot, service model or platform run in the province, "
        + "with the regions it covers and the indicators it moves.")
public record Program(
        @NonNull @Description("Stable slug code, e.g. sanzhi-yifu.") String code,
        @Ignore String name,
        @Description("English rendering of the name.") String nameEn,
        @Ignore String description,
        @Description("What the programme does, in English.") String descriptionEn,
        @NonNull @Description("The livelihood domain it belongs to.") Theme theme,
        @NonNull @Description("What kind of public action it is.") ProgramKind kind,
        @Description("Responsible agency, where the source names one, in Chinese.") String agency,
        @Description("Responsible agency in English.") String agencyEn,
        @Description("When the programme started, where the source says: the day itself, or the first day of the "
                + "month or year the source gives (see startPrecision).") LocalDate startedOn,
        @Description("How much of startedOn the source gives: DAY, MONTH or YEAR.") DatePrecision startPrecision,
        @Description("When the programme ended, where the source says: the day itself, or the last day of the month "
                + "or year the source gives (see endPrecision); null while it runs.") LocalDate endedOn,
        @Description("How much of endedOn the source gives: DAY, MONTH or YEAR.") DatePrecision endPrecision,
        @Description("How many regions the source says the programme covers, when it names only some of them in "
                + "regions (a pilot \"in Ulanqab and four other leagues\": 1 named, 5 in all); null when regions lists "
                + "them all.") Integer regionsInAll,
        @Ignore String sourceCode,
        @Ignore String nameKey,
        @Ignore String namePinyin,
        @NonNull @Description("Raised by every update: an update or delete names the version it read.") int version)
        implements
            Node {

    public static final String TYPE = "Program";

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of this programme, stable across restarts.")
    public String getId() {
        return GlobalId.encode(TYPE, code);
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
