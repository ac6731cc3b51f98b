package org.minsheng.source;

import org.eclipse.microprofile.graphql.Description;

@Description("How much of a source's date is known.")
public enum DatePrecision {
    @Description("The exact day is known.")
    DAY,
    @Description("Only the month is known; the date is the first day of that month.")
    MONTH,
    @Description("Only the year is known; the date is the first day of that year.")
    YEAR,
    @Description("The document is dated no earlier than this day (e.g. its latest dated fact); the exact day is not known.")
    ON_OR_AFTER
}
