package org.minsheng.vocabulary;

import java.util.regex.Pattern;

import org.minsheng.region.RegionLevel;

/**
 * The forms of the codes that key regions, indicators, programmes and sources: one rule for the
 * seed bundle and for writes through the API.
 */
public final class Codes {

    /** A statistical division: 6 digits, or 9 for a township. */
    public static final Pattern REGION = Pattern.compile("\\d{6}|\\d{9}");
    public static final String REGION_FORM = "a 6- or 9-digit division code";

    /** An indicator: dotted, such as employment.urban_new_jobs. */
    public static final Pattern INDICATOR = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    public static final String INDICATOR_FORM = "a dotted code such as employment.urban_new_jobs";

    /** A programme or a source: a slug. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final String SLUG_FORM = "a slug (lower-case letters, digits and hyphens)";

    private Codes() {
    }

    /** The level a division code stands for. */
    public static RegionLevel levelOf(String regionCode) {
        if (regionCode.length() == 9) {
            return RegionLevel.TOWNSHIP;
        }
        if (regionCode.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return regionCode.endsWith("00") ? RegionLevel.PREFECTURE : RegionLevel.COUNTY;
    }

    /** Whether {@code child}'s code extends that of {@code parent}, a division of {@code parentLevel}. */
    public static boolean extendsCode(String child, String parent, RegionLevel parentLevel) {
        String significant = switch (parentLevel) {
            case PROVINCE -> parent.substring(0, 2);
            case PREFECTURE -> parent.substring(0, 4);
            case COUNTY, TOWNSHIP -> parent;
        };
        return child.startsWith(significant);
    }
}
