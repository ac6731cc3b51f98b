package org.minsheng.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.persistence.Queries;
import org.minsheng.program.ProgramEntity;
import org.minsheng.program.ProgramIndicatorEntity;
import org.minsheng.program.ProgramRegionEntity;
import org.minsheng.region.RegionAncestorEntity;
import org.minsheng.region.RegionEntity;
import org.minsheng.seed.SeedBundle.NaturalKey;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.source.SourceEntity;

/**
 * Writes a validated bundle in one transaction, so that it lands whole or not at all. Rows are
 * matched on their natural keys: what is equal is left alone, what differs is updated, what the
 * bundle no longer has is deleted. Importing the same bundle twice therefore changes nothing.
 */
@ApplicationScoped
public class SeedWriter {

    @Transactional
    public ImportResult write(SeedBundle bundle, boolean force) {
        EntityManager em = Queries.em();
        em.find(SeedLockEntity.class, SeedLockEntity.ROW, LockModeType.PESSIMISTIC_WRITE);
        SeedImportEntity latest = SeedImportEntity.latest();
        if (!force && latest != null && latest.checksum.equals(bundle.checksum())) {
            return new ImportResult(false, latest.location, latest.checksum, latest.importedAt, counts(latest), null);
        }
        Sync sync = new Sync(em);
        List<SourceEntity> oldSources = sync.upsert(all(SourceEntity.class), bundle.sources(), s -> s.code,
                SeedBundle.SourceDef::code, SourceEntity::new, SeedWriter::apply, SeedWriter::state);
        List<RegionEntity> oldRegions = sync.upsert(all(RegionEntity.class), parentsFirst(bundle.regions()),
                r -> r.code, RegionRow::code, RegionEntity::new, SeedWriter::apply, SeedWriter::state);
        List<RegionAncestorEntity> oldAncestors = sync.upsert(all(RegionAncestorEntity.class), closure(bundle.regions()),
                a -> List.of(a.regionCode, a.ancestorCode), a -> List.of(a.regionCode, a.ancestorCode),
                RegionAncestorEntity::new, (e, a) -> {
                    e.regionCode = a.regionCode;
                    e.ancestorCode = a.ancestorCode;
                    e.distance = a.distance;
                }, a -> List.of(a.distance));
        List<IndicatorEntity> oldIndicators = sync.upsert(all(IndicatorEntity.class), bundle.indicators(), i -> i.code,
                SeedBundle.IndicatorDef::code, IndicatorEntity::new, SeedWriter::apply, SeedWriter::state);
        List<ProgramEntity> oldPrograms = sync.upsert(all(ProgramEntity.class), bundle.programs(), p -> p.code,
                SeedBundle.ProgramDef::code, ProgramEntity::new, SeedWriter::apply, SeedWriter::state);
        List<ProgramRegionEntity> oldProgramRegions = sync.upsert(all(ProgramRegionEntity.class),
                bundle.programs().stream().flatMap(p -> p.regions().stream().map(r -> new ProgramRegionEntity(p.code(), r)))
                        .toList(),
                l -> List.of(l.programCode, l.regionCode), l -> List.of(l.programCode, l.regionCode),
                ProgramRegionEntity::new, (e, l) -> {
                    e.programCode = l.programCode;
                    e.regionCode = l.regionCode;
                }, l -> List.of());
        List<ProgramIndicatorEntity> oldProgramIndicators = sync.upsert(all(ProgramIndicatorEntity.class),
                bundle.programs().stream().flatMap(p -> listOrEmpty(p.indicators()).stream()
                        .map(i -> new ProgramIndicatorEntity(p.code(), i))).toList(),
                l -> List.of(l.programCode, l.indicatorCode), l -> List.of(l.programCode, l.indicatorCode),
                ProgramIndicatorEntity::new, (e, l) -> {
                    e.programCode = l.programCode;
                    e.indicatorCode = l.indicatorCode;
                }, l -> List.of());
        List<ObservationEntity> oldObservations = sync.upsert(all(ObservationEntity.class), bundle.observations(),
                o -> new NaturalKey(o.indicatorCode, o.regionCode, o.periodStart, o.periodEnd, o.sourceCode),
                SeedBundle.ObservationRow::key, ObservationEntity::new, SeedWriter::apply, SeedWriter::state);

        // Dependents first, so that no foreign key points at a deleted row.
        sync.delete(oldObservations);
        sync.delete(oldProgramIndicators);
        sync.delete(oldProgramRegions);
        sync.delete(oldPrograms);
        sync.delete(oldIndicators);
        sync.delete(oldAncestors);
        oldRegions.sort(Comparator.comparing((RegionEntity r) -> r.level).reversed());
        sync.delete(oldRegions);
        sync.delete(oldSources);
        em.flush();

        SeedImportEntity record = new SeedImportEntity();
        record.checksum = bundle.checksum();
        record.location = bundle.location();
        record.importedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        record.regions = bundle.regions().size();
        record.sources = bundle.sources().size();
        record.indicators = bundle.indicators().size();
        record.programs = bundle.programs().size();
        record.observations = bundle.observations().size();
        record.persist();
        return new ImportResult(true, record.location, record.checksum, record.importedAt, counts(record),
                sync.changes());
    }

    private static ImportResult.Counts counts(SeedImportEntity record) {
        return new ImportResult.Counts(record.regions, record.sources, record.indicators, record.programs,
                record.observations);
    }

    private static <E> List<E> all(Class<E> type) {
        return Queries.em().createQuery("from " + type.getSimpleName(), type).getResultList();
    }

    private static List<RegionRow> parentsFirst(List<RegionRow> regions) {
        return regions.stream().sorted(Comparator.comparing(RegionRow::level).thenComparing(RegionRow::code)).toList();
    }

    /** One row per region and each of its ancestors, itself included at distance 0. */
    private static List<RegionAncestorEntity> closure(List<RegionRow> regions) {
        Map<String, String> parents = new HashMap<>();
        regions.forEach(r -> parents.put(r.code(), r.parentCode()));
        List<RegionAncestorEntity> rows = new ArrayList<>();
        for (RegionRow region : regions) {
            short distance = 0;
            for (String ancestor = region.code(); ancestor != null; ancestor = parents.get(ancestor)) {
                RegionAncestorEntity row = new RegionAncestorEntity();
                row.regionCode = region.code();
                row.ancestorCode = ancestor;
                row.distance = distance++;
                rows.add(row);
            }
        }
        return rows;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---- field mapping: one apply and one state per table ---------------------------------------

    private static void apply(SourceEntity e, SeedBundle.SourceDef d) {
        e.code = d.code();
        e.title = d.title();
        e.titleEn = d.titleEn();
        e.publisher = d.publisher();
        e.author = d.author();
        e.date = d.date();
        e.datePrecision = d.datePrecision();
        e.locator = d.locator();
        e.note = d.note();
    }

    private static List<Object> state(SourceEntity e) {
        return fields(e.title, e.titleEn, e.publisher, e.author, e.date, e.datePrecision, e.locator, e.note);
    }

    private static void apply(RegionEntity e, RegionRow d) {
        e.code = d.code();
        e.name = d.name();
        e.nameEn = d.nameEn();
        e.level = d.level();
        e.parentCode = d.parentCode();
        e.statisticalOnly = d.statisticalOnly();
    }

    private static List<Object> state(RegionEntity e) {
        return fields(e.name, e.nameEn, e.level, e.parentCode, e.statisticalOnly);
    }

    private static void apply(IndicatorEntity e, SeedBundle.IndicatorDef d) {
        e.code = d.code();
        e.name = d.name();
        e.nameEn = d.nameEn();
        e.description = d.description();
        e.descriptionEn = d.descriptionEn();
        e.theme = d.theme();
        e.unit = d.unit();
        e.counterZh = d.counterZh();
        e.counterEn = d.counterEn();
        e.additive = d.additive();
    }

    private static List<Object> state(IndicatorEntity e) {
        return fields(e.name, e.nameEn, e.description, e.descriptionEn, e.theme, e.unit, e.counterZh, e.counterEn,
                e.additive);
    }

    private static void apply(ProgramEntity e, SeedBundle.ProgramDef d) {
        e.code = d.code();
        e.name = d.name();
        e.nameEn = d.nameEn();
        e.description = d.description();
        e.descriptionEn = d.descriptionEn();
        e.theme = d.theme();
        e.kind = d.kind();
        e.agency = d.agency();
        e.agencyEn = d.agencyEn();
        PeriodNotation.PartialDate started = d.startedOn() == null ? null : PeriodNotation.partial(d.startedOn());
        PeriodNotation.PartialDate ended = d.endedOn() == null ? null : PeriodNotation.partial(d.endedOn());
        e.startedOn = started == null ? null : started.span().start();
        e.startPrecision = started == null ? null : started.precision();
        e.endedOn = ended == null ? null : ended.span().end();
        e.endPrecision = ended == null ? null : ended.precision();
        e.sourceCode = d.source();
    }

    private static List<Object> state(ProgramEntity e) {
        return fields(e.name, e.nameEn, e.description, e.descriptionEn, e.theme, e.kind, e.agency, e.agencyEn,
                e.startedOn, e.startPrecision, e.endedOn, e.endPrecision, e.sourceCode);
    }

    private static void apply(ObservationEntity e, SeedBundle.ObservationRow d) {
        e.indicatorCode = d.indicator();
        e.regionCode = d.region();
        e.periodStart = d.periodStart();
        e.periodEnd = d.periodEnd();
        if (e.value == null || e.value.compareTo(d.value()) != 0) {
            e.value = d.value();
        }
        e.qualifier = d.qualifier();
        e.sourceCode = d.source();
        e.quote = d.quote();
        e.note = d.note();
    }

    private static List<Object> state(ObservationEntity e) {
        return fields(e.value == null ? null : e.value.stripTrailingZeros(), e.qualifier, e.quote, e.note);
    }

    private static List<Object> fields(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** Upserts and deletes with counts of what changed. */
    private static final class Sync {

        private final EntityManager em;
        private int inserted;
        private int updated;
        private int deleted;
        private int unchanged;

        Sync(EntityManager em) {
            this.em = em;
        }

        /**
         * Makes the table hold {@code wanted}; returns the existing rows the bundle no longer has,
         * for {@link #delete} once nothing refers to them.
         */
        <E, D, K> List<E> upsert(List<E> existing, Collection<D> wanted, Function<E, K> entityKey,
                Function<D, K> definitionKey, Supplier<E> create, BiConsumer<E, D> apply, Function<E, List<Object>> state) {
            Map<K, E> byKey = new LinkedHashMap<>();
            existing.forEach(e -> byKey.put(entityKey.apply(e), e));
            for (D definition : wanted) {
                E entity = byKey.remove(definitionKey.apply(definition));
                if (entity == null) {
                    entity = create.get();
                    apply.accept(entity, definition);
                    em.persist(entity);
                    inserted++;
                    continue;
                }
                List<Object> before = state.apply(entity);
                apply.accept(entity, definition);
                if (Objects.equals(before, state.apply(entity))) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
            return new ArrayList<>(byKey.values());
        }

        <E> void delete(List<E> rows) {
            rows.forEach(em::remove);
            deleted += rows.size();
        }

        ImportResult.Changes changes() {
            return new ImportResult.Changes(inserted, updated, deleted, unchanged);
        }
    }
}
