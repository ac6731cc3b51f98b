package org.minsheng.observation;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.editing.MutationInput;

/** The inputs of the observation mutations. */
public final class ObservationInputs {

    private ObservationInputs() {
    }

    @Input("CreateObservationInput")
    @Description("A new figure, with every rule of the seed bundle: known codes, a closed period, and a quote "
            + "that states the value with its qualifier.")
    public static class Create extends MutationInput {
        @NonNull
        @NotBlank
        @Description("The indicator's code.")
        public String indicatorCode;
        @NonNull
        @NotBlank
        @Description("The region's code.")
        public String regionCode;
        @NonNull
        @NotNull
        @Description("First day of the period.")
        public LocalDate periodStart;
        @NonNull
        @NotNull
        @Description("Last day of the period, on or after periodStart.")
        public LocalDate periodEnd;
        @NonNull
        @NotNull
        @Digits(integer = 24, fraction = 6, message = "at most 24 digits before the point and 6 after it")
        @Description("The value in the indicator's base unit.")
        public BigDecimal value;
        @NonNull
        @NotNull
        @Description("How the published value relates to the true figure.")
        public Qualifier qualifier;
        @NonNull
        @NotBlank
        @Description("The source's code.")
        public String sourceCode;
        @NonNull
        @NotBlank
        @Size(max = 2000)
        @Description("The sentence that states the figure, character for character.")
        public String quote;
        @Size(max = 2000)
        @Description("How the figure was read, where that needed a judgement.")
        public String note;
        @Description("How the figure was made; REPORTED unless given.")
        public ObservationStatus status;
        @Description("The decimals it was published with, in the base unit (-3 for \"20.1万\"); by default read from "
                + "how the quote writes the figure.")
        public Integer precision;
    }

    @Input("UpdateObservationInput")
    @Description("Changes to a figure: the fields given replace the current ones; version is the one read.")
    public static class Update extends MutationInput {
        @NonNull
        @NotNull
        @Id
        @Description("The observation's global ID.")
        public String id;
        @NonNull
        @NotNull
        @Description("The version read: a stale one is refused with CONFLICT.")
        public Integer version;
        @Description("A new first day of the period.")
        public LocalDate periodStart;
        @Description("A new last day of the period.")
        public LocalDate periodEnd;
        @Digits(integer = 24, fraction = 6, message = "at most 24 digits before the point and 6 after it")
        @Description("A new value.")
        public BigDecimal value;
        @Description("A new qualifier.")
        public Qualifier qualifier;
        @Description("A new source.")
        public String sourceCode;
        @Size(max = 2000)
        @Description("A new quote, which must state the (new) value.")
        public String quote;
        @Size(max = 2000)
        @Description("A new note.")
        public String note;
        @Description("A new status.")
        public ObservationStatus status;
        @Description("A new precision (decimals in the base unit).")
        public Integer precision;
    }

    @Input("DeleteObservationInput")
    @Description("A figure to retire; its revision keeps what it said.")
    public static class Delete extends MutationInput {
        @NonNull
        @NotNull
        @Id
        @Description("The observation's global ID.")
        public String id;
        @NonNull
        @NotNull
        @Description("The version read: a stale one is refused with CONFLICT.")
        public Integer version;
    }

    @Input("RestoreObservationInput")
    @Description("A deleted figure to bring back as it was before its deletion, under its old ID.")
    public static class Restore extends MutationInput {
        @NonNull
        @NotNull
        @Id
        @Description("The deleted observation's global ID.")
        public String id;
    }
}
