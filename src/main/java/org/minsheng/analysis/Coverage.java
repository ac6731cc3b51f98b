package org.minsheng.analysis;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.observation.Period;
import org.minsheng.region.RegionLevel;

@Name("Coverage")
@Description("Which data an indicator has: in how many regions, at which levels, over which periods.")
public record Coverage(
        @NonNull @Description("Regions with at least one observation.") int regions,
        @NonNull @Description("The levels of those regions, province first.") List<@NonNull RegionLevel> levels,
        @Description("The period of the earliest observation (by period end, then start); null without observations.") Period firstPeriod,
        @Description("The period of the latest observation (by period end; the shorter period on a tie); null without "
                + "observations.") Period lastPeriod,
        @NonNull @Description("Observations in all.") int observations) {
}
