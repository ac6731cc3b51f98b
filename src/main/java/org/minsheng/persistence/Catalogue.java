package org.minsheng.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The catalogue (regions with their closure, indicators, programmes with their links, sources) held
 * in memory as {@link Snapshot}s, so that reading it runs no SQL. It is read at start (after the seed
 * import) and again after every committed write that may have changed it, before that write's
 * caller is answered: a caller reads its own writes.
 *
 * <p>
 * Other replicas learn of a change from PostgreSQL: the write sends a notification on
 * {@value #CHANNEL} inside its transaction, delivered when, and only if, it commits; each replica's
 * {@link org.minsheng.live.PostgresChanges} listener then reads the catalogue again. Until that read
 * is done (about 0.1 s after the commit), a replica serves the snapshot before the change. On H2
 * there is one process and no notification.
 */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);

    public static final String CHANNEL = "minsheng_catalogue_changes";

    /** Names this process in its notifications, so it does not read its own change twice. */
    private final String instance = UUID.randomUUID().toString();

    /** A bean that holds a part of the catalogue. */
    public interface Part {
        Snapshot<?> snapshot();

        /**
         * Whether this part names rows of other parts (programmes name regions, indicators and
         * sources): such parts are swapped in after the parts they name, so that a reader who sees a
         * new programme finds the new source it cites.
         */
        default boolean namesOtherParts() {
            return false;
        }
    }

    @Inject
    Instance<Part> parts;

    private final AtomicLong reloads = new AtomicLong();

    /** When the last read of the whole catalogue that succeeded began ({@link System#nanoTime}). */
    private volatile long lastReadBegan;

    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "minsheng-catalogue");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    TransactionManager transactions;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @PreDestroy
    void stop() {
        retry.shutdownNow();
    }

    /** PostgreSQL: replicas to notify, and a reload's reads in one repeatable-read transaction. */
    private boolean onPostgres() {
        return dbKind.startsWith("postgres");
    }

    /**
     * At start, after the seed import (which read the catalogue already if it wrote anything), on
     * the database-start thread while the list bounds are read on theirs.
     */
    void onStart(@Observes @Priority(3000) DatabaseStartup.DatabaseReady event) {
        if (reloads.get() == 0) {
            reload("start");
        }
    }

    /** Inside the write: on PostgreSQL, the notification that reaches the other replicas once it commits. */
    void announce(@Observes DataChanged change) {
        if (!change.catalogue() || !onPostgres()) {
            return;
        }
        if (inTransaction()) {
            notifyReplicas();
        } else {
            QuarkusTransaction.requiringNew().run(this::notifyReplicas);
        }
    }

    /** After the write has committed (at once when no transaction runs): this replica reads it again. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        if (change.catalogue()) {
            reload(change.reason());
        }
    }

    /**
     * A notification on {@value #CHANNEL}: {@code origin} is the instance that wrote, null when
     * changes may have been missed (the listening connection was away).
     */
    public void changedElsewhere(String origin) {
        if (!instance.equals(origin)) {
            reload(origin == null ? "listening again" : "a change committed by another replica");
        }
    }

    /** How many times the catalogue has been read whole since start. */
    public long reloads() {
        return reloads.get();
    }

    /**
     * Reads every part again, then swaps them all in (parts that name others last): no reader sees a
     * part of the new catalogue beside one of the previous that it names. On PostgreSQL the parts are
     * read in one repeatable-read transaction, from one state of the database (a write that commits
     * between two of the reads shows in neither). One reload at a time, each begun after the commit
     * that asked for it, so the last one to finish holds the latest committed catalogue. If the
     * database cannot answer, the previous snapshots stay and the read is tried again in a second.
     */
    public synchronized void reload(String reason) {
        long started = System.nanoTime();
        try {
            List<Snapshot<?>> inSwapOrder = parts.stream().sorted(Comparator.comparing(Part::namesOtherParts))
                    .<Snapshot<?>> map(Part::snapshot).toList();
            QuarkusTransaction.requiringNew().run(() -> {
                if (onPostgres()) {
                    Queries.em().createNativeQuery("set transaction isolation level repeatable read, read only")
                            .executeUpdate();
                }
                Snapshot.reloadAll(inSwapOrder);
            });
            lastReadBegan = started;
            reloads.incrementAndGet();
            LOG.infof("Catalogue read in %d ms (%s)", (System.nanoTime() - started) / 1_000_000, reason);
        } catch (RuntimeException e) {
            LOG.warnf("The catalogue could not be read again (%s: %s); serving the previous one, retrying in 1 s",
                    reason, e.getMessage());
            if (!retry.isShutdown()) {
                retry.schedule(() -> reload(reason), 1, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * {@code lookup} again, of what a row read from the database names (a figure's region or source)
     * and the catalogue in memory did not hold: written through another replica, or past the service,
     * in the moment before this replica read the catalogue again. The catalogue is read again first,
     * unless a read begun since the miss has done so: that read sees the row's commit. Empty only when
     * the database does not hold it either (or cannot be read).
     */
    public <T> Optional<T> lookAgain(String what, Supplier<Optional<T>> lookup) {
        long missed = System.nanoTime();
        synchronized (this) {
            if (reloads.get() == 0 || lastReadBegan - missed < 0) {
                reload("catching up with " + what);
            }
        }
        return lookup.get();
    }

    private void notifyReplicas() {
        Queries.em().createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, instance)
                .getSingleResult();
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }
}
