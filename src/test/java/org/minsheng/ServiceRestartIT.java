package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.region.RegionLevel;
import org.minsheng.support.SeedFacts;
import org.minsheng.support.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged service on its embedded database, as the README runs it: it starts from any
 * directory, loads the seeds once, and keeps them across a restart on the same data directory.
 */
@Tag("h2")
class ServiceRestartIT {

    private static final String QUERY = """
            {
              region(code: "150000") { name children { code name nameEn } }
              counties: regions(level: COUNTY) { totalCount }
              townships: regions(level: TOWNSHIP) { totalCount }
              observations { totalCount }
              programs { totalCount }
            }""";

    @Test
    void restartOnTheSameDataDirectoryKeepsTheDataAndLoadsNothingTwice() throws Exception {
        Path workingDir = ServiceProcess.workDir("minsheng-run");
        Path dataDir = workingDir.resolve("state");
        Map<String, String> properties = Map.of("minsheng.data-dir", dataDir.toString());

        JsonNode first;
        String importedAt;
        try (ServiceProcess service = ServiceProcess.start(workingDir, properties, Map.of())) {
            service.awaitReady(Duration.ofSeconds(90));
            first = service.graphql(QUERY);
            List<String> loaded = service.logLines("Seed bundle classpath:seeds");
            assertEquals(1, loaded.size(), service.log());
            assertTrue(
                    loaded.get(0).contains(" loaded: " + SeedFacts.summary()),
                    loaded.get(0));
            importedAt = seedImportedAt(service);
            List<String> database = service.logLines("Database ready in ");
            assertTrue(database.size() == 1 && database.get(0).contains(" migrations applied)"),
                    "the first start runs Flyway: " + database);
            assertEquals(302, service.get("/q/graphql-ui/").statusCode(), "GraphiQL opens on the default query");
            assertEquals(200, service.get("/q/graphql-ui/?query=%7Bsources%7BtotalCount%7D%7D").statusCode(),
                    "GraphiQL is served by the production build too");
            assertEquals(200, service.get("/graphql/schema.graphql").statusCode());
            int exit = service.stop();
            assertTrue(exit == 0 || exit == 143, "SIGTERM ends the JVM with 143; got " + exit);
            assertEquals(1, service.logLines("minsheng ").stream().filter(l -> l.contains(" stopped in ")).count(),
                    "Quarkus shut down in order:\n" + service.log());
        }
        assertEquals("内蒙古自治区", first.at("/data/region/name").asText());
        assertEquals(SeedFacts.childrenOf("150000"), first.at("/data/region/children").size());
        assertEquals("Hohhot", first.at("/data/region/children/0/nameEn").asText());
        assertEquals(SeedFacts.regions(RegionLevel.COUNTY), first.at("/data/counties/totalCount").asInt());
        assertEquals(SeedFacts.regions(RegionLevel.TOWNSHIP), first.at("/data/townships/totalCount").asInt());
        assertTrue(Files.exists(dataDir.resolve("minsheng.mv.db")), "the database lives in the data directory");

        try (ServiceProcess again = ServiceProcess.start(workingDir, properties, Map.of())) {
            again.awaitReady(Duration.ofSeconds(90));
            List<String> loaded = again.logLines("Seed bundle classpath:seeds");
            assertEquals(1, loaded.size(), again.log());
            assertTrue(loaded.get(0).contains("already loaded at " + importedAt), loaded.get(0));
            assertTrue(loaded.get(0).endsWith("; nothing imported"), loaded.get(0));
            List<String> database = again.logLines("Database ready in ");
            assertTrue(database.size() == 1 && database.get(0).contains(": Flyway not run)"),
                    "a restart finds every migration applied and does not run Flyway: " + database);
            // Counted once the service is ready, after readiness turned UP.
            again.awaitStartWork(Duration.ofSeconds(30));
            List<String> figures = again.logLines("Figures by source: ");
            assertEquals(1, figures.size(), again.log());
            assertTrue(figures.get(0).contains("census-2020: ") && figures.get(0).contains(" regions × "),
                    figures.get(0));
            assertEquals(first, again.graphql(QUERY), "same data after the restart");
            assertEquals(importedAt, seedImportedAt(again), "the import of the first start is still the latest");
        }

        // Stopped as soon as it is ready (Kubernetes may do so): the work after readiness, the count
        // of the figures, ends before the pool and the store close, and nothing fails on the way out.
        try (ServiceProcess third = ServiceProcess.start(workingDir, properties, Map.of())) {
            third.awaitReady(Duration.ofSeconds(90));
            int exit = third.stop();
            assertTrue(exit == 0 || exit == 143, "SIGTERM ends the JVM with 143; got " + exit);
            String log = third.log();
            int counted = log.indexOf("Figures by source: census-2020: ");
            int closed = log.indexOf("Embedded store compacted and closed");
            assertTrue(counted >= 0 && closed > counted, "the count ends before the store closes:\n" + log);
            // From Quarkus' "started" on (the line before it, on Hibernate's unsupported properties, is at every start).
            assertEquals(List.of(),
                    log.substring(log.indexOf(" started in ")).lines()
                            .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList(),
                    "a stop at readiness logs no failure");
        }
    }

    private static String seedImportedAt(ServiceProcess service) {
        for (JsonNode check : service.getJson("/q/health/ready").get("checks")) {
            if (check.get("name").asText().equals("seed data")) {
                return check.at("/data/importedAt").asText();
            }
        }
        throw new AssertionError("no seed data check");
    }
}
