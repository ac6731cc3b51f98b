package org.minsheng.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the database up before anything reads it: waits for it to open, within
 * {@code minsheng.database.open-timeout} (the embedded store may be rolling back what a killed
 * process left unfinished: {@link EmbeddedStore}; PostgreSQL may still be starting), applies the
 * Flyway migrations (unless the schema history holds all of them already: {@link FlywayHistory}),
 * has Hibernate validate the mapping against the schema, then fires
 * {@link DatabaseReady} for what reads the data at start (the seed import first). By default this
 * runs after the HTTP server is up, so the probes answer meanwhile: readiness is DOWN until all of it
 * is done, and says which step runs. A database that does not open in time, or a failed migration, ends the process.
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);

    /** How long a stop waits for the work after readiness ({@link Started}) to end. */
    private static final Duration AFTER_START_WAIT = Duration.ofSeconds(10);

    /** Where the start is; the readiness check reports it. */
    public enum Step {
        WAITING,
        OPENING,
        MIGRATING,
        LOADING,
        READY,
        FAILED
    }

    @Inject
    MinshengConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @Inject
    EntityManagerFactory entityManagers;

    @Inject
    EmbeddedStore embedded;

    @Inject
    Event<DatabaseReady> ready;

    @Inject
    Event<Started> afterStart;

    private volatile Step step = Step.WAITING;

    private volatile Thread thread;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            // Started only to write the class archive (src/main/docker/write-class-archive.sh): what a
            // start loads (and, on JDK 25, how its methods ran) is in it. The embedded database is the
            // service's own, in the data folder the script makes for the run and deletes: it is opened,
            // filled and read as at a first start, so that the classes of a start's database work are in
            // the archive too. No other database is reached.
            if (embedded.fileBacked()) {
                LOG.infof("Started to write the class archive: opening the embedded database in %s, then exiting",
                        config.dataDir());
                bringUp();
            } else {
                LOG.info("Started to write the class archive: exiting before the database is opened");
            }
            Quarkus.asyncExit(0);
            return;
        }
        if (!config.database().startInBackground()) {
            bringUp();
            return;
        }
        thread = new Thread(this::bringUpOrExit, "database-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A stop that comes once the service is ready waits (at most {@link #AFTER_START_WAIT}) for the
     * work after readiness, so that it ends before the pool and the embedded store close under it.
     * A stop during the start itself does not wait for it.
     */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        Thread running = thread;
        if (running == null || !started() || running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(AFTER_START_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warnf("The work after the start did not end within %s; stopping without it", AFTER_START_WAIT);
        }
    }

    public Step step() {
        return step;
    }

    private void bringUpOrExit() {
        try {
            bringUp();
        } catch (RuntimeException e) {
            LOG.errorf("The start failed, exiting: %s", e.getMessage());
            LOG.debug("The start failed", e);
            Quarkus.asyncExit(1);
        }
    }

    private void bringUp() {
        long started = System.nanoTime();
        try {
            step = Step.OPENING;
            try (EmbeddedStore.Held held = embedded.open(config.database().openTimeout())) {
                String database = awaitConnection(config.database().openTimeout());
                step = Step.MIGRATING;
                OptionalInt complete = completeHistory();
                String migrations = complete.isPresent()
                        ? "its history holds all " + complete.getAsInt() + " migrations: Flyway not run"
                        : flyway.migrate().migrationsExecuted + " migrations applied";
                validateMapping();
                LOG.infof("Database ready in %d ms (%s; %s)", (System.nanoTime() - started) / 1_000_000, database,
                        migrations);
            }
            step = Step.LOADING;
            DatabaseReady event = new DatabaseReady();
            ready.fire(event);
            event.awaitAlongside();
            step = Step.READY;
        } catch (RuntimeException e) {
            step = Step.FAILED;
            throw e;
        }
        afterStart.fire(new Started());
    }

    /** Whether the start is over: the database up and what reads it at start (the seed import) done. */
    public boolean started() {
        return step == Step.READY;
    }

    /** Whether the database is open and migrated (what reads it at start may still run). */
    public boolean open() {
        return step == Step.LOADING || step == Step.READY;
    }

    /** The migrations when the schema history holds all of them, as Flyway would find them ({@link FlywayHistory}). */
    private OptionalInt completeHistory() {
        try (Connection connection = dataSource.getConnection()) {
            return FlywayHistory.complete(flyway, connection);
        } catch (SQLException e) {
            return OptionalInt.empty();
        }
    }

    /** Hibernate's check of every entity against the migrated schema: a mismatch stops the start. */
    private void validateMapping() {
        try {
            entityManagers.getSchemaManager().validate();
        } catch (jakarta.persistence.SchemaValidationException e) {
            throw new IllegalStateException("The entities do not match the database schema: " + e.getMessage(), e);
        }
    }

    /**
     * A connection from the pool, retried until {@code timeout}: PostgreSQL may still be starting.
     * Returns the database's name and version.
     */
    private String awaitConnection(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLog = System.nanoTime();
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                return connection.getMetaData().getDatabaseProductName() + " "
                        + connection.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The database did not accept a connection within " + timeout
                            + " (minsheng.database.open-timeout): " + e.getMessage(), e);
                }
                if (System.nanoTime() >= nextLog) {
                    LOG.infof("Waiting for the database: %s", e.getMessage());
                    nextLog = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
                sleep(500);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    @Produces
    @ApplicationScoped
    @Readiness
    HealthCheck database() {
        return () -> HealthCheckResponse.named("database").status(step == Step.READY).withData("step", step.name())
                .build();
    }

    /**
     * The start is over and readiness is UP: what is only logged (the figures of each source, counted
     * over every figure) runs after it, on the database-start thread, so that no probe waits for it.
     */
    public record Started() {
    }

    /**
     * The database is open, migrated and validated: what reads the data at start may run, in the
     * observers' order on the database-start thread, or {@linkplain #alongside beside them}. The start
     * is over (readiness UP) when both are done.
     */
    public static final class DatabaseReady {

        private final List<Future<?>> alongside = new CopyOnWriteArrayList<>();

        /**
         * Runs {@code task} on {@code executor} while the later observers run: for a read that
         * needs what the earlier ones wrote (the seed import) but not what the later ones read.
         */
        public void alongside(ExecutorService executor, Runnable task) {
            alongside.add(executor.submit(task));
        }

        void awaitAlongside() {
            for (Future<?> task : alongside) {
                try {
                    task.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the data at start", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure
                            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }
}
