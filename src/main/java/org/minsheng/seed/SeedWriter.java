package org.minsheng.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationWriter;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Queries;
import org.minsheng.program.Program;
import org.minsheng.program.ProgramEntity;
import org.minsheng.program.ProgramIndicatorEntity;
import org.minsheng.program.ProgramRegionEntity;
import org.minsheng.region.Region;
import org.minsheng.region.RegionAncestorEntity;
import org.minsheng.region.RegionEntity;
import org.minsheng.revision.CodedWriter;
import org.minsheng.revision.RevisionAction;
import org.minsheng.revision.RevisionService;
import org.minsheng.seed.SeedBundle.NaturalKey;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceEntity;

/**
 * Writes a validated bundle in one transaction, so that it lands whole or not at all. Rows are
 * matched on their natural keys: what is equal is left alone, what differs is updated, what the
 * bundle no longer has is deleted. Importing the same bundle twice therefore changes nothing. Each
 * row type of {@link SeedBundle} maps itself onto its table; Hibernate finds what changed. Figures
 * written through the API (those with revisions) are left as their editors left them.
 */
@ApplicationScoped
public class SeedWriter {

    @Inject
    RevisionService revisions;

    /** The writers of the types keyed by code: how their states read, for an import's revisions. */
    @Inject
    Instance<CodedWriter<?, ?>> codedWriters;

    private static final Logger LOG = Logger.getLogger(SeedWriter.class);

    /** Who imports a bundle over the API, and why: their import is recorded as revisions. */
    public record Importer(String actor, String reason) {
    }

    @Transactional
    public ImportResult write(SeedBundle bundle, boolean force) {
        return write(bundle, force, null);
    }

    /**
     * Writes {@code bundle}. A seed import (no {@code importer}: at start, by the seed Job) leaves
     * figures written through the API alone. An import over the API ({@code importer}) is an
     * editorial act: it applies every row, and records a revision for every figure it creates,
     * changes or deletes, naming the import.
     */
    @Transactional
    public ImportResult write(SeedBundle bundle, boolean force, Importer importer) {
        EntityManager em = Queries.em();
        em.find(SeedLockEntity.class, SeedLockEntity.ROW, LockModeType.PESSIMISTIC_WRITE);
        SeedImportEntity latest = SeedImportEntity.latest();
        fillDerivedColumns(em);
        fillSourceTexts(em, bundle);
        if (!force && latest != null && latest.checksum.equals(bundle.checksum())) {
            return new ImportResult(false, latest.location, latest.checksum, latest.importedAt, counts(latest), null,
                    null);
        }
        // What was written through the API belongs to its editors: a seed import neither overwrites
        // nor deletes it, nor brings back a figure an editor deleted.
        Edited edited = importer == null ? Edited.read(em, revisions) : Edited.NONE;
        Map<String, Map<String, CodedWriter.State>> before = importer == null ? Map.of() : codedStates();
        Sync sync = new Sync(em);
        List<SourceEntity> oldSources = sync.upsert(SourceEntity.class, bundle.sources(), s -> s.code,
                SeedBundle.SourceDef::code, SourceEntity::new, edited.unlessWritten(em, SourceDocument.TYPE,
                        SeedBundle.SourceDef::code, (def, e) -> {
                            def.applyTo(e);
                            e.fullText = bundle.sourceTexts().get(def.code());
                        }));
        List<RegionEntity> oldRegions = sync.upsert(RegionEntity.class, parentsFirst(bundle.regions()), r -> r.code,
                RegionRow::code, RegionEntity::new, edited.unlessWritten(em, Region.TYPE, RegionRow::code,
                        RegionRow::applyTo));
        List<RegionAncestorEntity> oldAncestors = sync.upsert(RegionAncestorEntity.class, closure(bundle.regions()),
                a -> List.of(a.regionCode, a.ancestorCode), a -> List.of(a.regionCode, a.ancestorCode),
                RegionAncestorEntity::new, (a, e) -> {
                    e.regionCode = a.regionCode;
                    e.ancestorCode = a.ancestorCode;
                    e.distance = a.distance;
                });
        List<IndicatorEntity> oldIndicators = sync.upsert(IndicatorEntity.class, bundle.indicators(), i -> i.code,
                SeedBundle.IndicatorDef::code, IndicatorEntity::new, edited.unlessWritten(em, Indicator.TYPE,
                        SeedBundle.IndicatorDef::code, SeedBundle.IndicatorDef::applyTo));
        List<ProgramEntity> oldPrograms = sync.upsert(ProgramEntity.class, bundle.programs(), p -> p.code,
                SeedBundle.ProgramDef::code, ProgramEntity::new, edited.unlessWritten(em, Program.TYPE,
                        SeedBundle.ProgramDef::code, SeedBundle.ProgramDef::applyTo));
        List<ProgramRegionEntity> oldProgramRegions = sync.upsert(ProgramRegionEntity.class,
                bundle.programs().stream().flatMap(p -> p.regions().stream().map(r -> List.of(p.code(), r))).toList(),
                l -> List.of(l.programCode, l.regionCode), l -> l, ProgramRegionEntity::new, (l, e) -> {
                    e.programCode = l.get(0);
                    e.regionCode = l.get(1);
                });
        List<ProgramIndicatorEntity> oldProgramIndicators = sync.upsert(ProgramIndicatorEntity.class,
                bundle.programs().stream().flatMap(p -> listOrEmpty(p.indicators()).stream().map(i -> List.of(p.code(), i)))
                        .toList(),
                l -> List.of(l.programCode, l.indicatorCode), l -> l, ProgramIndicatorEntity::new, (l, e) -> {
                    e.programCode = l.get(0);
                    e.indicatorCode = l.get(1);
                });
        List<Written> written = new ArrayList<>();
        List<ObservationEntity> oldObservations = sync.upsert(ObservationEntity.class,
                bundle.observations().stream().filter(row -> !edited.deleted().contains(row.key())).toList(),
                o -> new NaturalKey(o.indicatorCode, o.regionCode, o.periodStart, o.periodEnd, o.sourceCode),
                SeedBundle.ObservationRow::key, ObservationEntity::new, (row, e) -> {
                    if (e.id == null || !edited.written().contains(e.id)) {
                        written.add(new Written(e, e.id == null ? null : ObservationWriter.State.of(e)));
                        row.applyTo(e);
                    }
                });
        oldObservations.removeIf(e -> edited.written().contains(e.id));
        oldSources.removeIf(e -> edited.has(SourceDocument.TYPE, e.code));
        oldRegions.removeIf(e -> edited.has(Region.TYPE, e.code));
        oldIndicators.removeIf(e -> edited.has(Indicator.TYPE, e.code));
        oldPrograms.removeIf(e -> edited.has(Program.TYPE, e.code));
        if (importer != null) {
            String reason = importReason(importer, bundle);
            for (Written w : written) {
                ObservationWriter.State after = ObservationWriter.State.of(w.entity());
                if (w.before() == null) {
                    revisions.record(Observation.TYPE, w.entity().id.toString(), RevisionAction.CREATE, null, after,
                            importer.actor(), reason, null);
                } else if (!w.before().equals(after)) {
                    revisions.record(Observation.TYPE, w.entity().id.toString(), RevisionAction.UPDATE, w.before(),
                            after, importer.actor(), reason, null);
                }
            }
            for (ObservationEntity gone : oldObservations) {
                revisions.record(Observation.TYPE, gone.id.toString(), RevisionAction.DELETE,
                        ObservationWriter.State.of(gone), null, importer.actor(), reason, null);
            }
        }

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
        if (importer != null) {
            recordCodedChanges(before, codedStates(), importer, importReason(importer, bundle));
        }

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
                sync.changes(), sync.changes(ObservationEntity.class));
    }

    /**
     * Fills the columns derived from a name (its pinyin, V4) where a row lacks them: rows written
     * before the migration that added them, or by hand. Only those rows are read and written.
     */
    private static void fillDerivedColumns(EntityManager em) {
        int filled = 0;
        for (RegionEntity r : em.createQuery("from RegionEntity r where r.nameKey is null", RegionEntity.class)
                .getResultList()) {
            r.name(r.name);
            filled++;
        }
        for (IndicatorEntity i : em.createQuery("from IndicatorEntity i where i.nameKey is null", IndicatorEntity.class)
                .getResultList()) {
            i.name(i.name);
            filled++;
        }
        for (ProgramEntity p : em.createQuery("from ProgramEntity p where p.nameKey is null", ProgramEntity.class)
                .getResultList()) {
            p.name(p.name);
            filled++;
        }
        if (filled > 0) {
            em.flush();
            LOG.infof("Filled the pinyin of %d names that had none", filled);
        }
    }

    /**
     * Stores the full texts of sources that lack theirs (imported before V6 added the column), so
     * that quotes written through the API are checked against them.
     */
    private static void fillSourceTexts(EntityManager em, SeedBundle bundle) {
        bundle.sourceTexts().forEach((code, text) -> {
            SourceEntity source = em.find(SourceEntity.class, code);
            if (source != null && source.fullText == null) {
                source.fullText = text;
            }
        });
    }

    /** A figure an import wrote, with its state before (null when the import created it). */
    private record Written(ObservationEntity entity, ObservationWriter.State before) {
    }

    /**
     * What was written through the API: the objects keyed by code, by type; the figures by ID, and
     * the natural keys of the figures deleted.
     */
    private record Edited(Map<String, Set<String>> codes, Set<Long> written, Set<NaturalKey> deleted) {

        static final Edited NONE = new Edited(Map.of(), Set.of(), Set.of());

        static Edited read(EntityManager em, RevisionService revisions) {
            Map<String, Set<String>> codes = new HashMap<>();
            Set<Long> written = new HashSet<>();
            Map<Long, Long> lastRevision = new HashMap<>();
            Set<Long> deletions = new HashSet<>();
            // Keys and actions only: an import over the API can leave a revision for every figure.
            for (Object[] row : em.createQuery("select v.id, v.entityType, v.entityKey, v.action from RevisionEntity v"
                    + " order by v.id", Object[].class).getResultList()) {
                String type = (String) row[1];
                String key = (String) row[2];
                if (!type.equals(Observation.TYPE)) {
                    codes.computeIfAbsent(type, t -> new HashSet<>()).add(key);
                    continue;
                }
                long id = Long.parseLong(key);
                written.add(id);
                lastRevision.put(id, (Long) row[0]);
                if (row[3] == RevisionAction.DELETE) {
                    deletions.add((Long) row[0]);
                }
            }
            lastRevision.values().retainAll(deletions);
            Set<NaturalKey> deleted = new HashSet<>();
            for (String before : Batches.chunked(lastRevision.values(), ids -> em.createQuery(
                    "select v.before from RevisionEntity v where v.id in :ids", String.class).setParameter("ids", ids)
                    .getResultList())) {
                ObservationWriter.State state = revisions.read(before, ObservationWriter.State.class);
                deleted.add(new NaturalKey(state.indicatorCode(), state.regionCode(), state.periodStart(),
                        state.periodEnd(), state.sourceCode()));
            }
            return new Edited(codes, written, deleted);
        }

        boolean has(String type, String code) {
            return codes.getOrDefault(type, Set.of()).contains(code);
        }

        /**
         * {@code apply}, except onto a row of {@code type} that is in the database and was written
         * through the API. A row an editor deleted that the bundle still has comes back: figures
         * may refer to it.
         */
        <D, E> BiConsumer<D, E> unlessWritten(EntityManager em, String type, Function<D, String> code,
                BiConsumer<D, E> apply) {
            return (definition, entity) -> {
                if (!em.contains(entity) || !has(type, code.apply(definition))) {
                    apply.accept(definition, entity);
                }
            };
        }
    }

    private static String importReason(Importer importer, SeedBundle bundle) {
        return (importer.reason() == null ? "bundle import" : importer.reason()) + " (bundle sha256 "
                + bundle.checksum().substring(0, 12) + ")";
    }

    /** The states of every object keyed by code, by type. */
    private Map<String, Map<String, CodedWriter.State>> codedStates() {
        Map<String, Map<String, CodedWriter.State>> states = new HashMap<>();
        codedWriters.forEach(writer -> states.put(writer.type(), writer.states()));
        return states;
    }

    /** A revision for every object keyed by code that the import created, changed or deleted. */
    private void recordCodedChanges(Map<String, Map<String, CodedWriter.State>> before,
            Map<String, Map<String, CodedWriter.State>> after, Importer importer, String reason) {
        for (String type : after.keySet()) {
            Map<String, CodedWriter.State> was = before.get(type);
            Map<String, CodedWriter.State> now = after.get(type);
            Set<String> codes = new java.util.TreeSet<>(was.keySet());
            codes.addAll(now.keySet());
            for (String code : codes) {
                CodedWriter.State old = was.get(code);
                CodedWriter.State state = now.get(code);
                if (old == null) {
                    revisions.record(type, code, RevisionAction.CREATE, null, state, importer.actor(), reason, null);
                } else if (state == null) {
                    revisions.record(type, code, RevisionAction.DELETE, old, null, importer.actor(), reason, null);
                } else if (!old.equals(state)) {
                    revisions.record(type, code, RevisionAction.UPDATE, old, state, importer.actor(), reason, null);
                }
            }
        }
    }

    private static ImportResult.Counts counts(SeedImportEntity record) {
        return new ImportResult.Counts(record.regions, record.sources, record.indicators, record.programs,
                record.observations);
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
         * Makes the table of {@code type} hold {@code wanted}: rows are matched on their keys, new
         * ones persisted, existing ones overwritten by {@code apply} and left to Hibernate's dirty
         * checking, which writes (and counts) only those that changed. Returns the existing rows the
         * bundle no longer has, for {@link #delete} once nothing refers to them.
         */
        <E, D, K> List<E> upsert(Class<E> type, Collection<D> wanted, Function<E, K> entityKey, Function<D, K> definitionKey,
                Supplier<E> create, BiConsumer<D, E> apply) {
            Map<K, E> byKey = new LinkedHashMap<>();
            em.createQuery("from " + type.getSimpleName(), type).getResultList()
                    .forEach(e -> byKey.put(entityKey.apply(e), e));
            SessionImplementor session = em.unwrap(SessionImplementor.class);
            for (D definition : wanted) {
                E entity = byKey.remove(definitionKey.apply(definition));
                if (entity == null) {
                    entity = create.get();
                    apply.accept(definition, entity);
                    em.persist(entity);
                    inserted++;
                    count(type, 0);
                    continue;
                }
                apply.accept(definition, entity);
                if (dirty(session, entity)) {
                    updated++;
                    count(type, 1);
                } else {
                    unchanged++;
                    count(type, 3);
                }
            }
            return new ArrayList<>(byKey.values());
        }

        /** Whether Hibernate's dirty checking will write {@code entity} at the next flush. */
        private static boolean dirty(SessionImplementor session, Object entity) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
            EntityPersister persister = entry.getPersister();
            return persister.findDirty(persister.getValues(entity), entry.getLoadedState(), entity, session) != null;
        }

        <E> void delete(List<E> rows) {
            rows.forEach(em::remove);
            deleted += rows.size();
            rows.forEach(row -> count(row.getClass(), 2));
        }

        /** Inserted, updated, deleted and unchanged rows of each table, by entity name. */
        private final Map<String, int[]> byTable = new LinkedHashMap<>();

        private void count(Class<?> type, int which) {
            byTable.computeIfAbsent(type.getSimpleName(), k -> new int[4])[which]++;
        }

        /** The changes to the table of {@code type}. */
        ImportResult.Changes changes(Class<?> type) {
            int[] c = byTable.getOrDefault(type.getSimpleName(), new int[4]);
            return new ImportResult.Changes(c[0], c[1], c[2], c[3]);
        }

        ImportResult.Changes changes() {
            return new ImportResult.Changes(inserted, updated, deleted, unchanged);
        }
    }
}
