package org.minsheng.seed;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minsheng.region.RegionLevel;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.vocabulary.Codes;

/** regions.csv: the division tree. Codes have their form, appear once, and extend their parent's. */
final class RegionsFile {

    static final String NAME = "regions.csv";

    private RegionsFile() {
    }

    /**
     * The regions by code; the problems of the file go to {@code problems}. A region with a
     * problem of its own stays known by its code, so that references to it are not reported too.
     */
    static Map<String, Located<RegionRow>> read(String text, List<Problem> problems) {
        Map<String, Located<RegionRow>> regions = new LinkedHashMap<>();
        Set<String> valid = new HashSet<>();
        for (Located<RegionRow> located : CsvRows.read(NAME, text, RegionRow.class, problems)) {
            String code = located.row().code();
            if (code == null || !Codes.REGION.matcher(code).matches()) {
                problems.add(new Problem(NAME, located.line(), "code \"" + (code == null ? "" : code)
                        + "\" is not " + Codes.REGION_FORM));
                continue;
            }
            Located<RegionRow> first = regions.putIfAbsent(code, located);
            if (first != null) {
                problems.add(new Problem(NAME, located.line(), "duplicate region " + code + " (first on line "
                        + first.line() + ")"));
            } else if (valid(located, problems)) {
                valid.add(code);
            }
        }
        regions.values().stream().filter(r -> valid.contains(r.row().code()))
                .forEach(region -> checkParent(region, regions, problems));
        return regions;
    }

    private static boolean valid(Located<RegionRow> located, List<Problem> problems) {
        int before = problems.size();
        RegionRow region = located.row();
        String code = region.code();
        if (region.level() == null) {
            problems.add(new Problem(NAME, located.line(), "region " + code + " has no level"));
        } else if (region.level() != Codes.levelOf(code)) {
            problems.add(new Problem(NAME, located.line(), "region " + code + " has level " + region.level()
                    + " but its code is that of a " + Codes.levelOf(code)));
        }
        if (region.name() == null) {
            problems.add(new Problem(NAME, located.line(), "region " + code + " has no name"));
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
        if (parent != null && parent.row().level() == null) {
            return;
        }
        if (parent == null) {
            problems.add(new Problem(NAME, line, "region " + region.code() + ": unknown parent code \""
                    + (region.parentCode() == null ? "" : region.parentCode()) + "\""));
            return;
        }
        RegionLevel parentLevel = parent.row().level();
        if (parentLevel.ordinal() != region.level().ordinal() - 1) {
            problems.add(new Problem(NAME, line, "region " + region.code() + " (" + region.level() + ") has parent "
                    + parent.row().code() + " of level " + parentLevel));
        } else if (!Codes.extendsCode(region.code(), parent.row().code(), parentLevel)) {
            problems.add(new Problem(NAME, line, "region " + region.code() + " does not extend its parent's code "
                    + parent.row().code()));
        }
    }
}
