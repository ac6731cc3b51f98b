package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a figure was made. When several sources give a figure for the same indicator, region and
 * period, the preferred one is the first in this order (a full count over a sample over a report),
 * then the most recent publication (see {@link ObservationService#PREFERENCE}). A figure that does
 * not say how it was made (a row of observations.csv without a status) is REPORTED.
 */
@RegisterForReflection
@Description("How a figure was made. Of several figures for one indicator, region and period the preferred is a "
        + "COUNT over a SAMPLE_ESTIMATE over a DERIVED figure over a REPORTED one, then the most recent publication.")
public enum ObservationStatus {
    @Description("A full enumeration, such as the census's count of the resident population.")
    COUNT,
    @Description("An estimate from a sample, such as the census's long form (about 10 % of households).")
    SAMPLE_ESTIMATE,
    @Description("Computed by this service from published figures of one source; the note says how.")
    DERIVED,
    @Description("An administrative or press figure, such as the article's.")
    REPORTED
}
