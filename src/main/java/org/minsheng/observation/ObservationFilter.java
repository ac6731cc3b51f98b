package org.minsheng.observation;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.vocabulary.Theme;

@Input("ObservationFilter")
@Description("Narrows a list of observations; all given conditions must hold. An empty list matches nothing.")
public record ObservationFilter(
        @Description("Only these indicators.") List<@NonNull String> indicatorCodes,
        @Description("Only these regions (exactly these; see within for whole subtrees).") List<@NonNull String> regionCodes,
        @Description("Only this region and every region below it in the tree.") String within,
        @Description("Only indicators of these themes.") List<@NonNull Theme> themes,
        @Description("Only periods that end on or after this day.") LocalDate from,
        @Description("Only periods that start on or before this day.") LocalDate to,
        @Description("Only these qualifiers.") List<@NonNull Qualifier> qualifiers) {
}
