package org.minsheng.analysis;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.indicator.Indicator;
import org.minsheng.observation.Observation;
import org.minsheng.observation.Qualifier;
import org.minsheng.region.Region;

@Name("Rollup")
@Description("An additive indicator summed over a region's direct children: the preferred latest observation of each "
        + "child in the window, how many children report, which do not, and the region's own published figure beside the "
        + "sum. A child without a figure of its own but with figures below it counts through its own children, and so on "
        + "down (the province's resident population is the sum of its 108 counties, as no prefecture total is "
        + "published). Statistics-only units (development zones) count as children like the others.")
public record Rollup(
        @Description("The sum of the parts' values; null when no child reports.") BigDecimal sum,
        @Description("How the true total relates to sum (see the table of roll-ups in docs/analytics.md): EXACT only when every "
                + "child reports an exact figure; AT_LEAST when children are missing (counts are never negative); "
                + "MORE_THAN when a part is; null when no child reports or the parts' bounds disagree.") Qualifier qualifier,
        @NonNull @Description("Regions summed: the parts.") int reporting,
        @NonNull @Description("Regions the sum should cover: the direct children, each child with no figure of its own but "
                + "figures below it replaced by its own children (recursively).") int expected,
        @NonNull @Description("The regions of expected without an observation in the window, in code order.") List<@NonNull Region> missing,
        @NonNull @Description("The preferred latest observation in the window of each region summed, in region code order.") List<@NonNull Observation> parts,
        @Description("The region's own latest figure in the window, where one is published.") Observation published,
        @Description("published.value minus sum, where both exist: what the children's published figures do not "
                + "account for.") BigDecimal discrepancy,
        @Ignore Indicator indicator) {
}
