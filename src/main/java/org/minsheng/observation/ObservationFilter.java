package org.minsheng.observation;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.vocabulary.Theme;

@Input("ObservationFilter")
@Description("Narrows a list of observations; all given conditions must hold. An empty list matches nothing.")
public class ObservationFilter {

    @Description("Only these indicators.")
    public List<@NonNull String> indicatorCodes;

    @Description("Only these regions (exactly these; see within for whole subtrees).")
    public List<@NonNull String> regionCodes;

    @Description("Only this region and every region below it in the tree.")
    public String within;

    @Description("Only indicators of these themes.")
    public List<@NonNull Theme> themes;

    @Description("Only periods that end on or after this day.")
    public LocalDate from;

    @Description("Only periods that start on or before this day.")
    public LocalDate to;

    @Description("Only these qualifiers.")
    public List<@NonNull Qualifier> qualifiers;

    @Description("Only these sources.")
    public List<@NonNull String> sourceCodes;

    @Description("Only values in this range, compared in the indicator's base unit and as published (a MORE_THAN "
            + "1870 is compared as 1870).")
    public DecimalRange value;
}
