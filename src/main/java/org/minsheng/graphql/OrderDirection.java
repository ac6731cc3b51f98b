package org.minsheng.graphql;

import org.eclipse.microprofile.graphql.Description;

@Description("The direction of an order.")
public enum OrderDirection {
    @Description("Smallest, earliest or first in the alphabet first.")
    ASC,
    @Description("Largest, latest or last in the alphabet first.")
    DESC;

    /** Whether {@code direction} (null meaning the default) is DESC. */
    public static boolean descending(OrderDirection direction) {
        return direction == DESC;
    }
}
