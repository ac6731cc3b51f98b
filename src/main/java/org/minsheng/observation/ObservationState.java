package org.minsheng.observation;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A figure's state: what its revisions record (as JSON), what a change to it carries to the
 * subscriptions, and what the API writer and the seed import write.
 */
@RegisterForReflection
public record ObservationState(String indicatorCode, String regionCode, LocalDate periodStart, LocalDate periodEnd,
        BigDecimal value, Qualifier qualifier, String sourceCode, String quote, String note, int version,
        ObservationStatus status, Integer precision) {

    public static ObservationState of(ObservationEntity e) {
        return new ObservationState(e.indicatorCode, e.regionCode, e.periodStart, e.periodEnd,
                ObservationEntity.normalize(e.value), e.qualifier, e.sourceCode, e.quote, e.note, e.version, e.status,
                e.precision);
    }

    public void applyTo(ObservationEntity e) {
        e.indicatorCode = indicatorCode;
        e.regionCode = regionCode;
        e.periodStart = periodStart;
        e.periodEnd = periodEnd;
        e.value = ObservationEntity.stored(value);
        e.qualifier = qualifier;
        e.sourceCode = sourceCode;
        e.quote = quote;
        e.note = note;
        // A revision recorded before figures had a status holds none: such a figure was reported.
        e.status = status == null ? ObservationStatus.REPORTED : status;
        e.precision = precision;
    }

    /** The state without its quote and note. */
    public ObservationState trimmed() {
        return new ObservationState(indicatorCode, regionCode, periodStart, periodEnd, value, qualifier, sourceCode,
                null, null, version, status, precision);
    }
}
