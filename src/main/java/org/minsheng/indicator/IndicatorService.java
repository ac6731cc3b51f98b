package org.minsheng.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.minsheng.persistence.Keyset;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.vocabulary.Theme;

@ApplicationScoped
@ReadOnly
public class IndicatorService implements NodeLoader {

    private static final String FROM = "from IndicatorEntity i";

    @Override
    public String type() {
        return Indicator.TYPE;
    }

    @Override
    public Optional<Indicator> find(String code) {
        return IndicatorEntity.<IndicatorEntity> findByIdOptional(code).map(IndicatorEntity::toGraph);
    }

    public Page<Indicator> list(Theme theme, String search, IndicatorOrder order, PageRequest request) {
        Jpql query = Jpql.from(FROM).where("i.theme = :theme", "theme", theme);
        if (search != null && !search.isBlank()) {
            String text = search.strip().toLowerCase(Locale.ROOT);
            query = query.where("(i.name like :text escape '\\' or lower(i.nameEn) like :text escape '\\'"
                    + " or i.code like :text escape '\\')", "text", "%" + Jpql.likeLiteral(text) + "%");
        }
        return query.page(IndicatorEntity.class, "i", IndicatorOrder.keyset(order), request, IndicatorEntity::toGraph);
    }

    /**
     * For each region, the indicators with data for it, or with {@code withinSubtree} for it or any
     * region below it: one page each, from two statements for the whole list.
     */
    public List<Page<Indicator>> forRegions(List<String> regionCodes, boolean withinSubtree, IndicatorOrder order,
            PageRequest request) {
        String pairs = withinSubtree
                ? "select distinct ra.ancestorCode, o.indicatorCode from RegionAncestorEntity ra, ObservationEntity o"
                        + " where ra.ancestorCode in " + Batches.KEYS + " and o.regionCode = ra.regionCode"
                : "select distinct o.regionCode, o.indicatorCode from ObservationEntity o where o.regionCode in "
                        + Batches.KEYS;
        List<List<String>> codes = Batches.grouped(regionCodes, pairs, String.class::cast);
        Map<String, Indicator> found = byCodes(codes.stream().flatMap(List::stream).distinct().toList());
        Keyset<Indicator> keyset = IndicatorOrder.keyset(order);
        List<Page<Indicator>> pages = new ArrayList<>(regionCodes.size());
        for (List<String> forRegion : codes) {
            List<Indicator> after = keyset.after(forRegion.stream().map(found::get).toList(), request.after());
            pages.add(Page.of(after.subList(0, Math.min(after.size(), request.first() + 1)), keyset::key, request,
                    forRegion.size()));
        }
        return pages;
    }

    public Map<String, Indicator> byCodes(List<String> codes) {
        return Batches.byIds(IndicatorEntity.class, codes)
                .stream().map(IndicatorEntity::toGraph)
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
    }

    /** The indicators for each code, in input order; null where a code is null or unknown. */
    public List<Indicator> inOrder(List<String> codes) {
        return Batches.inOrder(codes, byCodes(codes.stream().filter(java.util.Objects::nonNull).toList()), null);
    }
}
