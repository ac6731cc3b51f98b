package org.minsheng.support;

import org.minsheng.region.RegionLevel;
import org.minsheng.seed.BundleLocation;
import org.minsheng.seed.BundleReader;
import org.minsheng.seed.SeedBundle;

/**
 * Counts of the seed bundle the tests load (the packaged one), so that a test stays true when rows
 * are added. Tests that pin a fact of the article on purpose keep their literal numbers.
 */
public final class SeedFacts {

    private static final SeedBundle BUNDLE = BundleReader.read(BundleLocation.of("classpath:seeds"));

    private SeedFacts() {
    }

    public static int regions() {
        return BUNDLE.regions().size();
    }

    public static int regions(RegionLevel level) {
        return (int) BUNDLE.regions().stream().filter(region -> region.level() == level).count();
    }

    /** The direct children of the region with {@code code}. */
    public static int childrenOf(String code) {
        return (int) BUNDLE.regions().stream().filter(region -> code.equals(region.parentCode())).count();
    }

    public static int indicators() {
        return BUNDLE.indicators().size();
    }

    public static int programmes() {
        return BUNDLE.programs().size();
    }

    public static int observations() {
        return BUNDLE.observations().size();
    }

    public static int sources() {
        return BUNDLE.sources().size();
    }

    /** The startup log's summary of what the bundle holds, e.g. "1346 regions, 46 indicators, …". */
    public static String summary() {
        return regions() + " regions, " + indicators() + " indicators, " + programmes() + " programmes, "
                + observations() + " observations, " + sources() + " sources";
    }
}
