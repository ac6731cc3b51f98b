package org.minsheng.analysis;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.Unit;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.Observation;
import org.minsheng.observation.Qualifier;

@Name("Change")
@Description("The change of an indicator in a region between two observations, with the qualifier the two "
        + "published figures allow (see the table of changes in docs/analytics.md).")
public record Change(
        @NonNull @Description("The earlier observation.") Observation from,
        @NonNull @Description("The later observation.") Observation to,
        @NonNull @Description("to.value minus from.value, in unit: percentage points for a percent indicator.") BigDecimal difference,
        @Description("The difference as a fraction of from.value (0.25 is a quarter more), to four decimal places; "
                + "null for percent and percentage-point indicators, and when from.value is 0.") BigDecimal relative,
        @NonNull @Description("The unit of difference.") Unit unit,
        @Description("How the true change relates to difference: EXACT only when both figures are; a bound when one "
                + "figure is a bound, or both bound it the same way; null when the bounds leave it undecidable.") Qualifier qualifier,
        @Ignore UnitOfMeasure unitOfMeasure,
        @Ignore Indicator indicator) {
}
