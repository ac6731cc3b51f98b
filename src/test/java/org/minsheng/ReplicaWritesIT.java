package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.Replicas;
import org.minsheng.support.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two replicas of the PostgreSQL artifact on one database, each sent an update of the same figure
 * at the same version at the same moment: one wins, the other answers CONFLICT, and no update is
 * lost, however the two interleave.
 */
@Tag("postgres")
class ReplicaWritesIT {

    private static final String ISSUER = "https://minsheng.test/replicas";

    private final String database = "minsheng_it_writes_" + System.currentTimeMillis();

    @AfterEach
    void dropDatabase() {
        PostgresAdmin.dropDatabase(database);
    }

    @Test
    void concurrentUpdatesOfOneVersionOnTwoReplicasLoseNothing() throws Exception {
        PostgresAdmin.ensureDatabase(database);
        try (Replicas replicas = Replicas.start(database, ISSUER, "replica-test")) {
            ServiceProcess a = replicas.a;
            ServiceProcess b = replicas.b;
            Map<String, String> auth = replicas.editor;
            JsonNode bulletin = a.graphql("""
                    mutation { createSource(input: {code: "test-bulletin", title: "测试公报"}) { source { code version } } }""",
                    Map.of(), auth);
            assertEquals(0, bulletin.at("/data/createSource/source/version").asInt(), bulletin.toString());
            Map<String, Object> figure = new HashMap<>(Map.of("indicatorCode", "employment.gig_markets",
                    "regionCode", "150302", "periodStart", "2019-01-01", "periodEnd", "2019-12-31", "value", 2,
                    "qualifier", "EXACT", "sourceCode", "test-bulletin", "quote", "海勃湾区建成零工市场2个"));
            JsonNode created = a.graphql(
                    """
                            mutation($input: CreateObservationInput!) { createObservation(input: $input) { observation { id version } } }""",
                    Map.of("input", figure), auth);
            String id = created.at("/data/createObservation/observation/id").asText();
            assertEquals(0, created.at("/data/createObservation/observation/version").asInt(), created.toString());

            String update = """
                    mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { observation { version value } } }""";
            int rounds = 5;
            for (int version = 0; version < rounds; version++) {
                int v = version;
                List<JsonNode> results = race(a, b, update, replica -> {
                    int value = replica == a ? 10 + v : 20 + v;
                    return Map.of("id", id, "version", v, "value", value, "quote", "海勃湾区建成零工市场" + value + "个");
                }, auth, "round " + v);
                JsonNode winner = results.stream().filter(r -> !r.has("errors")).findFirst().orElseThrow();
                assertEquals(v + 1, winner.at("/data/updateObservation/observation/version").asInt());
                // Both replicas read what the winner wrote.
                for (ServiceProcess replica : List.of(a, b)) {
                    JsonNode now = replica.graphql("query($id: ID!) { node(id: $id) { ... on Observation { value version } } }",
                            Map.of("id", id), Map.of());
                    assertEquals(winner.at("/data/updateObservation/observation/value").asInt(),
                            now.at("/data/node/value").asInt());
                    assertEquals(v + 1, now.at("/data/node/version").asInt());
                }
            }
            // The same for a source: one replica's title wins, the other answers CONFLICT.
            List<JsonNode> titles = race(a, b, """
                    mutation($input: UpdateSourceInput!) { updateSource(input: $input) { source { version title } } }""",
                    replica -> Map.of("code", "test-bulletin", "version", 0, "title", replica == a ? "公报甲" : "公报乙"),
                    auth, "source");
            JsonNode title = titles.stream().filter(r -> !r.has("errors")).findFirst().orElseThrow();
            assertEquals(1, title.at("/data/updateSource/source/version").asInt());
            // Sources are catalogue: each replica holds them in memory and reads a change another
            // replica committed within a second of its commit.
            long committed = System.nanoTime();
            for (ServiceProcess replica : List.of(a, b)) {
                String expected = title.at("/data/updateSource/source/title").asText();
                String read;
                do {
                    read = replica.graphql("{ source(code: \"test-bulletin\") { title } }", Map.of(), Map.of())
                            .at("/data/source/title").asText();
                } while (!read.equals(expected) && System.nanoTime() - committed < 1_000_000_000L);
                assertEquals(expected, read);
            }
            assertEquals(1 + rounds,
                    PostgresAdmin.count(database, "select count(*) from revision where entity_type = 'Observation'"),
                    "the creation and one revision per round: no update was lost or applied twice");
        }
    }

    /**
     * Sends {@code mutation} to both replicas at the same moment, each with its input; asserts
     * that one wins and the other answers CONFLICT, and returns both answers.
     */
    private static List<JsonNode> race(ServiceProcess a, ServiceProcess b, String mutation,
            Function<ServiceProcess, Map<String, Object>> input, Map<String, String> auth, String what) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (ServiceProcess replica : List.of(a, b)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return replica.graphql(mutation, Map.of("input", input.apply(replica)), auth);
            }));
        }
        start.countDown();
        List<JsonNode> results = answers.stream().map(CompletableFuture::join).toList();
        long won = results.stream().filter(r -> !r.has("errors")).count();
        long conflicts = results.stream().filter(r -> "CONFLICT".equals(r.at("/errors/0/extensions/code").asText()))
                .count();
        assertEquals(1, won, what + ": " + results);
        assertEquals(1, conflicts, what + ": " + results);
        return results;
    }
}
