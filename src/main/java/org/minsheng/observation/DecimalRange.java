package org.minsheng.observation;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DecimalRange")
@Description("Bounds on a decimal value; all given bounds must hold.")
public class DecimalRange {

    @Description("Greater than this.")
    public BigDecimal gt;

    @Description("Greater than or equal to this.")
    public BigDecimal gte;

    @Description("Less than this.")
    public BigDecimal lt;

    @Description("Less than or equal to this.")
    public BigDecimal lte;

    /** Digits a bound may have before and after the point: far more than any figure (24 and 6). */
    private static final int DIGITS = 40;

    /**
     * {@code text} as a bound; IllegalArgumentException for a number with more than 40 digits before
     * or after the point ("1e999999999" would be a billion digits written out).
     */
    public static BigDecimal bound(String text) {
        BigDecimal value = new BigDecimal(text);
        if (!reasonable(value)) {
            throw new IllegalArgumentException("more than " + DIGITS + " digits before or after the point");
        }
        return value;
    }

    private static boolean reasonable(BigDecimal value) {
        return value == null || value.precision() - value.scale() <= DIGITS && value.scale() <= DIGITS;
    }

    /** {@code range} when each of its bounds has at most 40 digits before and after the point; BAD_USER_INPUT otherwise. */
    public static DecimalRange checked(String field, DecimalRange range) {
        if (range != null) {
            for (Object[] bound : new Object[][] { { "gt", range.gt }, { "gte", range.gte }, { "lt", range.lt },
                    { "lte", range.lte } }) {
                if (!reasonable((BigDecimal) bound[1])) {
                    throw new org.minsheng.graphql.BadUserInputException(field + "." + bound[0] + ": more than " + DIGITS
                            + " digits before or after the point");
                }
            }
        }
        return range;
    }
}
