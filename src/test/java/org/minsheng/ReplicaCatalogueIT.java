package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.Multipart;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.Replicas;
import org.minsheng.support.ServiceProcess;
import org.minsheng.support.TestBundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two replicas of the PostgreSQL artifact on one database, each holding the catalogue in memory: a
 * change written through one is read on the other within a second (the notification it sends at
 * commit), and on the one that wrote it at once.
 */
@Tag("postgres")
class ReplicaCatalogueIT {

    private static final String ISSUER = "https://minsheng.test/replicas";

    /** How long a replica may serve the catalogue before a change another replica committed (docs/development.md). */
    private static final long WITHIN_MILLIS = 1000;

    private static final String[] BUNDLE = TestBundle.FILES.toArray(String[]::new);

    private final String database = "minsheng_it_catalogue_" + System.currentTimeMillis();

    @AfterEach
    void dropDatabase() {
        PostgresAdmin.dropDatabase(database);
    }

    @Test
    void aCatalogueChangeThroughOneReplicaIsReadOnTheOtherWithinASecond() throws Exception {
        PostgresAdmin.ensureDatabase(database);
        try (Replicas replicas = Replicas.start(database, ISSUER, "catalogue-test")) {
            ServiceProcess a = replicas.a;
            ServiceProcess b = replicas.b;
            String read = "{ region(code: \"150403\") { name version parent { name } } }";
            JsonNode before = a.graphql(read);
            assertEquals("元宝山区", before.at("/data/region/name").asText(), before.toString());
            assertEquals("元宝山区", b.graphql(read).at("/data/region/name").asText());

            JsonNode renamed = b.graphql("""
                    mutation($input: UpdateRegionInput!) { updateRegion(input: $input) { region { name version } } }""",
                    Map.of("input", Map.of("code", "150403", "version", before.at("/data/region/version").asInt(),
                            "name", "元宝山区（测试）")),
                    replicas.admin);
            long answered = System.nanoTime();
            assertEquals("元宝山区（测试）", renamed.at("/data/updateRegion/region/name").asText(), renamed.toString());
            // The replica that wrote reads its own write at once.
            assertEquals("元宝山区（测试）", b.graphql(read).at("/data/region/name").asText());
            long waited = awaitOn(a, read, "/data/region/name", "元宝山区（测试）", answered);
            assertTrue(waited <= WITHIN_MILLIS, "replica A read the rename " + waited + " ms after B answered");

            // An import through A: its new source is read on A at once and on B within the second.
            Map<String, String> files = seeds();
            files.put("sources.yaml", files.get("sources.yaml") + "- code: replica-bulletin\n  title: 副本测试公报\n"
                    + "  publisher: Minsheng replica test\n  date: 2025-06-30\n  date_precision: DAY\n");
            Multipart parts = new Multipart().files(files);
            HttpResponse<String> imported = a.send(HttpRequest.newBuilder(a.uri("/import"))
                    .header("Content-Type", parts.contentType())
                    .header("Authorization", replicas.admin.get("Authorization"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(parts.bytes())).build());
            long importAnswered = System.nanoTime();
            assertEquals(200, imported.statusCode(), imported.body());
            String source = "{ source(code: \"replica-bulletin\") { title } }";
            assertEquals("副本测试公报", a.graphql(source).at("/data/source/title").asText());
            long importWaited = awaitOn(b, source, "/data/source/title", "副本测试公报", importAnswered);
            assertTrue(importWaited <= WITHIN_MILLIS, "replica B read the import " + importWaited + " ms after A answered");
            // Whatever the import did to the renamed region, both replicas read the same.
            assertEquals(a.graphql(read).at("/data/region/name").asText(), b.graphql(read).at("/data/region/name").asText());
        }
    }

    /** Milliseconds from {@code since} until {@code replica} answers {@code expected} at {@code pointer}; fails after 10 s. */
    private static long awaitOn(ServiceProcess replica, String query, String pointer, String expected, long since)
            throws InterruptedException {
        while (true) {
            JsonNode now = replica.graphql(query);
            long waited = (System.nanoTime() - since) / 1_000_000;
            if (expected.equals(now.at(pointer).asText())) {
                return waited;
            }
            if (waited > 10_000) {
                throw new AssertionError("still " + now + " after 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static Map<String, String> seeds() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : BUNDLE) {
            try {
                files.put(file, Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
