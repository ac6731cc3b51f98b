package org.minsheng.persistence;

/**
 * The CDI event a write fires inside its transaction, once: an import, or a write through the API.
 * Observers of this type see every write ({@link Catalogue} reads the catalogue again when
 * {@link #catalogue()}, the list bounds and the embedded store's compaction follow every write);
 * a write of figures fires {@code observation.FiguresChanged}, which carries the changes to the
 * subscriptions' feed as well.
 */
public interface DataChanged {

    /** What wrote, for the log. */
    String reason();

    /** Whether regions, indicators, programmes or sources may have changed (figures may have too). */
    boolean catalogue();

    /** A write that may have changed the catalogue. */
    static DataChanged catalogue(String reason) {
        return new Written(reason, true);
    }

    record Written(String reason, boolean catalogue) implements DataChanged {
    }
}
