package org.minsheng.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.Where;

/** Reads the region tree. Every method that takes a list answers with one query per chunk, in input order. */
@ApplicationScoped
@Transactional
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

    public Page<Region> list(RegionLevel level, String parentCode, String search, PageRequest request) {
        Where where = new Where()
                .and("r.level = :level", "level", level)
                .and("r.parentCode = :parent", "parent", parentCode);
        if (search != null && !search.isBlank()) {
            String text = search.strip();
            where.and("(r.name like :contains escape '\\' or lower(r.nameEn) like :containsLower escape '\\'"
                    + " or r.code like :prefix escape '\\')", "contains", "%" + Where.likeLiteral(text) + "%")
                    .bind("containsLower", "%" + Where.likeLiteral(text.toLowerCase(java.util.Locale.ROOT)) + "%")
                    .bind("prefix", Where.likeLiteral(text) + "%");
        }
        long total = Queries.count(FROM, where);
        where.and("r.code > :after", "after", request.afterKey());
        List<Region> rows = Queries.list(RegionEntity.class, "r", FROM, where, "r.code", request.first() + 1)
                .stream().map(RegionEntity::toGraph).toList();
        return Page.of(rows, Region::code, request, total);
    }

    /** Regions by code, for other features' batch resolvers. */
    public Map<String, Region> byCodes(List<String> codes) {
        return Batches.<String, RegionEntity> chunked(codes,
                chunk -> RegionEntity.list("code in ?1", chunk)).stream()
                .map(RegionEntity::toGraph)
                .collect(Collectors.toMap(Region::code, Function.identity()));
    }

    public List<Region> parents(List<Region> regions) {
        return inOrder(regions.stream().map(Region::parentCode).toList());
    }

    /** Each region's children, in code order. */
    public List<List<Region>> children(List<Region> regions) {
        return Batches.grouped(codes(regions), "select r.parentCode, r from RegionEntity r"
                + " where r.parentCode in :codes order by r.code", row -> ((RegionEntity) row).toGraph());
    }

    /** Each region's ancestors, the province first. */
    public List<List<Region>> ancestors(List<Region> regions) {
        return Batches.grouped(codes(regions), "select ra.regionCode, a from RegionAncestorEntity ra, RegionEntity a"
                + " where a.code = ra.ancestorCode and ra.regionCode in :codes and ra.distance > 0"
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
