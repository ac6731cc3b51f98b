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
        Map<String, List<Observation>> byRegion = group(
                observations.of(List.of(indicatorCode), codes(list, Region::code), null, null),
                o -> o.observation().regionCode());
        return Batches.inOrder(codes(list, Region::code), byRegion, List.of());
    }

    /** Each indicator's observations for one region, in series order. */
    public List<List<Observation>> indicatorSeries(List<Indicator> list, String regionCode) {
        region(regionCode);
        Map<String, List<Observation>> byIndicator = group(
                observations.of(codes(list, Indicator::code), List.of(regionCode), null, null),
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
        List<Dated> window = observations.of(List.of(indicatorCode), List.of(regionCode), null, null).stream()
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
     * Each region's roll-up of an additive indicator over its direct children: the latest
     * observation of each child whose period overlaps {@code from} to {@code to}.
     */
    public List<Rollup> rollups(List<Region> list, String indicatorCode, LocalDate from, LocalDate to) {
        checkWindow(from, to);
        Indicator indicator = indicator(indicatorCode);
        if (!indicator.additive()) {
            throw new BadUserInputException("rollup: indicator \"" + indicatorCode + "\" (" + indicator.name()
                    + ") is not additive: its values do not add up over regions (a rate, a share or a count of kinds)");
        }
        List<List<Region>> children = regions.children(list);
        Set<String> codes = new LinkedHashSet<>(codes(list, Region::code));
        children.forEach(c -> codes.addAll(codes(c, Region::code)));
        Map<String, Observation> latest = latest(observations.of(List.of(indicatorCode), codes, from, to),
                d -> d.observation().regionCode());
        List<Rollup> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            List<Observation> parts = new ArrayList<>();
            List<Region> missing = new ArrayList<>();
            for (Region child : children.get(i)) {
                Observation part = latest.get(child.code());
                if (part == null) {
                    missing.add(child);
                } else {
                    parts.add(part);
                }
            }
            BigDecimal sum = parts.isEmpty() ? null
                    : ObservationEntity
                            .normalize(parts.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add));
            Qualifier qualifier = QualifierArithmetic.sum(parts.stream().map(Observation::qualifier).toList(),
                    !missing.isEmpty());
            Observation published = latest.get(list.get(i).code());
            BigDecimal discrepancy = published == null || sum == null ? null
                    : ObservationEntity.normalize(published.value().subtract(sum));
            result.add(new Rollup(sum, qualifier, parts.size(), children.get(i).size(), missing, parts, published,
                    discrepancy, indicator));
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
