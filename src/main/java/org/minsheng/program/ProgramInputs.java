package org.minsheng.program;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.editing.CodedChange;
import org.minsheng.editing.MutationInput;
import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

/** The inputs of the programme mutations; their limits are those of {@link ProgramState}. */
public final class ProgramInputs {

    private ProgramInputs() {
    }

    @Input("CreateProgramInput")
    @Description("A new programme, with the regions it covers and the indicators that measure it.")
    public static class Create extends MutationInput {
        @NonNull
        @Description("A slug, such as sanzhi-yifu.")
        public String code;
        @NonNull
        @Description("The name in Chinese.")
        public String name;
        @Description("The name in English.")
        public String nameEn;
        @Description("What it does, in Chinese.")
        public String description;
        @Description("What it does, in English.")
        public String descriptionEn;
        @NonNull
        @Description("The livelihood domain.")
        public Theme theme;
        @NonNull
        @Description("What kind of public action it is.")
        public ProgramKind kind;
        @Description("The responsible agency, in Chinese.")
        public String agency;
        @Description("The responsible agency, in English.")
        public String agencyEn;
        @Description("When it started: the day, or the first day of its month or year (see startPrecision).")
        public LocalDate startedOn;
        @Description("How much of startedOn the source gives: needed with startedOn.")
        public DatePrecision startPrecision;
        @Description("When it ended: the day, or the last day of its month or year (see endPrecision).")
        public LocalDate endedOn;
        @Description("How much of endedOn the source gives: needed with endedOn.")
        public DatePrecision endPrecision;
        @NonNull
        @Description("The regions it covers (150000 for the whole province).")
        public List<@NonNull String> regionCodes;
        @Description("How many regions it covers in all, when regionCodes names only some.")
        public Integer regionsInAll;
        @Description("The indicators that measure it.")
        public List<@NonNull String> indicatorCodes;
        @Description("The source that names it.")
        public String sourceCode;
    }

    @Input("UpdateProgramInput")
    @Description("Changes to a programme: the fields given replace the current ones (a list replaces the whole list).")
    public static class Update extends CodedChange {
        @Description("A new Chinese name.")
        public String name;
        @Description("A new English name.")
        public String nameEn;
        @Description("A new Chinese description.")
        public String description;
        @Description("A new English description.")
        public String descriptionEn;
        @Description("A new theme.")
        public Theme theme;
        @Description("A new kind.")
        public ProgramKind kind;
        @Description("A new agency.")
        public String agency;
        @Description("A new English agency.")
        public String agencyEn;
        @Description("A new start.")
        public LocalDate startedOn;
        @Description("A new start precision.")
        public DatePrecision startPrecision;
        @Description("A new end.")
        public LocalDate endedOn;
        @Description("A new end precision.")
        public DatePrecision endPrecision;
        @Description("The regions it covers, all of them.")
        public List<@NonNull String> regionCodes;
        @Description("A new count of regions in all.")
        public Integer regionsInAll;
        @Description("The indicators that measure it, all of them.")
        public List<@NonNull String> indicatorCodes;
        @Description("A new source.")
        public String sourceCode;
    }

    @Input("DeleteProgramInput")
    @Description("A programme to delete, with its links to regions and indicators.")
    public static class Delete extends CodedChange {
    }
}
