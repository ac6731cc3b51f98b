package org.minsheng.analysis;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.observation.Observation;

@Name("RankedObservation")
@Description("A region's place in a ranking of one indicator: equal values share a place, and the next place skips "
        + "as many (1, 2, 2, 4).")
public record Ranked(
        @NonNull @Description("1 for the first.") int rank,
        @NonNull @Description("The region's preferred latest figure.") Observation observation) {
}
