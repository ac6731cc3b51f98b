package org.minsheng.persistence;

/**
 * A CDI event fired inside a write that changed what the database holds: an import, or a write
 * through the API. {@code catalogue} when regions, indicators, programmes or sources may have
 * changed ({@link Catalogue} then reads them again); figures alone leave it false.
 */
public record DataChanged(String reason, boolean catalogue) {

    /** A write that may have changed the catalogue (and figures). */
    public static DataChanged catalogue(String reason) {
        return new DataChanged(reason, true);
    }

    /** A write of figures only. */
    public static DataChanged figures(String reason) {
        return new DataChanged(reason, false);
    }
}
