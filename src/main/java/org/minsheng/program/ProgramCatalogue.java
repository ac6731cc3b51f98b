package org.minsheng.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.minsheng.persistence.Queries;

/**
 * Every programme with its links, as one immutable value: by code and in code order; the
 * programmes linked to each region, and those linked to a region somewhere below it (from the
 * closure table); each programme's regions and indicators, and each indicator's programmes, in code
 * order.
 */
record ProgramCatalogue(Map<String, Program> byCode, List<Program> inCodeOrder, Map<String, Set<String>> linkedTo,
        Map<String, Set<String>> linkedBelow, Map<String, List<String>> regionsOf,
        Map<String, List<String>> indicatorsOf, Map<String, List<Program>> ofIndicator) {

    static ProgramCatalogue read() {
        List<Program> all = Queries.em().createQuery("from ProgramEntity p order by p.code", ProgramEntity.class)
                .setHint("org.hibernate.readOnly", true).getResultStream().map(ProgramEntity::toGraph).toList();
        Map<String, Program> byCode = new LinkedHashMap<>();
        all.forEach(program -> byCode.put(program.code(), program));
        Map<String, Set<String>> linkedTo = new HashMap<>();
        Map<String, List<String>> regionsOf = new HashMap<>();
        for (Object[] link : pairs("select pr.regionCode, pr.programCode from ProgramRegionEntity pr"
                + " order by pr.regionCode")) {
            linkedTo.computeIfAbsent((String) link[0], code -> new TreeSet<>()).add((String) link[1]);
            regionsOf.computeIfAbsent((String) link[1], code -> new ArrayList<>()).add((String) link[0]);
        }
        Map<String, Set<String>> linkedBelow = new HashMap<>();
        for (Object[] link : pairs("select ra.ancestorCode, pr.programCode from RegionAncestorEntity ra,"
                + " ProgramRegionEntity pr where ra.distance > 0 and pr.regionCode = ra.regionCode")) {
            linkedBelow.computeIfAbsent((String) link[0], code -> new TreeSet<>()).add((String) link[1]);
        }
        Map<String, List<String>> indicatorsOf = new HashMap<>();
        Map<String, List<Program>> ofIndicator = new HashMap<>();
        for (Object[] link : pairs("select pi.indicatorCode, pi.programCode from ProgramIndicatorEntity pi"
                + " order by pi.indicatorCode, pi.programCode")) {
            indicatorsOf.computeIfAbsent((String) link[1], code -> new ArrayList<>()).add((String) link[0]);
            ofIndicator.computeIfAbsent((String) link[0], code -> new ArrayList<>()).add(byCode.get((String) link[1]));
        }
        return new ProgramCatalogue(Map.copyOf(byCode), all, frozenSets(linkedTo), frozenSets(linkedBelow),
                frozen(regionsOf), frozen(indicatorsOf), frozen(ofIndicator));
    }

    private static List<Object[]> pairs(String jpql) {
        return Queries.em().createQuery(jpql, Object[].class).getResultList();
    }

    private static <T> Map<String, List<T>> frozen(Map<String, List<T>> lists) {
        Map<String, List<T>> copy = new HashMap<>();
        lists.forEach((code, list) -> copy.put(code, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    private static Map<String, Set<String>> frozenSets(Map<String, Set<String>> sets) {
        Map<String, Set<String>> copy = new HashMap<>();
        sets.forEach((code, set) -> copy.put(code, java.util.Collections.unmodifiableSet(set)));
        return Map.copyOf(copy);
    }
}
