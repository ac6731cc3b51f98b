package org.minsheng.analysis;

import java.util.List;

import org.minsheng.observation.Qualifier;

/**
 * What the qualifiers of published figures say about a sum or a difference of them. A qualifier is
 * a bound on the true figure: MORE_THAN and AT_LEAST bound it from below (strictly, or not),
 * LESS_THAN and AT_MOST from above, EXACT is the figure itself, APPROXIMATE is near it. Bounds in the
 * same direction add up to a bound in that direction (strict when either is); bounds in opposite
 * directions, or a bound and an approximation, leave the result undecidable: null. The tables of
 * changes and roll-ups in docs/analytics.md spell these rules out.
 */
public final class QualifierArithmetic {

    private QualifierArithmetic() {
    }

    /** The qualifier of {@code to − from}: a bound on {@code from} bounds the difference the other way. */
    public static Qualifier difference(Qualifier to, Qualifier from) {
        return combine(to, flip(from));
    }

    /**
     * The qualifier of a sum of parts; {@code incomplete} when parts are missing, which for counts
     * (never negative) adds an unknown amount of zero or more: an AT_LEAST bound. Null for no parts.
     */
    public static Qualifier sum(List<Qualifier> parts, boolean incomplete) {
        if (parts.isEmpty()) {
            return null;
        }
        Qualifier result = Qualifier.EXACT;
        for (Qualifier part : parts) {
            result = combine(result, part);
        }
        return incomplete ? combine(result, Qualifier.AT_LEAST) : result;
    }

    /** The qualifier of the sum of two figures. */
    static Qualifier combine(Qualifier a, Qualifier b) {
        if (a == null || b == null) {
            return null;
        }
        if (a == Qualifier.EXACT) {
            return b;
        }
        if (b == Qualifier.EXACT) {
            return a;
        }
        if (a == Qualifier.APPROXIMATE || b == Qualifier.APPROXIMATE) {
            return a == b ? Qualifier.APPROXIMATE : null;
        }
        int direction = direction(a);
        if (direction != direction(b)) {
            return null;
        }
        boolean strict = strict(a) || strict(b);
        if (direction > 0) {
            return strict ? Qualifier.MORE_THAN : Qualifier.AT_LEAST;
        }
        return strict ? Qualifier.LESS_THAN : Qualifier.AT_MOST;
    }

    /** The qualifier of {@code −x}, given the qualifier of {@code x}: lower bounds become upper bounds. */
    public static Qualifier flip(Qualifier q) {
        if (q == null) {
            return null;
        }
        return switch (q) {
            case MORE_THAN -> Qualifier.LESS_THAN;
            case AT_LEAST -> Qualifier.AT_MOST;
            case LESS_THAN -> Qualifier.MORE_THAN;
            case AT_MOST -> Qualifier.AT_LEAST;
            case EXACT, APPROXIMATE -> q;
        };
    }

    private static int direction(Qualifier q) {
        return switch (q) {
            case MORE_THAN, AT_LEAST -> 1;
            case LESS_THAN, AT_MOST -> -1;
            case EXACT, APPROXIMATE -> 0;
        };
    }

    private static boolean strict(Qualifier q) {
        return q == Qualifier.MORE_THAN || q == Qualifier.LESS_THAN;
    }
}
