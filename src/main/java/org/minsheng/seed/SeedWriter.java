package org.minsheng.seed;

import java.math.BigDecimal;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.StaleStateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.logging.Logger;
import org.minsheng.editing.CodedWriter;
import org.minsheng.graphql.ConflictException;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.live.ChangeFeed;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationEvent;
import org.minsheng.observation.ObservationState;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.DataChanged;
import org.minsheng.persistence.Queries;
import org.minsheng.program.Program;
import org.minsheng.program.ProgramEntity;
import org.minsheng.program.ProgramIndicatorEntity;
import org.minsheng.program.ProgramRegionEntity;
import org.minsheng.region.Region;
import org.minsheng.region.RegionAncestorEntity;
import org.minsheng.region.RegionEntity;
import org.minsheng.revision.RevisionAction;
import org.minsheng.revision.RevisionService;
import org.minsheng.seed.SeedBundle.NaturalKey;
import org.minsheng.seed.SeedBundle.ObservationRow;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceEntity;

/**
 * Writes a validated bundle in one transaction, so that it lands whole or not at all.
 * <p>
 * A bundle owns the sources its {@code sources.yaml} declares: the import makes the figures of
 * those sources the bundle's (inserted, updated, deleted), inserts and updates the catalogue rows
 * it brings (regions, indicators, programmes, sources) and deletes nothing outside its sources. Only
 * {@link Scope#ALL} (an admin's {@code ?replace=all}) makes the whole database the bundle's. Rows
 * are matched on their natural keys: what is equal is left alone, so importing a bundle twice
 * changes nothing.
 * <p>
 * The import first reads and plans (nothing is written yet: a dry run stops there), then writes.
 * Every row it updates or deletes is written only if it still has the version the plan read: an
 * edit made through the API in between fails the import whole with CONFLICT, naming the rows.
 * Figures written through the API (those with revisions) are left as their editors left them by the
 * start-time import; an import over the API is an editorial act that applies every row and records
 * a revision for each.
 */
@ApplicationScoped
public class SeedWriter {

    @Inject
    RevisionService revisions;

    /** Fired in the import's transaction: what reads the data again does so once it commits. */
    @Inject
    Event<DataChanged> changed;

    @Inject
    ChangeFeed feed;

    @Inject
    Event<ImportPlanned> planned;

    /** The writers of the types keyed by code: how their states read, for an import's revisions. */
    @Inject
    Instance<CodedWriter<?, ?>> codedWriters;

    private static final Logger LOG = Logger.getLogger(SeedWriter.class);

    /** What an import may delete: the figures of its own sources, or (an admin's choice) everything it lacks. */
    public enum Scope {
        SOURCES,
        ALL
    }

    /** Who imports a bundle over the API, and why: their import is recorded as revisions. */
    public record Importer(String actor, String reason) {
    }

    /**
     * How to write: {@code force} writes a bundle the database already holds; a {@code dryRun}
     * plans and counts and writes nothing; {@code importer} is null for the import at start.
     */
    public record Options(boolean force, boolean dryRun, Scope scope, Importer importer) {
    }

    /** The moment between an import's plan and its writes (never for a dry run). */
    public record ImportPlanned(String checksum, ImportResult.Changes observations) {
    }

    /** The import at start (and of the seed Job): scoped to the bundle's sources, editors' rows kept. */
    @Transactional
    public ImportResult write(SeedBundle bundle, boolean force) {
        return write(bundle, new Options(force, false, Scope.SOURCES, null));
    }

    @Transactional
    public ImportResult write(SeedBundle bundle, Options options) {
        EntityManager em = Queries.em();
        em.find(SeedLockEntity.class, SeedLockEntity.ROW, LockModeType.PESSIMISTIC_WRITE);
        SeedImportEntity latest = SeedImportEntity.latestOwning(bundle.sources().stream()
                .map(SeedBundle.SourceDef::code).toList());
        if (!options.dryRun()) {
            fillDerivedColumns(em);
            fillSourceTexts(em, bundle);
        }
        // The database holds this bundle when the latest import that owned its sources was this bundle.
        if (!options.force() && latest != null && latest.checksum.equals(bundle.checksum())) {
            if (!options.dryRun() && latest.files == null && latest.location.equals(bundle.location())) {
                // Made before V9: from now on a restart knows this bundle without parsing it.
                latest.files = files(bundle);
            }
            return new ImportResult(false, latest.location, latest.checksum, latest.importedAt, counts(latest), null,
                    null, List.of());
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        // What the transaction wrote before counts (an editor's write); from here, nothing reaches the
        // database before the plan is whole, and a dry run never writes.
        em.flush();
        session.setHibernateFlushMode(FlushMode.MANUAL);
        Plan plan = new Plan(em, bundle, options, options.importer() == null ? Edited.read(em, revisions) : Edited.NONE);
        Map<String, Map<String, CodedWriter.State>> before = options.importer() == null ? Map.of() : codedStates();
        plan.catalogue();
        plan.observations();
        if (options.dryRun()) {
            em.clear();
            return plan.result(false, Instant.now(), bundle.location());
        }
        ImportResult.Changes figures = plan.sync.changes(ObservationEntity.class);
        LOG.infof("Import of bundle %s planned: %d figures to insert, %d to update, %d to delete, %d unchanged",
                bundle.checksum().substring(0, 12), figures.inserted(), figures.updated(), figures.deleted(),
                figures.unchanged());
        planned.fire(new ImportPlanned(bundle.checksum(), figures));
        session.setHibernateFlushMode(FlushMode.AUTO);
        plan.write(before);

        SeedImportEntity record = new SeedImportEntity();
        record.checksum = bundle.checksum();
        record.location = bundle.location();
        record.importedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        record.regions = bundle.regions().size();
        record.sources = bundle.sources().size();
        record.indicators = bundle.indicators().size();
        record.programs = bundle.programs().size();
        record.observations = bundle.observations().size();
        record.ownedSources = options.scope() == Scope.ALL ? SeedImportEntity.EVERYTHING
                : bundle.sources().stream().map(SeedBundle.SourceDef::code).sorted().collect(Collectors.joining(","));
        record.files = files(bundle);
        record.persist();
        em.flush();
        changed.fire(DataChanged.catalogue("import of " + bundle.location()
                + (options.importer() == null ? " at start" : " by " + options.importer().actor())));
        return new ImportResult(true, record.location, record.checksum, record.importedAt, counts(record),
                plan.sync.changes(), plan.sync.changes(ObservationEntity.class), plan.deletions());
    }

    /** The length of seed_import.files: a longer list is not kept, and a restart reads that bundle whole. */
    private static final int MAX_FILES_LENGTH = 16000;

    /**
     * The import at start's answer when the database's latest import is the bundle at {@code location}
     * as it is now, found without parsing the bundle: its files' checksum counted again, as
     * {@link #write} would find that bundle held. Empty when the bundle is to be read and written as
     * {@link #write} does: another import came after, a file changed, the import was made before V9 (no
     * list of files), or a name lacks its pinyin.
     */
    @Transactional
    public Optional<ImportResult> held(BundleLocation location) {
        SeedImportEntity latest = SeedImportEntity.latest();
        if (latest == null || latest.files == null || !latest.location.equals(location.toString())
                || namesWithoutPinyin()) {
            return Optional.empty();
        }
        return BundleReader.checksum(location, List.of(latest.files.split("\n"))).filter(latest.checksum::equals)
                .map(checksum -> new ImportResult(false, latest.location, latest.checksum, latest.importedAt,
                        counts(latest), null, null, List.of()));
    }

    /** The files {@code bundle} was read from, one a line, as seed_import.files keeps them (null when too long). */
    private static String files(SeedBundle bundle) {
        String files = String.join("\n", bundle.files());
        return files.length() <= MAX_FILES_LENGTH ? files : null;
    }

    /** Whether a region, indicator or programme has no pinyin key ({@link #fillDerivedColumns} fills them). */
    private static boolean namesWithoutPinyin() {
        return Queries.largestGroup("select count(*) from region where name_key is null union all"
                + " select count(*) from indicator where name_key is null union all"
                + " select count(*) from program where name_key is null") > 0;
    }

    /** How many figures are read, written, revised at a time, then let go of. */
    private static final int CHUNK = 1000;

    /** How many figures an import writes between two lines of its progress in the log. */
    private static final int PROGRESS_EVERY = 5000;

    /**
     * One import: first what it will change (the catalogue rows applied to their entities, the
     * figures classified by their stored state), then the writes.
     */
    private final class Plan {

        private final EntityManager em;
        private final SessionImplementor session;
        private final SeedBundle bundle;
        private final Options options;
        private final Edited edited;
        private final Sync sync;
        private final Set<String> sources;

        private List<SourceEntity> oldSources = List.of();
        private List<RegionEntity> oldRegions = List.of();
        private List<RegionAncestorEntity> oldAncestors = List.of();
        private List<IndicatorEntity> oldIndicators = List.of();
        private List<ProgramEntity> oldPrograms = List.of();
        private List<ProgramRegionEntity> oldProgramRegions = List.of();
        private List<ProgramIndicatorEntity> oldProgramIndicators = List.of();

        /** Figures to insert, update (with the version read) and delete (with the version read). */
        private final List<ObservationRow> inserts = new ArrayList<>();
        private final List<Planned> updates = new ArrayList<>();
        private final List<Planned> deletes = new ArrayList<>();

        Plan(EntityManager em, SeedBundle bundle, Options options, Edited edited) {
            this.em = em;
            this.session = em.unwrap(SessionImplementor.class);
            this.bundle = bundle;
            this.options = options;
            this.edited = edited;
            this.sync = new Sync(em, options.dryRun());
            this.sources = bundle.sources().stream().map(SeedBundle.SourceDef::code).collect(Collectors.toSet());
        }

        private boolean all() {
            return options.scope() == Scope.ALL;
        }

        /** The catalogue's rows applied to their entities (not yet flushed), and what only the bundle's scope would delete. */
        void catalogue() {
            oldSources = sync.upsert(SourceEntity.class, bundle.sources(), s -> s.code, SeedBundle.SourceDef::code,
                    SourceEntity::new, edited.unlessWritten(em, SourceDocument.TYPE, SeedBundle.SourceDef::code,
                            (def, e) -> {
                                def.applyTo(e);
                                e.fullText = bundle.sourceTexts().get(def.code());
                            }));
            oldRegions = sync.upsert(RegionEntity.class, parentsFirst(bundle.regions()), r -> r.code, RegionRow::code,
                    RegionEntity::new, edited.unlessWritten(em, Region.TYPE, RegionRow::code, RegionRow::applyTo));
            Set<String> bundleRegions = bundle.regions().stream().map(RegionRow::code).collect(Collectors.toSet());
            oldAncestors = sync.upsert(RegionAncestorEntity.class, closure(bundle.regions()),
                    a -> List.of(a.regionCode, a.ancestorCode), a -> List.of(a.regionCode, a.ancestorCode),
                    RegionAncestorEntity::new, (a, e) -> {
                        e.regionCode = a.regionCode;
                        e.ancestorCode = a.ancestorCode;
                        e.distance = a.distance;
                    });
            // A region the bundle brings has the bundle's ancestors, and no others.
            oldAncestors.removeIf(a -> !all() && !bundleRegions.contains(a.regionCode));
            oldIndicators = sync.upsert(IndicatorEntity.class, bundle.indicators(), i -> i.code,
                    SeedBundle.IndicatorDef::code, IndicatorEntity::new, edited.unlessWritten(em, Indicator.TYPE,
                            SeedBundle.IndicatorDef::code, SeedBundle.IndicatorDef::applyTo));
            oldPrograms = sync.upsert(ProgramEntity.class, bundle.programs(), p -> p.code, SeedBundle.ProgramDef::code,
                    ProgramEntity::new, edited.unlessWritten(em, Program.TYPE, SeedBundle.ProgramDef::code,
                            SeedBundle.ProgramDef::applyTo));
            Set<String> bundlePrograms = bundle.programs().stream().map(SeedBundle.ProgramDef::code)
                    .collect(Collectors.toSet());
            oldProgramRegions = sync.upsert(ProgramRegionEntity.class,
                    bundle.programs().stream().flatMap(p -> p.regions().stream().map(r -> List.of(p.code(), r))).toList(),
                    l -> List.of(l.programCode, l.regionCode), l -> l, ProgramRegionEntity::new, (l, e) -> {
                        e.programCode = l.get(0);
                        e.regionCode = l.get(1);
                    });
            oldProgramRegions.removeIf(l -> !all() && !bundlePrograms.contains(l.programCode));
            oldProgramIndicators = sync.upsert(ProgramIndicatorEntity.class,
                    bundle.programs().stream().flatMap(p -> listOrEmpty(p.indicators()).stream().map(i -> List.of(p.code(), i)))
                            .toList(),
                    l -> List.of(l.programCode, l.indicatorCode), l -> l, ProgramIndicatorEntity::new, (l, e) -> {
                        e.programCode = l.get(0);
                        e.indicatorCode = l.get(1);
                    });
            oldProgramIndicators.removeIf(l -> !all() && !bundlePrograms.contains(l.programCode));
            // Outside the bundle's scope, nothing of the catalogue is deleted.
            if (!all()) {
                oldSources = new ArrayList<>();
                oldRegions = new ArrayList<>();
                oldIndicators = new ArrayList<>();
                oldPrograms = new ArrayList<>();
            }
            oldSources.removeIf(e -> edited.has(SourceDocument.TYPE, e.code));
            oldRegions.removeIf(e -> edited.has(Region.TYPE, e.code));
            oldIndicators.removeIf(e -> edited.has(Indicator.TYPE, e.code));
            oldPrograms.removeIf(e -> edited.has(Program.TYPE, e.code));
            sync.count(SourceEntity.class, Sync.DELETED, oldSources.size());
            sync.count(RegionEntity.class, Sync.DELETED, oldRegions.size());
            sync.count(RegionAncestorEntity.class, Sync.DELETED, oldAncestors.size());
            sync.count(IndicatorEntity.class, Sync.DELETED, oldIndicators.size());
            sync.count(ProgramEntity.class, Sync.DELETED, oldPrograms.size());
            sync.count(ProgramRegionEntity.class, Sync.DELETED, oldProgramRegions.size());
            sync.count(ProgramIndicatorEntity.class, Sync.DELETED, oldProgramIndicators.size());
        }

        /**
         * The figures in scope, read as rows (never entities) and compared with the bundle's: each
         * is unchanged, to update or to delete; the bundle's rows left over are to insert.
         */
        void observations() {
            Map<NaturalKey, ObservationRow> wanted = new LinkedHashMap<>();
            for (ObservationRow row : bundle.observations()) {
                if (!edited.deleted().contains(row.key())) {
                    wanted.put(row.key(), row);
                }
            }
            String scope = all() ? "" : " where o.sourceCode in :sources";
            var query = em.createQuery("select o.id, o.version, o.indicatorCode, o.regionCode, o.periodStart, o.periodEnd,"
                    + " o.sourceCode, o.value, o.qualifier, o.quote, o.note, o.status, o.precision from ObservationEntity o"
                    + scope,
                    Object[].class)
                    .setHint("org.hibernate.fetchSize", CHUNK).setHint("org.hibernate.readOnly", true);
            if (!all()) {
                query.setParameter("sources", sources.isEmpty() ? Set.of("") : sources);
            }
            query.getResultStream().forEach(r -> {
                long id = (Long) r[0];
                int version = (Integer) r[1];
                NaturalKey key = new NaturalKey((String) r[2], (String) r[3], (LocalDate) r[4], (LocalDate) r[5],
                        (String) r[6]);
                ObservationRow row = wanted.remove(key);
                if (edited.written().contains(id)) {
                    sync.count(ObservationEntity.class, Sync.UNCHANGED, 1);
                } else if (row == null) {
                    deletes.add(new Planned(id, version, key, null));
                } else if (same(row, (BigDecimal) r[7], r[8], (String) r[9], (String) r[10], r[11], (Integer) r[12])) {
                    sync.count(ObservationEntity.class, Sync.UNCHANGED, 1);
                } else {
                    updates.add(new Planned(id, version, key, row));
                }
            });
            inserts.addAll(wanted.values());
            sync.count(ObservationEntity.class, Sync.INSERTED, inserts.size());
            sync.count(ObservationEntity.class, Sync.UPDATED, updates.size());
            sync.count(ObservationEntity.class, Sync.DELETED, deletes.size());
        }

        private static boolean same(ObservationRow row, BigDecimal value, Object qualifier, String quote, String note,
                Object status, Integer precision) {
            return value != null && value.compareTo(row.value()) == 0 && row.qualifier() == qualifier
                    && Objects.equals(row.quote(), quote) && Objects.equals(row.note(), note)
                    && row.statusOrDefault() == status && Objects.equals(row.precision(), precision);
        }

        /** What the import deletes, by type and source. */
        List<ImportResult.Deletion> deletions() {
            List<ImportResult.Deletion> deletions = new ArrayList<>();
            Map<String, Long> figures = new TreeMap<>();
            deletes.forEach(d -> figures.merge(d.key().source(), 1L, Long::sum));
            figures.forEach((source, count) -> deletions.add(new ImportResult.Deletion(Observation.TYPE, source, count,
                    List.of())));
            deletion(deletions, Program.TYPE, oldPrograms, p -> p.sourceCode, p -> p.code);
            deletion(deletions, Indicator.TYPE, oldIndicators, i -> null, i -> i.code);
            deletion(deletions, Region.TYPE, oldRegions, r -> null, r -> r.code);
            deletion(deletions, SourceDocument.TYPE, oldSources, s -> s.code, s -> s.code);
            return deletions;
        }

        private <E> void deletion(List<ImportResult.Deletion> deletions, String type, List<E> rows,
                Function<E, String> source, Function<E, String> code) {
            Map<String, List<String>> bySource = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            rows.forEach(row -> bySource.computeIfAbsent(source.apply(row), s -> new ArrayList<>()).add(code.apply(row)));
            bySource.forEach((s, codes) -> deletions.add(new ImportResult.Deletion(type, s, codes.size(),
                    codes.stream().sorted().limit(ImportResult.Deletion.CODES_SHOWN).toList())));
        }

        ImportResult result(boolean imported, Instant at, String location) {
            return new ImportResult(imported, location, bundle.checksum(), at, new ImportResult.Counts(
                    bundle.regions().size(), bundle.sources().size(), bundle.indicators().size(),
                    bundle.programs().size(), bundle.observations().size()), sync.changes(),
                    sync.changes(ObservationEntity.class), deletions());
        }

        /** Writes the plan: catalogue rows first, then the figures, then what the scope deletes. */
        void write(Map<String, Map<String, CodedWriter.State>> before) {
            checkVersions();
            flush();
            String reason = options.importer() == null ? null : importReason(options.importer(), bundle);
            insertFigures(reason);
            updateFigures(reason);
            deleteFigures(reason);
            em.clear();
            // Dependents first, so that no foreign key points at a deleted row (figures went first).
            sync.delete(oldProgramIndicators);
            sync.delete(oldProgramRegions);
            sync.delete(oldPrograms);
            sync.delete(oldIndicators);
            sync.delete(oldAncestors);
            oldRegions.sort(Comparator.comparing((RegionEntity r) -> r.level).reversed());
            sync.delete(oldRegions);
            sync.delete(oldSources);
            flush();
            if (options.importer() != null) {
                recordCodedChanges(before, codedStates(), options.importer(), reason);
            }
        }

        /** Every figure to update or delete still has the version the plan read; CONFLICT naming those that do not. */
        private void checkVersions() {
            Map<Long, Planned> byId = new HashMap<>();
            updates.forEach(p -> byId.put(p.id(), p));
            deletes.forEach(p -> byId.put(p.id(), p));
            Map<Long, Integer> now = new HashMap<>();
            for (Object[] row : Batches.chunked(byId.keySet(), ids -> em.createQuery(
                    "select o.id, o.version from ObservationEntity o where o.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList())) {
                now.put((Long) row[0], (Integer) row[1]);
            }
            List<Planned> stale = byId.values().stream().filter(p -> !Objects.equals(now.get(p.id()), p.version()))
                    .sorted(Comparator.comparingLong(Planned::id)).toList();
            if (!stale.isEmpty()) {
                throw conflict(stale.stream().map(p -> p.describe(now.get(p.id()))).toList());
            }
        }

        private void flush() {
            try {
                em.flush();
            } catch (OptimisticLockException | StaleStateException e) {
                throw conflict(List.of(staleRow(e)));
            }
        }

        private void insertFigures(String reason) {
            for (List<ObservationRow> chunk : chunks(inserts)) {
                List<ObservationEntity> created = new ArrayList<>();
                for (ObservationRow row : chunk) {
                    ObservationEntity e = new ObservationEntity();
                    row.applyTo(e);
                    em.persist(e);
                    created.add(e);
                }
                flush();
                List<ObservationEvent> events = new ArrayList<>();
                for (ObservationEntity e : created) {
                    ObservationState after = ObservationState.of(e);
                    events.add(ObservationEvent.created(e.id, revision(e.id, RevisionAction.CREATE, null, after, reason),
                            after));
                }
                finish(events);
            }
        }

        private void updateFigures(String reason) {
            for (List<Planned> chunk : chunks(updates)) {
                Map<Long, ObservationEntity> loaded = load(chunk);
                List<ObservationEntity> written = new ArrayList<>();
                List<ObservationState> befores = new ArrayList<>();
                for (Planned planned : chunk) {
                    ObservationEntity e = loaded.get(planned.id());
                    befores.add(ObservationState.of(e));
                    planned.row().applyTo(e);
                    written.add(e);
                }
                flush();
                List<ObservationEvent> events = new ArrayList<>();
                for (int i = 0; i < written.size(); i++) {
                    ObservationEntity e = written.get(i);
                    ObservationState after = ObservationState.of(e);
                    events.add(ObservationEvent.updated(e.id, revision(e.id, RevisionAction.UPDATE, befores.get(i), after,
                            reason), befores.get(i), after));
                }
                finish(events);
            }
        }

        private void deleteFigures(String reason) {
            for (List<Planned> chunk : chunks(deletes)) {
                List<ObservationEvent> events = new ArrayList<>();
                for (ObservationEntity e : load(chunk).values()) {
                    ObservationState before = ObservationState.of(e);
                    events.add(ObservationEvent.deleted(e.id, revision(e.id, RevisionAction.DELETE, before, null, reason),
                            before));
                    em.remove(e);
                }
                flush();
                finish(events);
            }
        }

        /** The planned figures as entities, each still at the version the plan read (CONFLICT otherwise). */
        private Map<Long, ObservationEntity> load(List<Planned> chunk) {
            Map<Long, ObservationEntity> loaded = new HashMap<>();
            em.createQuery("from ObservationEntity o where o.id in :ids", ObservationEntity.class)
                    .setParameter("ids", chunk.stream().map(Planned::id).toList()).getResultList()
                    .forEach(e -> loaded.put(e.id, e));
            List<String> stale = chunk.stream().filter(p -> loaded.get(p.id()) == null
                    || loaded.get(p.id()).version != p.version())
                    .map(p -> p.describe(loaded.get(p.id()) == null ? null : loaded.get(p.id()).version)).toList();
            if (!stale.isEmpty()) {
                throw conflict(stale);
            }
            return loaded;
        }

        private Long revision(long id, RevisionAction action, ObservationState before,
                ObservationState after, String reason) {
            return options.importer() == null ? null
                    : revisions.record(Observation.TYPE, Long.toString(id), action, before, after,
                            options.importer().actor(), reason, null).id;
        }

        /** After a chunk's writes: its revisions written, its events published, its entities let go of. */
        private void finish(List<ObservationEvent> events) {
            flush();
            feed.publish(events);
            em.clear();
            progress(events.size());
        }

        private long written;
        private long nextReport = PROGRESS_EVERY;

        /** A log line every {@link #PROGRESS_EVERY} figures, so that a long import shows how far it is. */
        private void progress(int chunk) {
            written += chunk;
            long total = inserts.size() + updates.size() + deletes.size();
            if (written >= nextReport && written < total) {
                LOG.infof("Import of bundle %s: %d of %d figures written", bundle.checksum().substring(0, 12), written,
                        total);
                nextReport += PROGRESS_EVERY;
            }
        }
    }

    /** A figure the plan will update (to {@code row}) or delete, as read: its ID and version. */
    private record Planned(long id, int version, NaturalKey key, ObservationRow row) {

        String describe(Integer now) {
            return Observation.TYPE + " " + id + " (" + key.indicator() + ", " + key.region() + ", " + key.periodStart()
                    + "/" + key.periodEnd() + ", " + key.source() + "): version " + version + " read, "
                    + (now == null ? "since deleted" : "now " + now);
        }
    }

    private static ConflictException conflict(List<String> rows) {
        int shown = Math.min(rows.size(), 20);
        return new ConflictException("The data changed while the import ran, so nothing was imported: "
                + String.join("; ", rows.subList(0, shown)) + (rows.size() > shown ? "; and " + (rows.size() - shown)
                        + " more" : "")
                + ". Import the bundle again to apply it over these changes", rows);
    }

    /** The row a stale write names, as Hibernate reports it: "ObservationEntity#42". */
    private static String staleRow(RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof org.hibernate.StaleObjectStateException)) {
            cause = cause.getCause();
        }
        if (cause instanceof org.hibernate.StaleObjectStateException stale) {
            String entity = stale.getEntityName().substring(stale.getEntityName().lastIndexOf('.') + 1)
                    .replace("Entity", "");
            return entity + " " + stale.getIdentifier() + ": written by someone else since the import read it";
        }
        return "a row written by someone else since the import read it";
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

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
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
                ObservationState state = revisions.read(before, ObservationState.class);
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
        private final boolean dryRun;

        /** Inserted, updated, deleted and unchanged rows of each table, by entity name. */
        private final Map<String, long[]> byTable = new LinkedHashMap<>();

        Sync(EntityManager em, boolean dryRun) {
            this.em = em;
            this.dryRun = dryRun;
        }

        /**
         * Applies {@code wanted} onto the table of {@code type}: rows are matched on their keys, new
         * ones persisted (not in a dry run), existing ones overwritten by {@code apply} and left to
         * Hibernate's dirty checking, which writes (and counts) only those that changed, at the next
         * flush. Returns the existing rows the bundle does not have.
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
                    if (!dryRun) {
                        em.persist(entity);
                    }
                    count(type, INSERTED, 1);
                    continue;
                }
                apply.accept(definition, entity);
                count(type, dirty(session, entity) ? UPDATED : UNCHANGED, 1);
            }
            return new ArrayList<>(byKey.values());
        }

        /** Whether Hibernate's dirty checking will write {@code entity} at the next flush. */
        static boolean dirty(SessionImplementor session, Object entity) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
            EntityPersister persister = entry.getPersister();
            return persister.findDirty(persister.getValues(entity), entry.getLoadedState(), entity, session) != null;
        }

        /** Deletes {@code rows} (counted by the plan), read before the figures' chunks were let go of. */
        <E> void delete(List<E> rows) {
            for (E row : rows) {
                em.remove(em.contains(row) ? row : em.merge(row));
            }
        }

        void count(Class<?> type, int which, long n) {
            byTable.computeIfAbsent(type.getSimpleName(), k -> new long[4])[which] += n;
        }

        /** The changes to the table of {@code type}. */
        ImportResult.Changes changes(Class<?> type) {
            long[] c = byTable.getOrDefault(type.getSimpleName(), new long[4]);
            return new ImportResult.Changes((int) c[0], (int) c[1], (int) c[2], (int) c[3]);
        }

        /** The changes to every table. */
        ImportResult.Changes changes() {
            long[] total = new long[4];
            byTable.values().forEach(c -> {
                for (int i = 0; i < 4; i++) {
                    total[i] += c[i];
                }
            });
            return new ImportResult.Changes((int) total[0], (int) total[1], (int) total[2], (int) total[3]);
        }
    }
}
