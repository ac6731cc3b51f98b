package org.minsheng.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.minsheng.region.RegionLevel;
import org.minsheng.seed.SeedBundle.RegionRow;

/** regions.csv: the division tree. Codes have their form, appear once, and extend their parent's. */
final class RegionsFile {

    static final String NAME = "regions.csv";

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}");

    private RegionsFile() {
    }

    /** The regions by code; the problems of the file go to {@code problems}. */
    static Map<String, Located<RegionRow>> read(String text, List<Problem> problems) {
        Map<String, Located<RegionRow>> regions = new LinkedHashMap<>();
        for (Located<RegionRow> located : CsvRows.read(NAME, text, RegionRow.class, problems)) {
            if (!valid(located, problems)) {
                continue;
            }
            Located<RegionRow> first = regions.putIfAbsent(located.row().code(), located);
            if (first != null) {
                problems.add(new Problem(NAME, located.line(), "duplicate region " + located.row().code()
                        + " (first on line " + first.line() + ")"));
            }
        }
        regions.values().forEach(region -> checkParent(region, regions, problems));
        return regions;
    }

    private static boolean valid(Located<RegionRow> located, List<Problem> problems) {
        int before = problems.size();
        RegionRow region = located.row();
        String code = region.code();
        if (code == null || !REGION_CODE.matcher(code).matches()) {
            problems.add(new Problem(NAME, located.line(), "code \"" + (code == null ? "" : code)
                    + "\" is not a 6- or 9-digit division code"));
        } else if (region.level() == null) {
            problems.add(new Problem(NAME, located.line(), "region " + code + " has no level"));
        } else if (region.level() != levelOfCode(code)) {
            problems.add(new Problem(NAME, located.line(), "region " + code + " has level " + region.level()
                    + " but its code is that of a " + levelOfCode(code)));
        }
        if (region.name() == null) {
            problems.add(new Problem(NAME, located.line(), "region " + (code == null ? "" : code) + " has no name"));
        }
        return problems.size() == before;
    }

    private static void checkParent(Located<RegionRow> located, Map<String, Located<RegionRow>> regions,
            List<Problem> problems) {
        RegionRow region = located.row();
        int line = located.line();
        if (region.level() == RegionLevel.PROVINCE) {
            if (region.parentCode() != null) {
                problems.add(new Problem(NAME, line, "province " + region.code() + " cannot have a parent"));
            }
            return;
        }
        Located<RegionRow> parent = region.parentCode() == null ? null : regions.get(region.parentCode());
        if (parent == null) {
            problems.add(new Problem(NAME, line, "region " + region.code() + ": unknown parent code \""
                    + (region.parentCode() == null ? "" : region.parentCode()) + "\""));
            return;
        }
        RegionLevel parentLevel = parent.row().level();
        if (parentLevel.ordinal() != region.level().ordinal() - 1) {
            problems.add(new Problem(NAME, line, "region " + region.code() + " (" + region.level() + ") has parent "
                    + parent.row().code() + " of level " + parentLevel));
        } else if (!region.code().startsWith(significantDigits(parent.row()))) {
            problems.add(new Problem(NAME, line, "region " + region.code() + " does not extend its parent's code "
                    + parent.row().code()));
        }
    }

    static RegionLevel levelOfCode(String code) {
        if (code.length() == 9) {
            return RegionLevel.TOWNSHIP;
        }
        if (code.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return code.endsWith("00") ? RegionLevel.PREFECTURE : RegionLevel.COUNTY;
    }

    private static String significantDigits(RegionRow region) {
        return switch (region.level()) {
            case PROVINCE -> region.code().substring(0, 2);
            case PREFECTURE -> region.code().substring(0, 4);
            case COUNTY, TOWNSHIP -> region.code();
        };
    }
}
