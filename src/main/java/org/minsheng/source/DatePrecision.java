package org.minsheng.source;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Description("How much of a source's date is known.")
@RegisterForReflection
public enum DatePrecision {
    @Description("The exact day is known.")
    DAY,
    @Description("Only the month is known.")
    MONTH,
    @Description("Only the year is known.")
    YEAR,
    @Description("The document is dated no earlier than this day (e.g. its latest dated fact); the exact day is not known.")
    ON_OR_AFTER
}
