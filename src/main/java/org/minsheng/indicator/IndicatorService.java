package org.minsheng.indicator;

import java.util.ArrayList;
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
import org.minsheng.persistence.Keyset;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.persistence.Snapshot;
import org.minsheng.persistence.SqlRows;
import org.minsheng.vocabulary.Theme;

/**
 * Reads indicators from the {@link Catalogue} (no statement), and which indicators have figures for a
 * region from the database.
 */
@ApplicationScoped
@Budgeted
public class IndicatorService implements NodeLoader, Catalogue.Part {

    private final Snapshot<IndicatorCatalogue> catalogue = Snapshot.of("indicators", IndicatorCatalogue::read);

    @Override
    public Snapshot<?> snapshot() {
        return catalogue;
    }

    /** Every one, in code order. */
    public List<Indicator> all() {
        return catalogue.get().inCodeOrder();
    }

    @Override
    public String type() {
        return Indicator.TYPE;
    }

    @Override
    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(catalogue.get().byCode().get(code));
    }

    public Page<Indicator> list(Theme theme, String search, IndicatorOrder order, PageRequest request) {
        Stream<Indicator> rows = catalogue.get().inCodeOrder().stream();
        if (theme != null) {
            rows = rows.filter(indicator -> indicator.theme() == theme);
        }
        if (search != null && !search.isBlank()) {
            String text = search.strip().toLowerCase(Locale.ROOT);
            rows = rows.filter(indicator -> indicator.name().contains(text) || indicator.code().contains(text)
                    || (indicator.nameEn() != null && indicator.nameEn().toLowerCase(Locale.ROOT).contains(text)));
        }
        return IndicatorOrder.keyset(order).page(rows.toList(), request);
    }

    /**
     * For each region, the indicators with data for it, or with {@code withinSubtree} for it or any
     * region below it: one page each, from one statement for the whole list.
     */
    @ReadOnly
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
            pages.add(keyset.page(forRegion.stream().map(found::get).toList(), request));
        }
        return pages;
    }

    /** The indicator with this code in the catalogue in memory, or null: no statement runs. */
    public Indicator inCatalogue(String code) {
        return catalogue.get().byCode().get(code);
    }

    /**
     * The indicator a figure names: from the catalogue, or read from the database on a replica whose
     * catalogue is a moment behind it (an indicator another replica created, and a figure of it, in
     * the second before the notification is acted on). Not while a result set is being read: the
     * statement closes it ({@link #inCatalogue} there, and this once the rows are read).
     */
    public Indicator referenced(String code) {
        Indicator indicator = inCatalogue(code);
        if (indicator != null) {
            return indicator;
        }
        IndicatorEntity entity = Queries.em().find(IndicatorEntity.class, code);
        return entity == null ? null : entity.toGraph();
    }

    /** Indicators by code; unknown codes left out. */
    public Map<String, Indicator> byCodes(List<String> codes) {
        return Batches.found(catalogue.get().byCode(), codes);
    }

    /** The indicators for each code, in input order; null where a code is null or unknown. */
    public List<Indicator> inOrder(List<String> codes) {
        return Batches.inOrder(codes, catalogue.get().byCode(), null);
    }

    /** Every indicator, by code and in code order, as one immutable value. */
    record IndicatorCatalogue(Map<String, Indicator> byCode, List<Indicator> inCodeOrder) {

        static IndicatorCatalogue read() {
            List<Indicator> all = SqlRows.list("select " + IndicatorEntity.COLUMNS + " from indicator order by code",
                    row -> IndicatorEntity.read(row).toGraph());
            Map<String, Indicator> byCode = new LinkedHashMap<>();
            all.forEach(indicator -> byCode.put(indicator.code(), indicator));
            return new IndicatorCatalogue(Map.copyOf(byCode), all);
        }
    }
}
