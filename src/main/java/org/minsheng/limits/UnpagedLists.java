package org.minsheng.limits;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.minsheng.persistence.DataChanged;
import org.minsheng.persistence.DatabaseStartup;

/**
 * The current bound of every unpaged list field, read from the data at start (after the seed
 * import) and again whenever the data change, never on a request's path (nor on a writer's). Until the database has
 * answered once, every unpaged list is assumed to hold {@link #UNKNOWN} items.
 */
@ApplicationScoped
public class UnpagedLists {

    /** The bound of a list field no feature declares, and of every one before the data are read. */
    public static final int UNKNOWN = 1000;

    private static final Logger LOG = Logger.getLogger(UnpagedLists.class);

    @Inject
    Instance<ListBounds> features;

    private volatile Map<String, Integer> bounds = Map.of();
    /** Set while a refresh after a write waits to start. */
    private final AtomicBoolean queued = new AtomicBoolean();

    /** Reads the bounds again after writes, and retries a read that failed. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "list-bounds");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * At start, after the seed import, on the list-bounds thread while the catalogue is read on the
     * database-start thread: the start waits for both.
     */
    void onStart(@Observes @Priority(2900) DatabaseStartup.DatabaseReady event) {
        event.alongside(worker, this::refresh);
    }

    /**
     * After the write that changed the data has committed (at once when no transaction runs), on the
     * list-bounds thread: the writer answers without waiting for the grouped counts over every figure
     * (about 0.4 s on a million), and until they are read the estimates use the bounds from before the
     * write. Writes that come while a refresh waits to start share it.
     */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    refresh();
                });
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    /** The most items {@code type.field} can hold; {@link #UNKNOWN} for an undeclared field. */
    public int bound(String type, String field) {
        return bounds.getOrDefault(type + "." + field, UNKNOWN);
    }

    synchronized void refresh() {
        try {
            Map<String, Integer> read = new TreeMap<>();
            features.forEach(feature -> read.putAll(feature.read()));
            bounds = Map.copyOf(read);
            LOG.infof("Unpaged list bounds from the data: %s", read);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the unpaged list bounds from the database; assuming %d items each,"
                    + " retrying in 30 s", UNKNOWN);
            try {
                worker.schedule(this::refresh, 30, TimeUnit.SECONDS);
            } catch (RejectedExecutionException stopping) {
                // The service is stopping.
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
