package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.region.RegionLevel;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.SeedFacts;
import org.minsheng.support.ServiceProcess;

/**
 * Two replicas of the PostgreSQL artifact start at once on an empty database: both migrate and
 * become ready, and the seed bundle is imported exactly once.
 */
@Tag("postgres")
class ConcurrentStartIT {

    private final String database = "minsheng_it_" + System.currentTimeMillis();

    @AfterEach
    void dropDatabase() {
        PostgresAdmin.dropDatabase(database);
    }

    @Test
    void twoInstancesOnAnEmptyDatabaseImportTheSeedsOnce() throws Exception {
        PostgresAdmin.ensureDatabase(database);
        Map<String, String> env = Map.of(
                "MINSHENG_DB_URL", PostgresAdmin.url(database),
                "MINSHENG_DB_USER", PostgresAdmin.USER,
                "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        Path dir = ServiceProcess.workDir("minsheng-replicas");
        try (ServiceProcess a = ServiceProcess.start(dir, Map.of(), env);
                ServiceProcess b = ServiceProcess.start(dir, Map.of(), env)) {
            CompletableFuture<ServiceProcess> readyA = CompletableFuture
                    .supplyAsync(() -> a.awaitReady(Duration.ofSeconds(120)));
            CompletableFuture<ServiceProcess> readyB = CompletableFuture
                    .supplyAsync(() -> b.awaitReady(Duration.ofSeconds(120)));
            CompletableFuture.allOf(readyA, readyB).join();

            List<String> lines = List.of(a.logLines("Seed bundle classpath:seeds"), b.logLines("Seed bundle classpath:seeds"))
                    .stream().flatMap(List::stream).toList();
            assertEquals(2, lines.size(), "one seed line per replica:\n" + a.log() + "\n----\n" + b.log());
            assertEquals(1, lines.stream().filter(l -> l.contains(" loaded: " + SeedFacts.regions() + " regions")).count(),
                    lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.contains(" already loaded at ")).count(), lines.toString());

            assertEquals(1, PostgresAdmin.count(database, "select count(*) from seed_import"));
            assertEquals(SeedFacts.observations(), PostgresAdmin.count(database, "select count(*) from observation"));
            assertEquals(SeedFacts.regions(), PostgresAdmin.count(database, "select count(*) from region"));
            long migrations;
            try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                migrations = files.count();
            }
            assertEquals(migrations, PostgresAdmin.count(database, "select count(*) from flyway_schema_history where success"),
                    "each migration applied once");

            for (ServiceProcess replica : List.of(a, b)) {
                assertEquals(SeedFacts.regions(RegionLevel.COUNTY), replica.graphql("{ regions(level: COUNTY) { totalCount } }")
                        .at("/data/regions/totalCount").asInt());
                assertTrue(replica.logLines("Database ready in").stream().anyMatch(line -> line.contains("(PostgreSQL ")),
                        "the replica runs on PostgreSQL:\n" + replica.log());
            }
        }
    }
}
