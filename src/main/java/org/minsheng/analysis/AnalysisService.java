package org.minsheng.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorService;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationService;
import org.minsheng.observation.ObservationService.Dated;
import org.minsheng.observation.Period;
import org.minsheng.observation.Qualifier;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.region.Region;
import org.minsheng.region.RegionLevel;
import org.minsheng.region.RegionService;

/**
 * The questions users ask of the figures: series, latest values, changes, roll-ups over the
 * region tree and coverage. Every method that takes a list of parents answers all of them with a
 * fixed number of statements.
 */
@ApplicationScoped
@ReadOnly
public class AnalysisService {

    @Inject
    ObservationService observations;

    @Inject
    IndicatorService indicators;

    @Inject
    RegionService regions;

    /** Each region's observations of one indicator, in series order. */
    public List<List<Observation>> regionSeries(List<Region> list, String indicatorCode) {
        indicator(indicatorCode);
        Map<String, List<Observation>> byRegion = group(ObservationService.preferred(
                observations.of(List.of(indicatorCode), codes(list, Region::code), null, null)),
                o -> o.observation().regionCode());
        return Batches.inOrder(codes(list, Region::code), byRegion, List.of());
    }

    /** Each indicator's observations for one region, in series order. */
    public List<List<Observation>> indicatorSeries(List<Indicator> list, String regionCode) {
        region(regionCode);
        Map<String, List<Observation>> byIndicator = group(ObservationService.preferred(
                observations.of(codes(list, Indicator::code), List.of(regionCode), null, null)),
                o -> o.observation().indicatorCode());
        return Batches.inOrder(codes(list, Indicator::code), byIndicator, List.of());
    }

    /** Each region's most recent observation of one indicator, or null. */
    public List<Observation> regionLatest(List<Region> list, String indicatorCode) {
        indicator(indicatorCode);
        Map<String, Observation> latest = latest(observations.of(List.of(indicatorCode), codes(list, Region::code),
                null, null), o -> o.observation().regionCode());
        return Batches.inOrder(codes(list, Region::code), latest, null);
    }

    /** Each indicator's most recent observation for one region, or null. */
    public List<Observation> indicatorLatest(List<Indicator> list, String regionCode) {
        region(regionCode);
        Map<String, Observation> latest = latest(observations.of(codes(list, Indicator::code), List.of(regionCode),
                null, null), o -> o.observation().indicatorCode());
        return Batches.inOrder(codes(list, Indicator::code), latest, null);
    }

    /** For each indicator, the most recent observation of every region that has one, in region code order. */
    public List<List<Observation>> latestByRegion(List<Indicator> list, String within, RegionLevel level) {
        if (within != null) {
            region(within);
        }
        Map<String, List<Dated>> byIndicator = observations.within(codes(list, Indicator::code), within, level).stream()
                .collect(Collectors.groupingBy(d -> d.observation().indicatorCode()));
        List<List<Observation>> result = new ArrayList<>(list.size());
        for (Indicator indicator : list) {
            Map<String, Observation> latest = latest(byIndicator.getOrDefault(indicator.code(), List.of()),
                    d -> d.observation().regionCode());
            result.add(latest.values().stream().sorted(Comparator.comparing(Observation::regionCode)).toList());
        }
        return result;
    }

    /**
     * The change of an indicator in a region between the earliest observation whose period ends on
     * or after {@code from} and the latest whose period ends on or before {@code to}; null when fewer
     * than two observations are in that window.
     */
    public Change change(String indicatorCode, String regionCode, LocalDate from, LocalDate to) {
        checkWindow(from, to);
        Indicator indicator = indicator(indicatorCode);
        region(regionCode);
        List<Dated> window = ObservationService.preferred(
                observations.of(List.of(indicatorCode), List.of(regionCode), null, null)).stream()
                .filter(d -> from == null || !d.observation().period().end().isBefore(from))
                .filter(d -> to == null || !d.observation().period().end().isAfter(to))
                .toList();
        if (window.size() < 2) {
            return null;
        }
        Observation first = window.get(0).observation();
        Observation last = window.stream().max(ObservationService.RECENCY).orElseThrow().observation();
        if (first.key().equals(last.key())) {
            return null;
        }
        BigDecimal difference = last.value().subtract(first.value());
        UnitOfMeasure unit = indicator.unitOfMeasure().isPercent() ? UnitOfMeasure.PERCENTAGE_POINT
                : indicator.unitOfMeasure();
        boolean points = unit == UnitOfMeasure.PERCENTAGE_POINT;
        BigDecimal relative = points || first.value().signum() == 0 ? null
                : ObservationEntity.normalize(difference.divide(first.value(), 4, RoundingMode.HALF_EVEN));
        return new Change(first, last, ObservationEntity.normalize(difference), relative, unit.toGraph(),
                QualifierArithmetic.difference(last.qualifier(), first.qualifier()), unit, indicator);
    }

    /**
     * Each region's roll-up of an additive indicator over its direct children: the preferred latest
     * observation of each child whose period overlaps {@code from} to {@code to}; a child without one
     * but with figures below it counts through its own children, recursively. One statement (in
     * chunks of codes) for the whole list.
     */
    public List<Rollup> rollups(List<Region> list, String indicatorCode, LocalDate from, LocalDate to) {
        checkWindow(from, to);
        Indicator indicator = indicator(indicatorCode);
        if (!indicator.additive()) {
            throw new BadUserInputException("rollup: indicator \"" + indicatorCode + "\" (" + indicator.name()
                    + ") is not additive: its values do not add up over regions (a rate, a share or a count of kinds)");
        }
        Set<String> codes = new LinkedHashSet<>();
        list.forEach(region -> subtree(region, codes));
        Map<String, Observation> latest = latest(observations.of(List.of(indicatorCode), codes, from, to),
                d -> d.observation().regionCode());
        // The regions with a figure at or below them: a child without its own is summed through its children.
        Set<String> withData = new java.util.HashSet<>();
        latest.keySet().forEach(code -> {
            withData.add(code);
            regions.ancestors(code).forEach(a -> withData.add(a.code()));
        });
        List<Rollup> result = new ArrayList<>(list.size());
        for (Region region : list) {
            List<Observation> parts = new ArrayList<>();
            List<Region> missing = new ArrayList<>();
            frontier(region, latest, withData, parts, missing);
            parts.sort(Comparator.comparing(Observation::regionCode));
            missing.sort(Comparator.comparing(Region::code));
            BigDecimal sum = parts.isEmpty() ? null
                    : ObservationEntity
                            .normalize(parts.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add));
            Qualifier qualifier = QualifierArithmetic.sum(parts.stream().map(Observation::qualifier).toList(),
                    !missing.isEmpty());
            Observation published = latest.get(region.code());
            BigDecimal discrepancy = published == null || sum == null ? null
                    : ObservationEntity.normalize(published.value().subtract(sum));
            result.add(new Rollup(sum, qualifier, parts.size(), parts.size() + missing.size(), missing, parts, published,
                    discrepancy, indicator));
        }
        return result;
    }

    /** {@code region} and every region below it, from the catalogue. */
    private void subtree(Region region, Set<String> codes) {
        if (codes.add(region.code())) {
            regions.children(region).forEach(child -> subtree(child, codes));
        }
    }

    /** The regions a roll-up of {@code region} sums: each child with a figure, else its own children's. */
    private void frontier(Region region, Map<String, Observation> latest, Set<String> withData, List<Observation> parts,
            List<Region> missing) {
        for (Region child : regions.children(region)) {
            Observation part = latest.get(child.code());
            if (part != null) {
                parts.add(part);
            } else if (withData.contains(child.code())) {
                frontier(child, latest, withData, parts, missing);
            } else {
                missing.add(child);
            }
        }
    }

    /** The indicator per-capita values divide by. */
    public static final String POPULATION = "population.resident";

    /**
     * Each figure divided by its region's resident population (the preferred latest figure of
     * {@link #POPULATION}) and multiplied by {@code per}; null for a figure of a non-additive indicator
     * (a rate or a share per person means nothing) or of a region without a population figure.
     */
    public List<PerCapita> perCapita(List<Observation> list, int per) {
        if (per < 1 || per > 1_000_000) {
            throw new BadUserInputException("per: from 1 to 1000000, not " + per);
        }
        Set<String> regionCodes = new LinkedHashSet<>(codes(list, Observation::regionCode));
        Map<String, Observation> population = latest(observations.of(List.of(POPULATION), regionCodes, null, null),
                d -> d.observation().regionCode());
        List<PerCapita> result = new ArrayList<>(list.size());
        for (Observation figure : list) {
            Observation people = population.get(figure.regionCode());
            if (people == null || people.value().signum() == 0 || !figure.indicator().additive()
                    || figure.indicatorCode().equals(POPULATION)) {
                result.add(null);
                continue;
            }
            BigDecimal value = figure.value().multiply(BigDecimal.valueOf(per)).divide(people.value(), 6,
                    RoundingMode.HALF_EVEN);
            result.add(new PerCapita(ObservationEntity.normalize(value), per, people));
        }
        return result;
    }

    /**
     * For each indicator, the preferred latest figure of every region of {@code level} under
     * {@code within}, highest value first (lowest with {@code descending} false), equal values sharing
     * a place; then by region code.
     */
    public List<List<Ranked>> rankings(List<Indicator> list, String within, RegionLevel level, boolean descending) {
        List<List<Observation>> latest = latestByRegion(list, within, level);
        Comparator<Observation> byValue = Comparator.comparing(Observation::value);
        Comparator<Observation> order = (descending ? byValue.reversed() : byValue)
                .thenComparing(Observation::regionCode);
        List<List<Ranked>> result = new ArrayList<>(list.size());
        for (List<Observation> figures : latest) {
            List<Observation> sorted = figures.stream().sorted(order).toList();
            List<Ranked> ranked = new ArrayList<>(sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                boolean tie = i > 0 && sorted.get(i).value().compareTo(sorted.get(i - 1).value()) == 0;
                ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
            }
            result.add(ranked);
        }
        return result;
    }

    /** Each indicator's coverage: two grouped statements for the whole list. */
    public List<Coverage> coverage(List<Indicator> list) {
        List<String> codes = codes(list, Indicator::code);
        Map<String, long[]> counts = new HashMap<>();
        Batches.chunked(codes, chunk -> Queries.em().createQuery("select o.indicatorCode, count(o.id),"
                + " count(distinct o.regionCode) from ObservationEntity o where o.indicatorCode in :codes"
                + " group by o.indicatorCode", Object[].class).setParameter("codes", chunk).getResultList())
                .forEach(row -> counts.put((String) row[0],
                        new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue() }));
        Map<String, Set<RegionLevel>> levels = new HashMap<>();
        Map<String, List<Period>> periods = new HashMap<>();
        Batches.chunked(codes, chunk -> Queries.em().createQuery("select distinct o.indicatorCode, r.level,"
                + " o.periodStart, o.periodEnd from ObservationEntity o, RegionEntity r where r.code = o.regionCode"
                + " and o.indicatorCode in :codes", Object[].class).setParameter("codes", chunk).getResultList())
                .forEach(row -> {
                    String code = (String) row[0];
                    levels.computeIfAbsent(code, k -> EnumSet.noneOf(RegionLevel.class)).add((RegionLevel) row[1]);
                    periods.computeIfAbsent(code, k -> new ArrayList<>())
                            .add(new Period((LocalDate) row[2], (LocalDate) row[3]));
                });
        Comparator<Period> byEnd = Comparator.comparing(Period::end).thenComparing(Period::start);
        List<Coverage> result = new ArrayList<>(list.size());
        for (String code : codes) {
            long[] count = counts.getOrDefault(code, new long[] { 0, 0 });
            List<Period> known = periods.getOrDefault(code, List.of());
            result.add(new Coverage(Math.toIntExact(count[1]),
                    List.copyOf(levels.getOrDefault(code, EnumSet.noneOf(RegionLevel.class))),
                    known.stream().min(byEnd).orElse(null), known.stream().max(byEnd).orElse(null),
                    Math.toIntExact(count[0])));
        }
        return result;
    }

    private Indicator indicator(String code) {
        return indicators.find(code).orElseThrow(
                () -> new BadUserInputException("indicatorCode: there is no indicator \"" + code + "\""));
    }

    private Region region(String code) {
        return regions.find(code).orElseThrow(
                () -> new BadUserInputException("there is no region with the code \"" + code + "\""));
    }

    private static void checkWindow(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadUserInputException("from (" + from + ") is after to (" + to + ")");
        }
    }

    private static Map<String, List<Observation>> group(List<Dated> rows, Function<Dated, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.mapping(Dated::observation,
                Collectors.toList())));
    }

    /** The most recent observation for each key ({@link ObservationService#RECENCY}). */
    private static Map<String, Observation> latest(List<Dated> rows, Function<Dated, String> key) {
        Map<String, Dated> latest = new HashMap<>();
        for (Dated row : rows) {
            latest.merge(key.apply(row), row, (a, b) -> ObservationService.RECENCY.compare(a, b) >= 0 ? a : b);
        }
        Map<String, Observation> result = new HashMap<>();
        latest.forEach((k, v) -> result.put(k, v.observation()));
        return result;
    }

    private static <T> List<String> codes(List<T> list, Function<T, String> code) {
        return list.stream().map(code).toList();
    }

}
