package org.minsheng.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorService;
import org.minsheng.limits.Budgeted;
import org.minsheng.persistence.Catalogue;
import org.minsheng.persistence.Snapshot;
import org.minsheng.persistence.SqlRows;
import org.minsheng.region.Region;
import org.minsheng.region.RegionService;
import org.minsheng.vocabulary.Theme;

/**
 * Reads programmes and their links from the {@link Catalogue}: no statement. A programme runs in a
 * region when it covers that region, a region above it (province-wide programmes run everywhere), or
 * part of it.
 */
@ApplicationScoped
@Budgeted
public class ProgramService implements NodeLoader, Catalogue.Part {

    private final Snapshot<ProgramCatalogue> catalogue = Snapshot.of("programmes", ProgramCatalogue::read);

    @Inject
    RegionService regions;

    @Inject
    IndicatorService indicators;

    @Override
    public Snapshot<?> snapshot() {
        return catalogue;
    }

    @Override
    public boolean namesOtherParts() {
        return true;
    }

    /** Every one, in code order. */
    public List<Program> all() {
        return catalogue.get().inCodeOrder();
    }

    @Override
    public String type() {
        return Program.TYPE;
    }

    @Override
    public Optional<Program> find(String code) {
        return Optional.ofNullable(catalogue.get().byCode().get(code));
    }

    public Page<Program> list(Theme theme, String regionCode, ProgramKind kind, LocalDate activeOn, ProgramOrder order,
            PageRequest request) {
        ProgramCatalogue programs = catalogue.get();
        Stream<Program> rows = programs.inCodeOrder().stream();
        if (theme != null) {
            rows = rows.filter(program -> program.theme() == theme);
        }
        if (regionCode != null) {
            Set<String> runHere = runIn(programs, regionCode);
            rows = rows.filter(program -> runHere.contains(program.code()));
        }
        if (kind != null) {
            rows = rows.filter(program -> program.kind() == kind);
        }
        if (activeOn != null) {
            rows = rows.filter(program -> program.startedOn() != null && !program.startedOn().isAfter(activeOn)
                    && (program.endedOn() == null || !program.endedOn().isBefore(activeOn)));
        }
        return ProgramOrder.keyset(order).page(rows.toList(), request);
    }

    /**
     * The programmes that run in each region, in code order: those of the region and the regions
     * above it, and those of the regions below it.
     */
    public List<Program> forRegion(Region region) {
        ProgramCatalogue programs = catalogue.get();
        return runIn(programs, region.code()).stream().map(programs.byCode()::get).toList();
    }

    /** The codes of the programmes that run in the region with this code; none for an unknown code. */
    private Set<String> runIn(ProgramCatalogue programs, String regionCode) {
        if (regions.find(regionCode).isEmpty()) {
            return Set.of();
        }
        TreeSet<String> runHere = new TreeSet<>(programs.linkedTo().getOrDefault(regionCode, Set.of()));
        for (Region above : regions.ancestors(regionCode)) {
            runHere.addAll(programs.linkedTo().getOrDefault(above.code(), Set.of()));
        }
        runHere.addAll(programs.linkedBelow().getOrDefault(regionCode, Set.of()));
        return runHere;
    }

    public List<Program> forIndicator(Indicator indicator) {
        return catalogue.get().ofIndicator().getOrDefault(indicator.code(), List.of());
    }

    /** The regions each programme covers, in code order. */
    public List<Region> regions(Program program) {
        return present(regions.inOrder(catalogue.get().regionsOf().getOrDefault(program.code(), List.of())));
    }

    /** The indicators each programme moves, in code order. */
    public List<Indicator> indicators(Program program) {
        return present(indicators.inOrder(catalogue.get().indicatorsOf().getOrDefault(program.code(), List.of())));
    }

    /** The list without the nulls of links read before the row they name (a catalogue read mid-change). */
    private static <T> List<T> present(List<T> list) {
        return list.contains(null) ? list.stream().filter(java.util.Objects::nonNull).toList() : list;
    }

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
            List<Program> all = SqlRows.list("select " + ProgramEntity.COLUMNS + " from program order by code",
                    row -> ProgramEntity.read(row).toGraph());
            Map<String, Program> byCode = new LinkedHashMap<>();
            all.forEach(program -> byCode.put(program.code(), program));
            Map<String, Set<String>> linkedTo = new HashMap<>();
            Map<String, List<String>> regionsOf = new HashMap<>();
            for (Map.Entry<String, String> link : SqlRows.pairs("select region_code, program_code from program_region"
                    + " order by region_code")) {
                linkedTo.computeIfAbsent(link.getKey(), code -> new TreeSet<>()).add(link.getValue());
                regionsOf.computeIfAbsent(link.getValue(), code -> new ArrayList<>()).add(link.getKey());
            }
            Map<String, Set<String>> linkedBelow = new HashMap<>();
            for (Map.Entry<String, String> link : SqlRows
                    .pairs("select ra.ancestor_code, pr.program_code from region_ancestor ra,"
                            + " program_region pr where ra.distance > 0 and pr.region_code = ra.region_code")) {
                linkedBelow.computeIfAbsent(link.getKey(), code -> new TreeSet<>()).add(link.getValue());
            }
            Map<String, List<String>> indicatorsOf = new HashMap<>();
            Map<String, List<Program>> ofIndicator = new HashMap<>();
            for (Map.Entry<String, String> link : SqlRows.pairs("select indicator_code, program_code from program_indicator"
                    + " order by indicator_code, program_code")) {
                indicatorsOf.computeIfAbsent(link.getValue(), code -> new ArrayList<>()).add(link.getKey());
                ofIndicator.computeIfAbsent(link.getKey(), code -> new ArrayList<>()).add(byCode.get(link.getValue()));
            }
            return new ProgramCatalogue(Map.copyOf(byCode), all, frozenSets(linkedTo), frozenSets(linkedBelow),
                    frozen(regionsOf), frozen(indicatorsOf), frozen(ofIndicator));
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
}
