package org.minsheng.observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
import org.minsheng.persistence.ReadOnly;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads observations, in load order (by ID), with the filters of {@link ObservationFilter}. */
@ApplicationScoped
@Transactional
@ReadOnly
public class ObservationService implements NodeLoader {

    /** Every observation with its indicator (the unit needs it). */
    private static final Jpql JOINED = Jpql.from("from ObservationEntity o, IndicatorEntity i")
            .where("i.code = o.indicatorCode");

    /** Every observation alone: where only IDs are wanted, an index of (parent, id) answers without the table. */
    private static final Jpql OBSERVATIONS = Jpql.from("from ObservationEntity o");

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
        return query(JOINED, filter).page(Object[].class, "o, i", "o.id", request.afterId(), request,
                ObservationService::toGraph, o -> o.key().toString());
    }

    /** One page for each region: that region's own observations. */
    public List<Page<Observation>> forRegions(List<String> regionCodes, ObservationFilter filter, PageRequest request) {
        return forParents("RegionEntity", "o.regionCode", regionCodes, filter, request);
    }

    /** One page for each indicator. */
    public List<Page<Observation>> forIndicators(List<String> indicatorCodes, ObservationFilter filter,
            PageRequest request) {
        return forParents("IndicatorEntity", "o.indicatorCode", indicatorCodes, filter, request);
    }

    /**
     * Pages for many parents in two statements that read only the rows they return: the IDs of each
     * parent's page, then those rows. Totals are one grouped count, run only when a total is read.
     */
    private List<Page<Observation>> forParents(String parentEntity, String parentPath, List<String> parents,
            ObservationFilter filter, PageRequest request) {
        Jpql query = query(OBSERVATIONS, filter);
        Jpql afterCursor = query.where("o.id > :after", "after", request.afterId() == null ? 0L : request.afterId());
        // The page size is a number the service computed (1 to 101), written as a literal: neither a
        // lateral subquery's limit nor a comparison with a derived table's column takes a parameter
        // portably.
        int size = request.first() + 1;
        String hql;
        Jpql bound;
        if (Queries.lateralJoins()) {
            // For each parent, the first IDs after the cursor: a range scan of the (parent, id) index
            // that stops after size rows, reading the index alone.
            bound = afterCursor.where(parentPath + " = p.code");
            hql = "select p.code, x.id from " + parentEntity + " p join lateral (" + bound.subquery("o.id as id")
                    + " order by o.id limit " + size + ") x where p.code in :parents";
        } else {
            // The same IDs by numbering each parent's matching rows (H2 has no lateral subqueries).
            bound = afterCursor.where(parentPath + " in :parents");
            hql = "select x.parent, x.id from (" + bound.subquery(parentPath + " as parent, o.id as id, row_number() over"
                    + " (partition by " + parentPath + " order by o.id) as rn") + ") x where x.rn <= " + size;
        }
        Map<String, List<Long>> pageIds = new HashMap<>();
        List<Long> wanted = new ArrayList<>();
        Batches.chunked(parents, chunk -> bound.bind(Queries.em().createQuery(hql, Object[].class))
                .setParameter("parents", chunk).getResultList())
                .forEach(row -> {
                    long id = ((Number) row[1]).longValue();
                    pageIds.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(id);
                    wanted.add(id);
                });
        Map<Long, Observation> rows = new HashMap<>();
        Batches.chunked(wanted, chunk -> JOINED.where("o.id in :ids", "ids", chunk).list(Object[].class, "o, i", "o.id"))
                .forEach(row -> rows.put(((ObservationEntity) row[0]).id, toGraph(row)));

        // One grouped count serves every parent's total, run when the first one is read.
        Supplier<Map<String, Long>> totals = Page.once(() -> QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, Long> counts = new HashMap<>();
            Batches.chunked(parents, chunk -> {
                Jpql counted = query.where(parentPath + " in :parents", "parents", chunk);
                return counted.bind(Queries.em().createQuery(counted.subquery(parentPath + ", count(o.id)") + " group by "
                        + parentPath, Object[].class)).getResultList();
            }).forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
            return counts;
        }));
        List<Page<Observation>> pages = new ArrayList<>(parents.size());
        for (String parent : parents) {
            List<Observation> page = pageIds.getOrDefault(parent, List.of()).stream().sorted().map(rows::get).toList();
            pages.add(Page.of(page, o -> o.key().toString(), request, () -> totals.get().getOrDefault(parent, 0L)));
        }
        return pages;
    }

    /** {@code base} (observations as {@code o}) with the conditions of {@code filter}. */
    static Jpql query(Jpql base, ObservationFilter filter) {
        if (filter == null) {
            return base;
        }
        if (filter.from != null && filter.to != null && filter.from.isAfter(filter.to)) {
            throw new BadUserInputException("filter: from (" + filter.from + ") is after to (" + filter.to + ")");
        }
        return base
                .where("o.indicatorCode in :indicatorCodes", "indicatorCodes",
                        InputLists.checked("filter.indicatorCodes", filter.indicatorCodes))
                .where("o.regionCode in :regionCodes", "regionCodes",
                        InputLists.checked("filter.regionCodes", filter.regionCodes))
                .where("o.regionCode in (select ra.regionCode from RegionAncestorEntity ra where ra.ancestorCode = :within)",
                        "within", filter.within)
                .where("o.indicatorCode in (select t.code from IndicatorEntity t where t.theme in :themes)", "themes",
                        InputLists.checked("filter.themes", filter.themes))
                .where("o.periodEnd >= :from", "from", filter.from)
                .where("o.periodStart <= :to", "to", filter.to)
                .where("o.qualifier in :qualifiers", "qualifiers",
                        InputLists.checked("filter.qualifiers", filter.qualifiers));
    }

    private static Observation toGraph(Object[] row) {
        return ((ObservationEntity) row[0]).toGraph((IndicatorEntity) row[1]);
    }
}
