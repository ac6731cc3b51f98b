package org.minsheng.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The embedded H2 store in its file: opened with a bounded wait, compacted when it has grown and at
 * shutdown. Nothing here applies to PostgreSQL or to an in-memory H2.
 * <p>
 * Opening a store that a killed process left in the middle of a transaction rolls that transaction
 * back first, which takes seconds for a large import, and every connection waits for it; the pool's
 * acquisition timeout (2 s) is far shorter. So the start opens the store itself on a thread of its
 * own, waits for it (logging how long), and only then lets the pool and Flyway in. The opening thread
 * is never interrupted: H2 can damage its file when a thread is interrupted while it writes.
 * <p>
 * A large transaction leaves the file much larger than its data (H2 writes uncommitted changes and
 * keeps dead chunks for a while), so after a committed write the file is compacted in place while the
 * service runs once it is over {@code minsheng.database.compact-above} and less than
 * {@code compact-below-fill-rate} percent live, through H2's own {@code compactFile} (an internal API
 * of the pinned H2 version: SQL has no online compaction). At shutdown, {@code SHUTDOWN COMPACT}
 * rewrites it whole.
 */
@ApplicationScoped
public class EmbeddedStore {

    private static final Logger LOG = Logger.getLogger(EmbeddedStore.class);

    private static final String FILE_URL = "jdbc:h2:file:";

    /** How long one compaction while the service runs may take. */
    private static final Duration ONLINE_COMPACTION = Duration.ofSeconds(10);

    /** At most this many rounds of it after one write. */
    private static final int COMPACTION_ROUNDS = 6;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    MinshengConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseStartup startup;

    private final ExecutorService compacting = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-store-compact");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    private volatile boolean open;

    /** The raw connection that opened the store, held until the pool has its own. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether the database is H2 in a file. */
    public boolean fileBacked() {
        return dbKind.equals("h2") && url.isPresent() && url.get().startsWith(FILE_URL);
    }

    /** The store's file: minsheng.mv.db in the data directory. */
    Path file() {
        String location = url.orElseThrow().substring(FILE_URL.length());
        int options = location.indexOf(';');
        return Path.of((options < 0 ? location : location.substring(0, options)) + ".mv.db");
    }

    /**
     * Opens the store, waiting up to {@code timeout} for H2 to recover it; the returned handle keeps it
     * open. Fails when it does not open in time (the opening goes on, and the process is to exit).
     */
    Held open(Duration timeout) {
        if (!fileBacked()) {
            return () -> {
            };
        }
        long started = System.nanoTime();
        long size = size();
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opened.complete(DriverManager.getConnection(url.get(), username.orElse(""), password.orElse("")));
            } catch (SQLException | RuntimeException e) {
                opened.completeExceptionally(e);
            }
        }, "embedded-store-open");
        opener.setDaemon(true);
        opener.start();
        long deadline = started + timeout.toNanos();
        while (true) {
            try {
                Connection connection = opened.get(5, TimeUnit.SECONDS);
                long millis = (System.nanoTime() - started) / 1_000_000;
                LOG.infof("Embedded store %s opened in %d ms (%s)", file(), millis, megabytes(size));
                open = true;
                return () -> {
                    try {
                        connection.close();
                    } catch (SQLException e) {
                        LOG.debugf("Closing the opening connection: %s", e.getMessage());
                    }
                };
            } catch (TimeoutException e) {
                long waited = (System.nanoTime() - started) / 1_000_000_000L;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded store " + file() + " did not open within " + timeout
                            + " (minsheng.database.open-timeout)");
                }
                LOG.infof("Opening the embedded store %s (%s): still at it after %d s; it rolls back what a stopped"
                        + " process left unfinished first (readiness stays DOWN until it is open, for at most %d s)",
                        file(), megabytes(size), waited, timeout.toSeconds());
            } catch (ExecutionException e) {
                throw new IllegalStateException("The embedded store " + file() + " cannot be opened: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the embedded store opened", e);
            }
        }
    }

    /** After a committed write: compaction, if the file has grown, on a thread of its own. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        if (open && fileBacked() && !compacting.isShutdown() && compactionQueued.compareAndSet(false, true)) {
            compacting.execute(() -> {
                compactionQueued.set(false);
                compactIfGrown();
            });
        }
    }

    /** Compacts the file in place when it is over the size and under the fill rate configured. */
    void compactIfGrown() {
        long before = size();
        if (before <= config.database().compactAbove().asLongValue()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            int fill = fillRate(connection);
            if (fill >= config.database().compactBelowFillRate()) {
                return;
            }
            long started = System.nanoTime();
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            // Rounds of a bounded length, while each one gives space back and the file is still bloated.
            long size = before;
            for (int round = 0; round < COMPACTION_ROUNDS && !compacting.isShutdown(); round++) {
                session.getDatabase().getStore().compactFile((int) ONLINE_COMPACTION.toMillis());
                long after = size();
                if (after >= size || after <= config.database().compactAbove().asLongValue()
                        || fillRate(connection) >= config.database().compactBelowFillRate()) {
                    size = after;
                    break;
                }
                size = after;
            }
            LOG.infof("Embedded store compacted while running: %s (%d%% live) to %s in %d ms", megabytes(before), fill,
                    megabytes(size), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Compacting the embedded store failed (it goes on as it is): %s", e.getMessage());
        }
    }

    /** The share of the store's chunks that holds live data, in percent. */
    private static int fillRate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select setting_value from information_schema.settings"
                        + " where setting_name = 'info.CHUNKS_FILL_RATE'")) {
            return rows.next() ? Integer.parseInt(rows.getString(1)) : 100;
        }
    }

    /** At shutdown: the whole file rewritten with only its live data, then closed. */
    void onStop(@Observes ShutdownEvent event) {
        if (!open || !fileBacked() || !startup.started()) {
            // A start cut short is not disturbed: the store is compacted at the next shutdown.
            return;
        }
        // A compaction under way ends first (it is bounded); the two would fight over the file.
        compacting.shutdown();
        try {
            if (!compacting.awaitTermination(ONLINE_COMPACTION.toSeconds() + 5, TimeUnit.SECONDS)) {
                LOG.warn("The running compaction of the embedded store did not end; the store is closed without");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long before = size();
        long started = System.nanoTime();
        // On a connection of its own: the pool's connections are then closed by the pool, quietly.
        try (Connection connection = DriverManager.getConnection(url.get(), username.orElse(""), password.orElse(""));
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
            open = false;
            LOG.infof("Embedded store compacted and closed: %s to %s in %d ms", megabytes(before), megabytes(size()),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Compacting the embedded store at shutdown failed (it is compacted at the next shutdown): %s",
                    e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        compacting.shutdownNow();
    }

    /** The store file's size in bytes (0 before it exists). */
    long size() {
        try {
            return Files.exists(file()) ? Files.size(file()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
