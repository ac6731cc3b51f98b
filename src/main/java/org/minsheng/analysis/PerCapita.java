package org.minsheng.analysis;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.observation.Observation;

@Name("PerCapita")
@Description("A figure divided by its region's resident population: the preferred latest figure of "
        + "population.resident for that region, named here with its source and period, which need not be the figure's.")
public record PerCapita(
        @NonNull @Description("The figure's value times per, divided by the population, to 6 decimals; the figure's "
                + "qualifier applies to it.") BigDecimal value,
        @NonNull @Description("Per how many residents: 1, 1000, 10000...") int per,
        @NonNull @Description("The population figure divided by, with its source and period.") Observation population) {
}
