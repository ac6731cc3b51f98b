package org.minsheng.seed;

import java.time.Instant;
import java.util.List;

/** What an import did, and what the database holds afterwards. */
public record ImportResult(boolean imported, String location, String checksum, Instant importedAt, Counts counts,
        Changes changes, Changes observationChanges, List<Deletion> deletions) {

    /**
     * Rows an import deletes, by type and source: the figures of a source the bundle declares that
     * it no longer has, or (replacing everything) whatever the bundle lacks. {@code codes} names the
     * first of the rows keyed by code; figures are only counted.
     */
    public record Deletion(String type, String source, long count, List<String> codes) {

        public static final int CODES_SHOWN = 20;
    }

    /** Rows of each kind in the bundle the database holds. */
    public record Counts(int regions, int sources, int indicators, int programs, int observations) {
    }

    /** Rows inserted, updated, deleted and left as they were, over all tables. */
    public record Changes(int inserted, int updated, int deleted, int unchanged) {

        public boolean none() {
            return inserted == 0 && updated == 0 && deleted == 0;
        }
    }

    /** The startup log line: what was loaded, and from where. */
    public String summary() {
        String held = counts.regions() + " regions, " + counts.indicators() + " indicators, " + counts.programs()
                + " programmes, " + counts.observations() + " observations, " + counts.sources() + " sources";
        String bundle = "Seed bundle " + location + " (sha256 " + checksum.substring(0, 12) + ")";
        if (!imported) {
            return bundle + " already loaded at " + importedAt + ": " + held + "; nothing imported";
        }
        return bundle + " loaded: " + held + " (" + changes.inserted() + " rows inserted, " + changes.updated()
                + " updated, " + changes.deleted() + " deleted, " + changes.unchanged() + " unchanged)";
    }
}
