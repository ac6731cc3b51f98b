package org.minsheng.observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.InputLists;
import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.Queries;

/** Reads observations, in load order (by ID), with the filters of {@link ObservationFilter}. */
@ApplicationScoped
@Transactional
public class ObservationService implements NodeLoader {

    /** Every observation with its indicator (the theme filter and the unit need it). */
    private static final Jpql JOINED = Jpql.from("from ObservationEntity o, IndicatorEntity i")
            .where("i.code = o.indicatorCode");

    @Override
    public String type() {
        return Observation.TYPE;
    }

    /** The observation with this ID; the key of an observation's global ID is its number. */
    @Override
    public Optional<Observation> find(String key) {
        return find(Long.parseLong(key));
    }

    public Optional<Observation> find(long id) {
        return JOINED.where("o.id = :id", "id", id).list(Object[].class, "o, i", "o.id").stream().findFirst()
                .map(ObservationService::toGraph);
    }

    public Page<Observation> list(ObservationFilter filter, PageRequest request) {
        return query(filter).page(Object[].class, "o, i", "o.id", request.afterId(), request,
                ObservationService::toGraph, o -> o.key().toString());
    }

    /** One page for each region: that region's own observations. */
    public List<Page<Observation>> forRegions(List<String> regionCodes, ObservationFilter filter, PageRequest request) {
        return forParents("o.regionCode", regionCodes, filter, request);
    }

    /** One page for each indicator. */
    public List<Page<Observation>> forIndicators(List<String> indicatorCodes, ObservationFilter filter,
            PageRequest request) {
        return forParents("o.indicatorCode", indicatorCodes, filter, request);
    }

    /**
     * Pages for many parents in two statements, reading only the rows they return: the IDs of each
     * parent's page with its total (window functions over the matching rows, so the work follows
     * the page size, not the table), then those rows. The first row of each parent comes along even
     * off the page, so that every parent's total is known.
     */
    private List<Page<Observation>> forParents(String parentPath, List<String> parents, ObservationFilter filter,
            PageRequest request) {
        Jpql query = query(filter);
        long after = request.afterId() == null ? 0L : request.afterId();
        int size = request.first() + 1;
        // after and size are numbers the service computed, written into the query as literals: Hibernate
        // cannot infer parameter types against the columns of a derived table.
        String ranked = "select x.parent, x.id, x.total, x.pos from (%s) x where (x.id > " + after + " and x.pos <= "
                + size + ") or x.rn = 1 order by x.id";
        String window = parentPath + " as parent, o.id as id, count(o.id) over (partition by " + parentPath
                + ") as total, row_number() over (partition by " + parentPath + " order by o.id) as rn,"
                + " sum(case when o.id > " + after + " then 1 else 0 end) over (partition by " + parentPath
                + " order by o.id rows between unbounded preceding and current row) as pos";
        Map<String, Long> totals = new HashMap<>();
        Map<String, List<Long>> pageIds = new LinkedHashMap<>();
        List<Long> wanted = new ArrayList<>();
        Batches.chunked(parents, chunk -> {
            Jpql inner = query.where(parentPath + " in :parents", "parents", chunk);
            return inner.bind(Queries.em().createQuery(ranked.formatted(inner.subquery(window)), Object[].class))
                    .getResultList();
        }).forEach(row -> {
            String parent = (String) row[0];
            long id = ((Number) row[1]).longValue();
            totals.put(parent, ((Number) row[2]).longValue());
            if (id > after && ((Number) row[3]).longValue() <= size) {
                pageIds.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
                wanted.add(id);
            }
        });
        Map<Long, Observation> rows = new HashMap<>();
        Batches.chunked(wanted, chunk -> JOINED.where("o.id in :ids", "ids", chunk).list(Object[].class, "o, i", "o.id"))
                .forEach(row -> rows.put(((ObservationEntity) row[0]).id, toGraph(row)));

        List<Page<Observation>> pages = new ArrayList<>(parents.size());
        for (String parent : parents) {
            List<Observation> page = pageIds.getOrDefault(parent, List.of()).stream().map(rows::get).toList();
            pages.add(Page.of(page, o -> o.key().toString(), request, totals.getOrDefault(parent, 0L)));
        }
        return pages;
    }

    static Jpql query(ObservationFilter filter) {
        if (filter == null) {
            return JOINED;
        }
        if (filter.from != null && filter.to != null && filter.from.isAfter(filter.to)) {
            throw new BadUserInputException("filter: from (" + filter.from + ") is after to (" + filter.to + ")");
        }
        return JOINED
                .where("o.indicatorCode in :indicatorCodes", "indicatorCodes",
                        InputLists.checked("filter.indicatorCodes", filter.indicatorCodes))
                .where("o.regionCode in :regionCodes", "regionCodes",
                        InputLists.checked("filter.regionCodes", filter.regionCodes))
                .where("o.regionCode in (select ra.regionCode from RegionAncestorEntity ra where ra.ancestorCode = :within)",
                        "within", filter.within)
                .where("i.theme in :themes", "themes", InputLists.checked("filter.themes", filter.themes))
                .where("o.periodEnd >= :from", "from", filter.from)
                .where("o.periodStart <= :to", "to", filter.to)
                .where("o.qualifier in :qualifiers", "qualifiers",
                        InputLists.checked("filter.qualifiers", filter.qualifiers));
    }

    private static Observation toGraph(Object[] row) {
        return ((ObservationEntity) row[0]).toGraph((IndicatorEntity) row[1]);
    }
}
