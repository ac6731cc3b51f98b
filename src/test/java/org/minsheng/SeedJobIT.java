package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.SeedFacts;
import org.minsheng.support.ServiceProcess;

/**
 * The production flow of deploy/overlays/production: replicas that do not import stay unready
 * until the seed Job has imported the bundle and exited, then serve it.
 */
@Tag("postgres")
class SeedJobIT {

    private final String database = "minsheng_job_" + System.currentTimeMillis();

    @AfterEach
    void dropDatabase() {
        PostgresAdmin.dropDatabase(database);
    }

    @Test
    void replicasBecomeReadyOnceTheSeedJobHasRun() throws Exception {
        PostgresAdmin.ensureDatabase(database);
        Map<String, String> env = new HashMap<>(Map.of(
                "MINSHENG_DB_URL", PostgresAdmin.url(database),
                "MINSHENG_DB_USER", PostgresAdmin.USER,
                "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        Path dir = ServiceProcess.workDir("minsheng-job");

        Map<String, String> replicaEnv = new HashMap<>(env);
        replicaEnv.put("MINSHENG_SEED_ON_START", "false");
        try (ServiceProcess replica = ServiceProcess.start(dir, Map.of(), replicaEnv)) {
            // DOWN first while the database opens and migrates, then DOWN for want of a seed import.
            awaitStatus(replica, 503);
            awaitReadiness(replica, "no seed bundle imported yet");
            assertEquals(503, replica.readyStatus());
            assertEquals(200, replica.get("/q/health/started").statusCode(), "started: nothing to import at start");

            Map<String, String> jobEnv = new HashMap<>(env);
            jobEnv.put("MINSHENG_SEED_ON_START", "true");
            jobEnv.put("MINSHENG_SEED_EXIT_AFTER_IMPORT", "true");
            try (ServiceProcess job = ServiceProcess.start(dir, Map.of(), jobEnv)) {
                assertEquals(0, job.awaitExit(Duration.ofSeconds(120)), job.log());
                assertEquals(1, job.logLines(" loaded: " + SeedFacts.regions() + " regions").size(), job.log());
            }
            awaitStatus(replica, 200);
            assertEquals(SeedFacts.observations(),
                    replica.graphql("{ observations { totalCount } }").at("/data/observations/totalCount").asInt());
            assertEquals(1, replica.logLines("Seed import at start is off").size());
        }
        assertEquals(1, PostgresAdmin.count(database, "select count(*) from seed_import"));
    }

    private static void awaitReadiness(ServiceProcess service, String text) throws InterruptedException {
        for (int i = 0; i < 480; i++) {
            if (service.getJson("/q/health/ready").toString().contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never said " + text + ":\n" + service.log());
    }

    private static void awaitStatus(ServiceProcess service, int status) throws InterruptedException {
        for (int i = 0; i < 480; i++) {
            if (service.readyStatus() == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never answered " + status + ":\n" + service.log());
    }
}
