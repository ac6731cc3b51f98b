package org.minsheng.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.limits.Budgeted;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Catalogue;
import org.minsheng.persistence.Snapshot;
import org.minsheng.persistence.SqlRows;

/**
 * Reads the region tree from the {@link Catalogue}: no statement. Paging, filters and search run
 * over the snapshot, in the same order and with the same cursors as the database gave them.
 */
@ApplicationScoped
@Budgeted
public class RegionService implements NodeLoader, Catalogue.Part {

    private final Snapshot<RegionCatalogue> tree = Snapshot.of("regions", RegionCatalogue::read);

    @Override
    public Snapshot<?> snapshot() {
        return tree;
    }

    /** Every one, in code order. */
    public List<Region> all() {
        return tree.get().inCodeOrder();
    }

    @Override
    public String type() {
        return Region.TYPE;
    }

    @Override
    public Optional<Region> find(String code) {
        return Optional.ofNullable(tree.get().byCode().get(code));
    }

    public Page<Region> list(RegionLevel level, String parentCode, String search, RegionOrder order,
            PageRequest request) {
        RegionCatalogue regions = tree.get();
        Stream<Region> rows = parentCode == null ? regions.inCodeOrder().stream()
                : regions.children().getOrDefault(parentCode, List.of()).stream();
        if (level != null) {
            rows = rows.filter(region -> region.level() == level);
        }
        if (search != null && !search.isBlank()) {
            String text = search.strip();
            String lower = text.toLowerCase(Locale.ROOT);
            rows = rows.filter(region -> region.name().contains(text) || region.code().startsWith(text)
                    || (region.nameEn() != null && region.nameEn().toLowerCase(Locale.ROOT).contains(lower)));
        }
        return RegionOrder.keyset(order).page(rows.toList(), request);
    }

    /** Regions by code, for other features' batch resolvers; unknown codes left out. */
    public Map<String, Region> byCodes(List<String> codes) {
        return Batches.found(tree.get().byCode(), codes);
    }

    /** The region this one belongs to; null for the province. */
    public Region parent(Region region) {
        return region.parentCode() == null ? null : tree.get().byCode().get(region.parentCode());
    }

    /** The region's children, in code order. */
    public List<Region> children(Region region) {
        return tree.get().children().getOrDefault(region.code(), List.of());
    }

    /** Each region's children, in code order. */
    public List<List<Region>> children(List<Region> regions) {
        Map<String, List<Region>> children = tree.get().children();
        return regions.stream().map(region -> children.getOrDefault(region.code(), List.of())).toList();
    }

    /** The ancestors of the region with this code, the province first; empty for the province or an unknown code. */
    public List<Region> ancestors(String code) {
        return tree.get().ancestors().getOrDefault(code, List.of());
    }

    /** The regions for each code, in input order; null where a code is null or unknown. */
    public List<Region> inOrder(List<String> codes) {
        return Batches.inOrder(codes, tree.get().byCode(), null);
    }

    /**
     * The region tree as one immutable value: every region by code and in code order, each region's
     * children in code order, and each region's ancestors from the closure table, the province first.
     */
    record RegionCatalogue(Map<String, Region> byCode, List<Region> inCodeOrder, Map<String, List<Region>> children,
            Map<String, List<Region>> ancestors) {

        static RegionCatalogue read() {
            List<Region> all = SqlRows.list("select " + RegionEntity.COLUMNS + " from region order by code",
                    row -> RegionEntity.read(row).toGraph());
            Map<String, Region> byCode = new LinkedHashMap<>();
            Map<String, List<Region>> children = new HashMap<>();
            for (Region region : all) {
                byCode.put(region.code(), region);
                if (region.parentCode() != null) {
                    children.computeIfAbsent(region.parentCode(), code -> new ArrayList<>()).add(region);
                }
            }
            Map<String, List<Region>> ancestors = new HashMap<>();
            SqlRows.pairs("select region_code, ancestor_code from region_ancestor where distance > 0"
                    + " order by region_code, distance desc")
                    .forEach(pair -> ancestors.computeIfAbsent(pair.getKey(), code -> new ArrayList<>())
                            .add(byCode.get(pair.getValue())));
            return new RegionCatalogue(Map.copyOf(byCode), all, frozen(children), frozen(ancestors));
        }

        private static Map<String, List<Region>> frozen(Map<String, List<Region>> lists) {
            Map<String, List<Region>> copy = new HashMap<>();
            lists.forEach((code, list) -> copy.put(code, List.copyOf(list)));
            return Map.copyOf(copy);
        }
    }
}
