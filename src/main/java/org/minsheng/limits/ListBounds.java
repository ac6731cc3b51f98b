package org.minsheng.limits;

import java.util.Map;

/**
 * The longest list each unpaged list field can return, read from the data. A feature that owns
 * unpaged list fields implements this; the cost analysis multiplies by these bounds.
 */
public interface ListBounds {

    /** Bounds keyed by schema coordinate, e.g. {@code "Region.children" -> 27}. Runs SQL. */
    Map<String, Integer> read();
}
