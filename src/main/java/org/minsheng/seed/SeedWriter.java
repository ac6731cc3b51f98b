package org.minsheng.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.minsheng.live.ChangeFeed;
import org.minsheng.live.ObservationEvent;
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

    @Inject
    ChangeFeed feed;

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
        syncObservations(em, sync, bundle.observations(), edited, importer,
                importer == null ? null : importReason(importer, bundle));
        oldSources.removeIf(e -> edited.has(SourceDocument.TYPE, e.code));
        oldRegions.removeIf(e -> edited.has(Region.TYPE, e.code));
        oldIndicators.removeIf(e -> edited.has(Indicator.TYPE, e.code));
        oldPrograms.removeIf(e -> edited.has(Program.TYPE, e.code));

        // Dependents first, so that no foreign key points at a deleted row (figures went first).
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

    /** How many figures are written, checked and revised at a time, then let go of. */
    private static final int CHUNK = 1000;

    /**
     * Makes the figures those of the bundle, streaming: the existing figures are known by their
     * natural keys only, and each chunk of rows is matched, written, revised, flushed and let go
     * of, so that memory does not grow with the table. Figures the bundle no longer has are
     * deleted in chunks too. Figures written through the API are left alone by a seed import
     * ({@code edited}); an import over the API ({@code importer}) records a revision of every
     * figure it creates, changes or deletes.
     */
    private void syncObservations(EntityManager em, Sync sync, List<SeedBundle.ObservationRow> rows, Edited edited,
            Importer importer, String reason) {
        em.flush();
        Map<NaturalKey, Long> existing = observationKeys(em);
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<SeedBundle.ObservationRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<Long> ids = chunk.stream().map(row -> existing.get(row.key())).filter(Objects::nonNull).toList();
            Map<Long, ObservationEntity> loaded = new HashMap<>();
            if (!ids.isEmpty()) {
                em.createQuery("from ObservationEntity o where o.id in :ids", ObservationEntity.class)
                        .setParameter("ids", ids).getResultList().forEach(e -> loaded.put(e.id, e));
            }
            List<Written> written = new ArrayList<>();
            for (SeedBundle.ObservationRow row : chunk) {
                if (edited.deleted().contains(row.key())) {
                    continue;
                }
                Long id = existing.remove(row.key());
                if (id == null) {
                    ObservationEntity e = new ObservationEntity();
                    row.applyTo(e);
                    em.persist(e);
                    sync.count(ObservationEntity.class, Sync.INSERTED);
                    written.add(new Written(e, null));
                    continue;
                }
                ObservationEntity e = loaded.get(id);
                if (edited.written().contains(id)) {
                    sync.count(ObservationEntity.class, Sync.UNCHANGED);
                    continue;
                }
                ObservationWriter.State before = ObservationWriter.State.of(e);
                row.applyTo(e);
                if (Sync.dirty(session, e)) {
                    sync.count(ObservationEntity.class, Sync.UPDATED);
                    written.add(new Written(e, before));
                } else {
                    sync.count(ObservationEntity.class, Sync.UNCHANGED);
                }
            }
            em.flush();
            // After the flush: the states recorded carry the versions written.
            List<ObservationEvent> events = new ArrayList<>();
            for (Written w : written) {
                ObservationWriter.State after = ObservationWriter.State.of(w.entity());
                Long revision = importer == null ? null
                        : revisions.record(Observation.TYPE, w.entity().id.toString(), w.before() == null
                                ? RevisionAction.CREATE
                                : RevisionAction.UPDATE, w.before(), after, importer.actor(), reason, null).id;
                events.add(w.before() == null ? ObservationEvent.created(w.entity().id, revision, after)
                        : ObservationEvent.updated(w.entity().id, revision, w.before(), after));
            }
            em.flush();
            feed.publish(events);
            em.clear();
        }
        List<Long> gone = existing.values().stream().filter(id -> !edited.written().contains(id)).toList();
        for (int from = 0; from < gone.size(); from += CHUNK) {
            List<Long> ids = gone.subList(from, Math.min(gone.size(), from + CHUNK));
            List<ObservationEvent> events = new ArrayList<>();
            for (ObservationEntity e : em.createQuery("from ObservationEntity o where o.id in :ids",
                    ObservationEntity.class).setParameter("ids", ids).getResultList()) {
                ObservationWriter.State before = ObservationWriter.State.of(e);
                Long revision = importer == null ? null
                        : revisions.record(Observation.TYPE, e.id.toString(), RevisionAction.DELETE, before, null,
                                importer.actor(), reason, null).id;
                events.add(ObservationEvent.deleted(e.id, revision, before));
            }
            em.flush();
            feed.publish(events);
            em.createQuery("delete from ObservationEntity o where o.id in :ids").setParameter("ids", ids).executeUpdate();
            ids.forEach(id -> sync.count(ObservationEntity.class, Sync.DELETED));
            em.clear();
        }
    }

    /** Every figure's ID by its natural key: what a bundle's rows are matched on. */
    private static Map<NaturalKey, Long> observationKeys(EntityManager em) {
        Map<NaturalKey, Long> keys = new HashMap<>();
        // Codes repeat from row to row: one string of each is kept.
        Map<String, String> codes = new HashMap<>();
        em.createQuery("select o.id, o.indicatorCode, o.regionCode, o.periodStart, o.periodEnd, o.sourceCode"
                + " from ObservationEntity o", Object[].class).getResultStream().forEach(row -> keys.put(
                        new NaturalKey(codes.computeIfAbsent((String) row[1], c -> c),
                                codes.computeIfAbsent((String) row[2], c -> c), (LocalDate) row[3], (LocalDate) row[4],
                                codes.computeIfAbsent((String) row[5], c -> c)),
                        (Long) row[0]));
        return keys;
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

        static final int INSERTED = 0;
        static final int UPDATED = 1;
        static final int DELETED = 2;
        static final int UNCHANGED = 3;

        private final EntityManager em;

        /** Inserted, updated, deleted and unchanged rows of each table, by entity name. */
        private final Map<String, int[]> byTable = new LinkedHashMap<>();

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
                    count(type, INSERTED);
                    continue;
                }
                apply.accept(definition, entity);
                count(type, dirty(session, entity) ? UPDATED : UNCHANGED);
            }
            return new ArrayList<>(byKey.values());
        }

        /** Whether Hibernate's dirty checking will write {@code entity} at the next flush. */
        static boolean dirty(SessionImplementor session, Object entity) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
            EntityPersister persister = entry.getPersister();
            return persister.findDirty(persister.getValues(entity), entry.getLoadedState(), entity, session) != null;
        }

        /** Deletes {@code rows}, read before the figures' chunks were let go of (merged back first). */
        <E> void delete(List<E> rows) {
            for (E row : rows) {
                em.remove(em.contains(row) ? row : em.merge(row));
                count(row.getClass(), DELETED);
            }
        }

        void count(Class<?> type, int which) {
            byTable.computeIfAbsent(type.getSimpleName(), k -> new int[4])[which]++;
        }

        /** The changes to the table of {@code type}. */
        ImportResult.Changes changes(Class<?> type) {
            int[] c = byTable.getOrDefault(type.getSimpleName(), new int[4]);
            return new ImportResult.Changes(c[0], c[1], c[2], c[3]);
        }

        /** The changes to every table. */
        ImportResult.Changes changes() {
            int[] total = new int[4];
            byTable.values().forEach(c -> {
                for (int i = 0; i < 4; i++) {
                    total[i] += c[i];
                }
            });
            return new ImportResult.Changes(total[0], total[1], total[2], total[3]);
        }
    }
}
