package org.minsheng.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.ReadOnly;

/** Reads the region tree. Every method that takes a list answers with one query per chunk, in input order. */
@ApplicationScoped
@ReadOnly
public class RegionService implements NodeLoader {

    private static final String FROM = "from RegionEntity r";

    @Override
    public String type() {
        return Region.TYPE;
    }

    @Override
    public Optional<Region> find(String code) {
        return RegionEntity.<RegionEntity> findByIdOptional(code).map(RegionEntity::toGraph);
    }

    public Page<Region> list(RegionLevel level, String parentCode, String search, RegionOrder order,
            PageRequest request) {
        Jpql query = Jpql.from(FROM)
                .where("r.level = :level", "level", level)
                .where("r.parentCode = :parent", "parent", parentCode);
        if (search != null && !search.isBlank()) {
            String text = search.strip();
            query = query.where("(r.name like :contains escape '\\' or lower(r.nameEn) like :containsLower escape '\\'"
                    + " or r.code like :prefix escape '\\')",
                    Map.of(
                            "contains", "%" + Jpql.likeLiteral(text) + "%",
                            "containsLower", "%" + Jpql.likeLiteral(text.toLowerCase(java.util.Locale.ROOT)) + "%",
                            "prefix", Jpql.likeLiteral(text) + "%"));
        }
        return query.page(RegionEntity.class, "r", RegionOrder.keyset(order), request, RegionEntity::toGraph);
    }

    /** Regions by code, for other features' batch resolvers. */
    public Map<String, Region> byCodes(List<String> codes) {
        return Batches.byIds(RegionEntity.class, codes).stream()
                .map(RegionEntity::toGraph)
                .collect(Collectors.toMap(Region::code, Function.identity()));
    }

    public List<Region> parents(List<Region> regions) {
        return inOrder(regions.stream().map(Region::parentCode).toList());
    }

    /** Each region's children, in code order. */
    public List<List<Region>> children(List<Region> regions) {
        return Batches.grouped(codes(regions), "select r.parentCode, r from RegionEntity r"
                + " where r.parentCode in " + Batches.KEYS + " order by r.code", row -> ((RegionEntity) row).toGraph());
    }

    /** Each region's ancestors, the province first. */
    public List<List<Region>> ancestors(List<Region> regions) {
        return Batches.grouped(codes(regions), "select ra.regionCode, a from RegionAncestorEntity ra, RegionEntity a"
                + " where a.code = ra.ancestorCode and ra.regionCode in " + Batches.KEYS + " and ra.distance > 0"
                + " order by ra.distance desc", row -> ((RegionEntity) row).toGraph());
    }

    private static List<String> codes(List<Region> regions) {
        return regions.stream().map(Region::code).toList();
    }

    /** The regions for each code, in input order; null where a code is null or unknown. */
    public List<Region> inOrder(List<String> codes) {
        return Batches.inOrder(codes, byCodes(codes.stream().filter(java.util.Objects::nonNull).toList()), null);
    }
}
