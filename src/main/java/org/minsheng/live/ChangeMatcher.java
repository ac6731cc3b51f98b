package org.minsheng.live;

import java.math.BigDecimal;

import org.minsheng.observation.ObservationFilter;
import org.minsheng.observation.ObservationState;

/**
 * Whether a change falls under a subscription's {@link ObservationFilter}: the same rules as the
 * {@code observations} query's SQL, applied to the figure's state (an update matches when the figure
 * matched before it or matches after it). {@code ChangeMatcherQuarkusTest} holds the two to agree.
 */
public record ChangeMatcher(ObservationFilter filter) {

    public boolean matches(ChangeLookups.Known change) {
        return matches(change.after()) || (change.before() != null && matches(change.before()));
    }

    public boolean matches(ChangeLookups.Facts facts) {
        if (filter == null) {
            return true;
        }
        ObservationState s = facts.state();
        return (filter.indicatorCodes == null || filter.indicatorCodes.contains(s.indicatorCode()))
                && (filter.regionCodes == null || filter.regionCodes.contains(s.regionCode()))
                && (filter.within == null || facts.ancestors().contains(filter.within))
                && (filter.themes == null || filter.themes.contains(facts.theme()))
                && (filter.from == null || !s.periodEnd().isBefore(filter.from))
                && (filter.to == null || !s.periodStart().isAfter(filter.to))
                && (filter.qualifiers == null || filter.qualifiers.contains(s.qualifier()))
                && (filter.sourceCodes == null || filter.sourceCodes.contains(s.sourceCode()))
                && (filter.value == null || within(s.value(), filter.value.gt, filter.value.gte, filter.value.lt,
                        filter.value.lte));
    }

    private static boolean within(BigDecimal v, BigDecimal gt, BigDecimal gte, BigDecimal lt, BigDecimal lte) {
        return (gt == null || v.compareTo(gt) > 0) && (gte == null || v.compareTo(gte) >= 0)
                && (lt == null || v.compareTo(lt) < 0) && (lte == null || v.compareTo(lte) <= 0);
    }
}
