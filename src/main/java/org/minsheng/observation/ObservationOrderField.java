package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;

@Description("What observations can be ordered by.")
public enum ObservationOrderField {
    @Description("By the last day of the period.")
    PERIOD_END,
    @Description("By the value in the base unit, whatever the qualifier (MORE_THAN 1870 sorts as 1870).")
    VALUE,
    @Description("By the region's code.")
    REGION_CODE,
    @Description("By the indicator's code.")
    INDICATOR_CODE
}
