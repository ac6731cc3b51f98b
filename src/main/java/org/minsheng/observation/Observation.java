package org.minsheng.observation;

import java.math.BigDecimal;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Node;
import org.minsheng.indicator.Indicator;

@Name("Observation")
@Description("One published figure: an indicator's value for a region and period, with its qualifier, its source "
        + "and the sentence it was published in.")
public record Observation(
        @Ignore Long key,
        @NonNull @Description("The period the value refers to.") Period period,
        @NonNull @Description("Exact value in the indicator's base unit: 201000 for \"20.1万人\", 98.2 for \"98.2%\".") BigDecimal value,
        @NonNull @Description("How the published value relates to the true figure.") Qualifier qualifier,
        @NonNull @Description("How the figure was made: a full count, a sample estimate, derived here, or reported.") ObservationStatus status,
        @Description("The decimals the figure was published with, in the base unit: 2 for 16.22 (%), 0 for 339155 (persons), -3 for \"20.1万\" (201000 persons, to the thousand). Null where unknown.") Integer precision,
        @NonNull @Description("The sentence or clause of the source that states the figure, character for character.") String quote,
        @Description("How the figure was read from the source, where that needed a judgement.") String note,
        @Ignore String indicatorCode,
        @Ignore String regionCode,
        @Ignore String sourceCode,
        @NonNull @Description("What the value measures.") Indicator indicator,
        @NonNull @Description("Raised by every update: an update or delete names the version it read.") int version)
        implements
            Node {

    public static final String TYPE = "Observation";

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of this observation, stable across restarts.")
    public String getId() {
        return GlobalId.encode(TYPE, Long.toString(key));
    }

    /** The same figure with {@code indicator} as its indicator. */
    public Observation withIndicator(Indicator indicator) {
        return new Observation(key, period, value, qualifier, status, precision, quote, note, indicatorCode, regionCode,
                sourceCode, indicator, version);
    }

    /**
     * The hash of its key alone (equal records have equal keys): a batched field keys its loads by the
     * parent record, and the record's own hash would read every name and text it holds.
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }
}
