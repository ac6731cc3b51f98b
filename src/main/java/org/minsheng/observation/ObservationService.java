package org.minsheng.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.InputLists;
import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorService;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.Keyset;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.persistence.SqlRows;
import org.minsheng.region.RegionLevel;
import org.minsheng.revision.RevisionEntity;
import org.minsheng.revision.RevisionService;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceService;
import org.minsheng.vocabulary.Theme;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads observations, in load order (by ID), with the filters of {@link ObservationFilter}. */
@ApplicationScoped
@ReadOnly
public class ObservationService implements NodeLoader {

    @Inject
    RevisionService revisions;

    @Inject
    IndicatorService indicators;

    @Inject
    SourceService sources;

    /**
     * Every observation, read as columns (rows to records, no managed entity); its indicator and
     * source come from the catalogue. Where only IDs are wanted, an index of (parent, id) answers
     * without the table.
     */
    private static final Jpql OBSERVATIONS = Jpql.from("from ObservationEntity o");

    /** The columns an {@link Observation} is made of, as {@link #read(ResultSet, int)} reads them. */
    private static final String COLUMNS = "o.id, o.periodStart, o.periodEnd, o.value, o.qualifier, o.quote, o.note,"
            + " o.indicatorCode, o.regionCode, o.sourceCode, o.version, o.status, o.precision";

    /** {@link #COLUMNS} of a row joined as {@code r} by its ID (a page's rows, whose IDs a derived table picked). */
    private static final String JOINED_COLUMNS = COLUMNS.replace("o.", "r.");

    /** {@link #COLUMNS} named {@code c0}, {@code c1}, … in a derived table. */
    private static final String ALIASED;

    /** The columns of {@link #ALIASED}, read from a derived table {@code x}, in {@link #COLUMNS}' order. */
    private static final String DERIVED;

    static {
        String[] columns = COLUMNS.split(",\\s*");
        StringJoiner aliased = new StringJoiner(", ");
        StringJoiner derived = new StringJoiner(", ");
        for (int i = 0; i < columns.length; i++) {
            aliased.add(columns[i] + " as c" + i);
            derived.add("x.c" + i);
        }
        ALIASED = aliased.toString();
        DERIVED = derived.toString();
    }

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
        return rows(OBSERVATIONS.where("o.id = :id", "id", id), "o.id", 0).stream().findFirst();
    }

    /**
     * The figures {@code query} selects, in {@code orderBy}'s order, at most {@code limit} of them (0:
     * all), read as plain SQL ({@link SqlRows}).
     */
    private List<Observation> rows(Jpql query, String orderBy, int limit) {
        // A limit is a number the service computed, written as a literal.
        String hql = query.subquery(COLUMNS) + " order by " + orderBy + (limit > 0 ? " limit " + limit : "");
        return SqlRows.list(query.sql(hql, Map.of(), SQL_NAMES), row -> read(row, 1)).stream()
                .map(this::withIndicator).toList();
    }

    /**
     * A figure read while the catalogue in memory did not hold its indicator (one created a moment
     * ago through another replica, or earlier in this transaction) gets it from the session once its
     * rows are read: a statement run on the connection while the result set is open closes it.
     */
    private Observation withIndicator(Observation observation) {
        return observation.indicator() != null ? observation
                : observation.withIndicator(indicators.referenced(observation.indicatorCode()));
    }

    /**
     * One page of figures: its statement in plain SQL ({@link SqlRows}), the total, when read, counted
     * with HQL.
     */
    public Page<Observation> list(ObservationFilter filter, ObservationOrder order, PageRequest request) {
        Jpql query = query(OBSERVATIONS, filter);
        Keyset<Observation> keyset = ObservationOrder.keyset(order);
        List<Observation> rows = rows(keyset.after(query, request.after()), keyset.orderBy(), request.first() + 1);
        return Page.of(rows, keyset::key, request,
                Page.lazyTotal(() -> QuarkusTransaction.joiningExisting().call(query::count)));
    }

    /**
     * The figures as they stood at {@code asOf}: the rows no revision touched since, read as they
     * are, and those it touched rebuilt from the earliest such revision's state before it (deleted
     * ones included, created ones left out). The two are merged in the requested order, so cursors
     * and totals work as without {@code asOf}. Rows loaded by a seed import have no revisions: they
     * count as there all along.
     */
    public Page<Observation> list(ObservationFilter filter, ObservationOrder order, Instant asOf, PageRequest request) {
        if (asOf == null) {
            return list(filter, order, request);
        }
        Keyset<Observation> keyset = ObservationOrder.keyset(order);
        Map<Long, ObservationState> past = new HashMap<>();
        // Newest first: the last state put for an ID is the one before its earliest revision since asOf.
        for (RevisionEntity revision : revisions.after(Observation.TYPE, asOf)) {
            past.put(Long.valueOf(revision.entityKey), revisions.read(revision.before, ObservationState.class));
        }
        Jpql untouched = query(OBSERVATIONS, filter);
        if (!past.isEmpty()) {
            untouched = untouched.where("o.id not in :touched", "touched", List.copyOf(past.keySet()));
        }
        List<Observation> rows = new ArrayList<>(
                rows(keyset.after(untouched, request.after()), keyset.orderBy(), request.first() + 1));
        List<Observation> rebuilt = rebuilt(past, filter);
        rows.addAll(keyset.after(rebuilt, request.after()));
        rows.sort(keyset.comparator());
        Jpql counted = untouched;
        return Page.of(rows.subList(0, Math.min(rows.size(), request.first() + 1)), keyset::key, request,
                Page.lazyTotal(() -> QuarkusTransaction.joiningExisting().call(counted::count) + rebuilt.size()));
    }

    /** The past states that existed and match the filter, as observations. */
    private List<Observation> rebuilt(Map<Long, ObservationState> past, ObservationFilter filter) {
        List<Observation> result = new ArrayList<>();
        java.util.Set<String> within = null;
        for (Map.Entry<Long, ObservationState> entry : past.entrySet()) {
            ObservationState s = entry.getValue();
            if (s == null) {
                continue;
            }
            Indicator indicator = indicators.find(s.indicatorCode()).orElse(null);
            if (indicator == null) {
                continue;
            }
            if (filter != null && filter.within != null && within == null) {
                within = new java.util.HashSet<>(Queries.em().createQuery("select ra.regionCode from"
                        + " RegionAncestorEntity ra where ra.ancestorCode = :within", String.class)
                        .setParameter("within", filter.within).getResultList());
            }
            if (filter == null || matches(s, indicator, filter, within)) {
                ObservationEntity e = new ObservationEntity();
                e.id = entry.getKey();
                s.applyTo(e);
                e.version = s.version();
                result.add(e.toGraph(indicator));
            }
        }
        return result;
    }

    /** {@link #query}'s conditions, for a state rebuilt in memory. */
    private static boolean matches(ObservationState s, Indicator indicator, ObservationFilter f,
            java.util.Set<String> within) {
        return (f.indicatorCodes == null || f.indicatorCodes.contains(s.indicatorCode()))
                && (f.regionCodes == null || f.regionCodes.contains(s.regionCode()))
                && (within == null || within.contains(s.regionCode()))
                && (f.themes == null || f.themes.contains(indicator.theme()))
                && (f.from == null || !s.periodEnd().isBefore(f.from))
                && (f.to == null || !s.periodStart().isAfter(f.to))
                && (f.qualifiers == null || f.qualifiers.contains(s.qualifier()))
                && (f.sourceCodes == null || f.sourceCodes.contains(s.sourceCode()))
                && (f.value == null || ((f.value.gt == null || s.value().compareTo(f.value.gt) > 0)
                        && (f.value.gte == null || s.value().compareTo(f.value.gte) >= 0)
                        && (f.value.lt == null || s.value().compareTo(f.value.lt) < 0)
                        && (f.value.lte == null || s.value().compareTo(f.value.lte) <= 0)));
    }

    /** One page for each region: that region's own observations. */
    public List<Page<Observation>> forRegions(List<String> regionCodes, ObservationFilter filter, ObservationOrder order,
            PageRequest request) {
        return forParents("RegionEntity", "o.regionCode", regionCodes, filter, ObservationOrder.keyset(order), request,
                filter != null && (filter.indicatorCodes != null || filter.themes != null));
    }

    /** One page for each indicator. */
    public List<Page<Observation>> forIndicators(List<String> indicatorCodes, ObservationFilter filter,
            ObservationOrder order, PageRequest request) {
        return forParents("IndicatorEntity", "o.indicatorCode", indicatorCodes, filter, ObservationOrder.keyset(order),
                request, filter != null && filter.regionCodes != null);
    }

    /**
     * Pages for many parents in one statement that reads only the rows it returns: each parent's page
     * of IDs from a derived table (a lateral subquery on PostgreSQL, the rows numbered per parent on
     * H2), joined to those rows. Totals are one grouped count, run only when a total is read.
     *
     * <p>
     * {@code paired}: the filter names the other half of the (indicator, region) index, so that index
     * finds each parent's matching rows and nothing else; on PostgreSQL the lateral subquery then
     * carries the page's columns out itself, and the rows are not read a second time by ID (a series of
     * one indicator for a prefecture's counties, W5 on a million figures: 117 against 597 buffers).
     */
    private List<Page<Observation>> forParents(String parentEntity, String parentPath, List<String> parents,
            ObservationFilter filter, Keyset<Observation> order, PageRequest request, boolean paired) {
        Jpql query = query(OBSERVATIONS, filter);
        Jpql afterCursor = order.after(query, request.after());
        // The page size is a number the service computed (1 to 101), written as a literal: neither a
        // lateral subquery's limit nor a comparison with a derived table's column takes a parameter
        // portably.
        int size = request.first() + 1;
        Function<List<String>, List<Map.Entry<String, Observation>>> pagesOf;
        if (Queries.lateralJoins()) {
            // For each parent, the first IDs after the cursor: a range scan of the (parent, id) index
            // that stops after size rows.
            // The subquery selects the IDs alone, so that the (parent, id) index answers it without the
            // table; the rows are then read by ID. With every column selected in the subquery, the planner
            // took the primary key in ID order and filtered by parent instead, for parents with many
            // rows: on a million rows it read 21,660 to return 252 (checks/million.sh).
            // With the other half of the (indicator, region) index in the filter, that index picks the
            // matching rows exactly, and the subquery carries their columns out.
            Jpql bound = afterCursor.where(parentPath + " = p.code");
            String head = paired
                    ? "select p.code, " + DERIVED + " from " + parentEntity + " p join lateral ("
                            + bound.subquery(ALIASED) + " order by " + order.orderBy() + " limit " + size
                            + ") x on true where p.code in "
                    : "select p.code, " + JOINED_COLUMNS + " from " + parentEntity + " p join lateral ("
                            + bound.subquery("o.id as id") + " order by " + order.orderBy() + " limit " + size
                            + ") x on true join ObservationEntity r on r.id = x.id where p.code in ";
            pagesOf = chunk -> {
                Map<String, Object> codes = new HashMap<>();
                return SqlRows.list(bound.sql(head + Jpql.list("parents", chunk, codes), codes, SQL_NAMES),
                        SqlRows.Reader.paired(1, row -> read(row, 2)));
            };
        } else {
            // The same IDs by numbering each parent's matching rows (H2 has no lateral subqueries),
            // joined to their rows.
            pagesOf = chunk -> {
                Jpql bound = afterCursor.where(parentPath + " in :parents", "parents", chunk);
                return SqlRows.list(bound.sql("select x.parent, " + JOINED_COLUMNS + " from ("
                        + bound.subquery(parentPath + " as parent, o.id as id, row_number() over (partition by "
                                + parentPath + " order by " + order.orderBy() + ") as rn")
                        + ") x join ObservationEntity r on r.id = x.id where x.rn <= " + size, Map.of(), SQL_NAMES),
                        SqlRows.Reader.paired(1, row -> read(row, 2)));
            };
        }
        Map<String, List<Observation>> pageRows = new HashMap<>();
        Batches.chunked(parents, pagesOf).forEach(row -> pageRows.computeIfAbsent(row.getKey(),
                k -> new ArrayList<>()).add(withIndicator(row.getValue())));

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
            List<Observation> page = pageRows.getOrDefault(parent, List.of()).stream().sorted(order.comparator())
                    .toList();
            pages.add(Page.of(page, order::key, request, () -> totals.get().getOrDefault(parent, 0L)));
        }
        return pages;
    }

    /** An observation with the date of its source, which breaks ties between equally recent figures. */
    public record Dated(Observation observation, LocalDate sourceDate) {
    }

    /**
     * The observations of these indicators for these regions whose period overlaps {@code from} to
     * {@code to} (either may be null), in series order: by period end, then start, then ID.
     */
    public List<Dated> of(Collection<String> indicatorCodes, Collection<String> regionCodes, LocalDate from,
            LocalDate to) {
        if (indicatorCodes.isEmpty()) {
            return List.of();
        }
        Jpql query = OBSERVATIONS.where("o.indicatorCode in :indicators", "indicators", List.copyOf(indicatorCodes))
                .where("o.periodEnd >= :from", "from", from)
                .where("o.periodStart <= :to", "to", to);
        return Batches.chunked(regionCodes, chunk -> rows(query.where("o.regionCode in :regions", "regions", chunk),
                SERIES_ORDER, 0)).stream().map(this::dated).sorted(SERIES).toList();
    }

    /**
     * The observations of these indicators for the regions under {@code within} (and itself), or
     * anywhere when it is null, of {@code level} or any level, in series order.
     */
    public List<Dated> within(Collection<String> indicatorCodes, String within, RegionLevel level) {
        return Batches.chunked(indicatorCodes, chunk -> rows(OBSERVATIONS
                .where("o.indicatorCode in :indicators", "indicators", chunk)
                .where("o.regionCode in (select ra.regionCode from RegionAncestorEntity ra where ra.ancestorCode = :within)",
                        "within", within)
                .where("o.regionCode in (select rg.code from RegionEntity rg where rg.level = :level)", "level", level),
                SERIES_ORDER, 0)).stream().map(this::dated).sorted(SERIES).toList();
    }

    private static final String SERIES_ORDER = "o.periodEnd, o.periodStart, o.id";

    /** Series order: by period end, then start, then ID. */
    public static final Comparator<Dated> SERIES = Comparator.comparing((Dated d) -> d.observation().period().end())
            .thenComparing(d -> d.observation().period().start())
            .thenComparing(d -> d.observation().key());

    /**
     * Which of two figures of the same indicator, region and period is preferred (the greater): a full
     * count over a sample estimate over a derived figure over a report ({@link ObservationStatus}'s
     * order); then the later source date (the most recent publication); then the later load (ID), so
     * that the choice never depends on the database.
     */
    public static final Comparator<Dated> PREFERENCE = Comparator
            .comparing((Dated d) -> -d.observation().status().ordinal())
            .thenComparing(Dated::sourceDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(d -> d.observation().key());

    /**
     * Which of two observations is the more recent: the later period end; for equal ends the shorter
     * period (a point in time beats a range ending that day); for the same period the preferred one
     * ({@link #PREFERENCE}).
     */
    public static final Comparator<Dated> RECENCY = Comparator.comparing((Dated d) -> d.observation().period().end())
            .thenComparing(d -> d.observation().period().start())
            .thenComparing(PREFERENCE);

    /**
     * The preferred figure of each indicator, region and period among {@code rows}, in their order: what
     * series and changes show when several sources give the same figure.
     */
    public static List<Dated> preferred(List<Dated> rows) {
        Map<List<Object>, Dated> best = new HashMap<>();
        for (Dated row : rows) {
            best.merge(samePeriod(row.observation()), row, (a, b) -> PREFERENCE.compare(a, b) >= 0 ? a : b);
        }
        return rows.stream().filter(row -> best.get(samePeriod(row.observation())) == row).toList();
    }

    private static List<Object> samePeriod(Observation o) {
        return List.of(o.indicatorCode(), o.regionCode(), o.period().start(), o.period().end());
    }

    /**
     * For each observation, whether it is the preferred figure of its indicator, region and period:
     * one statement (in chunks) for the whole list.
     */
    public List<Boolean> isPreferred(List<Observation> list) {
        Set<String> indicatorCodes = new java.util.HashSet<>();
        Set<String> regionCodes = new java.util.HashSet<>();
        list.forEach(o -> {
            indicatorCodes.add(o.indicatorCode());
            regionCodes.add(o.regionCode());
        });
        Set<Long> preferred = new java.util.HashSet<>();
        preferred(of(indicatorCodes, regionCodes, null, null)).forEach(d -> preferred.add(d.observation().key()));
        return list.stream().map(o -> preferred.contains(o.key())).toList();
    }

    private Dated dated(Observation observation) {
        return new Dated(observation, sources.find(observation.sourceCode()).map(SourceDocument::date).orElse(null));
    }

    /** {@code base} (observations as {@code o}) with the conditions of {@code filter}. */
    /** Refuses a filter no figure can match because it contradicts itself (from after to). */
    public static void check(ObservationFilter filter) {
        if (filter != null && filter.from != null && filter.to != null && filter.from.isAfter(filter.to)) {
            throw new BadUserInputException("filter: from (" + filter.from + ") is after to (" + filter.to + ")");
        }
    }

    /**
     * The codes of the catalogue's indicators of {@code themes} (null for no theme filter; a code no
     * indicator has when none is of them): the list the statement filters on, instead of a subquery of
     * the indicator table per row (W6 on a million figures: 216 against 66 buffers, about 40 % of its
     * time in the database). Like every catalogue read, it may lag another replica's write by up to
     * about a second.
     */
    private static List<String> codesOf(List<Theme> themes, IndicatorService indicators) {
        if (themes == null) {
            return null;
        }
        List<Indicator> catalogue = indicators.all();
        ThemeCodes last = lastThemeCodes;
        if (last != null && last.catalogue() == catalogue && last.themes().equals(themes)) {
            return last.codes();
        }
        List<String> codes = catalogue.stream().filter(i -> themes.contains(i.theme())).map(Indicator::code).toList();
        last = new ThemeCodes(catalogue, List.copyOf(themes), codes.isEmpty() ? List.of("") : codes);
        lastThemeCodes = last;
        return last.codes();
    }

    /**
     * The codes of the last theme filter, with the catalogue's indicator list they were taken from:
     * kept while the catalogue holds that same list (a new snapshot is a new list).
     */
    private record ThemeCodes(List<Indicator> catalogue, List<Theme> themes, List<String> codes) {
    }

    private static volatile ThemeCodes lastThemeCodes;

    Jpql query(Jpql base, ObservationFilter filter) {
        return query(base, filter, indicators);
    }

    static Jpql query(Jpql base, ObservationFilter filter, IndicatorService indicators) {
        if (filter == null) {
            return base;
        }
        check(filter);
        return base
                .where("o.indicatorCode in :indicatorCodes", "indicatorCodes",
                        InputLists.checked("filter.indicatorCodes", filter.indicatorCodes))
                .where("o.regionCode in :regionCodes", "regionCodes",
                        InputLists.checked("filter.regionCodes", filter.regionCodes))
                .where("o.regionCode in (select ra.regionCode from RegionAncestorEntity ra where ra.ancestorCode = :within)",
                        "within", filter.within)
                .where("o.indicatorCode in :themeCodes", "themeCodes",
                        codesOf(InputLists.checked("filter.themes", filter.themes), indicators))
                .where("o.periodEnd >= :from", "from", filter.from)
                .where("o.periodStart <= :to", "to", filter.to)
                .where("o.qualifier in :qualifiers", "qualifiers",
                        InputLists.checked("filter.qualifiers", filter.qualifiers))
                .where("o.sourceCode in :sourceCodes", "sourceCodes",
                        InputLists.checked("filter.sourceCodes", filter.sourceCodes))
                .where("o.value > :gt", "gt", DecimalRange.checked("filter.value", filter.value) == null ? null
                        : filter.value.gt)
                .where("o.value >= :gte", "gte", filter.value == null ? null : filter.value.gte)
                .where("o.value < :lt", "lt", filter.value == null ? null : filter.value.lt)
                .where("o.value <= :lte", "lte", filter.value == null ? null : filter.value.lte);
    }

    /**
     * The tables and columns of the entities and paths this service's statements name, for those it
     * runs as SQL ({@link Jpql#sql}): {@code o} and {@code r} are figures, {@code ra} a region's
     * ancestor, {@code rg} a region, {@code p} a parent (region or indicator), {@code x} a derived table.
     */
    private static final Map<String, String> SQL_NAMES = sqlNames();

    private static Map<String, String> sqlNames() {
        Map<String, String> names = new HashMap<>(Map.of("ObservationEntity", "observation", "RegionEntity", "region",
                "IndicatorEntity", "indicator", "RegionAncestorEntity", "region_ancestor", "ra.regionCode",
                "ra.region_code", "ra.ancestorCode", "ra.ancestor_code", "p.code", "p.code", "x.id", "x.id", "x.parent",
                "x.parent", "x.rn", "x.rn"));
        names.put("rg.code", "rg.code");
        names.put("rg.level", "rg.level");
        Map<String, String> columns = Map.ofEntries(Map.entry("id", "id"), Map.entry("periodStart", "period_start"),
                Map.entry("periodEnd", "period_end"), Map.entry("value", "amount"), Map.entry("qualifier", "qualifier"),
                Map.entry("quote", "quote"), Map.entry("note", "note"), Map.entry("indicatorCode", "indicator_code"),
                Map.entry("regionCode", "region_code"), Map.entry("sourceCode", "source_code"),
                Map.entry("version", "version"), Map.entry("status", "status"),
                Map.entry("precision", "precision_decimals"));
        columns.forEach((field, column) -> {
            names.put("o." + field, "o." + column);
            names.put("r." + field, "r." + column);
        });
        for (int i = 0; i < COLUMNS.split(",").length; i++) {
            names.put("x.c" + i, "x.c" + i);
        }
        return Map.copyOf(names);
    }

    /**
     * The columns of {@link #COLUMNS} from {@code first} on as an observation, its indicator from the
     * catalogue in memory (null when it does not hold it yet: {@link #withIndicator}).
     */
    private Observation read(ResultSet row, int first) throws SQLException {
        String indicatorCode = row.getString(first + 7);
        return new Observation(row.getLong(first), new Period(row.getObject(first + 1, LocalDate.class),
                row.getObject(first + 2, LocalDate.class)), ObservationEntity.normalize(row.getBigDecimal(first + 3)),
                Qualifier.valueOf(row.getString(first + 4)), ObservationStatus.valueOf(row.getString(first + 11)),
                row.getObject(first + 12, Integer.class), row.getString(first + 5), row.getString(first + 6), indicatorCode,
                row.getString(first + 8), row.getString(first + 9), indicators.inCatalogue(indicatorCode),
                row.getInt(first + 10));
    }
}
