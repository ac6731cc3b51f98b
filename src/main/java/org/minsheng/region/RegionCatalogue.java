package org.minsheng.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minsheng.persistence.Queries;

/**
 * The region tree as one immutable value: every region by code and in code order, each region's
 * children in code order, and each region's ancestors from the closure table, the province first.
 */
record RegionCatalogue(Map<String, Region> byCode, List<Region> inCodeOrder, Map<String, List<Region>> children,
        Map<String, List<Region>> ancestors) {

    static RegionCatalogue read() {
        List<Region> all = Queries.em().createQuery("from RegionEntity r order by r.code", RegionEntity.class)
                .setHint("org.hibernate.readOnly", true).getResultStream().map(RegionEntity::toGraph).toList();
        Map<String, Region> byCode = new LinkedHashMap<>();
        Map<String, List<Region>> children = new HashMap<>();
        for (Region region : all) {
            byCode.put(region.code(), region);
            if (region.parentCode() != null) {
                children.computeIfAbsent(region.parentCode(), code -> new ArrayList<>()).add(region);
            }
        }
        Map<String, List<Region>> ancestors = new HashMap<>();
        Queries.em().createQuery("select ra.regionCode, ra.ancestorCode from RegionAncestorEntity ra"
                + " where ra.distance > 0 order by ra.regionCode, ra.distance desc", Object[].class)
                .getResultStream()
                .forEach(pair -> ancestors.computeIfAbsent((String) pair[0], code -> new ArrayList<>())
                        .add(byCode.get((String) pair[1])));
        return new RegionCatalogue(Map.copyOf(byCode), all, frozen(children), frozen(ancestors));
    }

    private static Map<String, List<Region>> frozen(Map<String, List<Region>> lists) {
        Map<String, List<Region>> copy = new HashMap<>();
        lists.forEach((code, list) -> copy.put(code, List.copyOf(list)));
        return Map.copyOf(copy);
    }
}
