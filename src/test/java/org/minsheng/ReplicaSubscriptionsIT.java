package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.live.SubscriptionsQuarkusTest;
import org.minsheng.support.GraphQLSocket;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.Replicas;
import org.minsheng.support.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two replicas of the PostgreSQL artifact on one database: a subscriber on one hears a
 * change made through the other (PostgreSQL LISTEN/NOTIFY), and only the changes its
 * filter selects.
 */
@Tag("postgres")
class ReplicaSubscriptionsIT {

    private static final String ISSUER = "https://minsheng.test/live";

    private final String database = "minsheng_it_live_" + System.currentTimeMillis();

    @AfterEach
    void dropDatabase() {
        PostgresAdmin.dropDatabase(database);
    }

    @Test
    void aChangeOnOneReplicaReachesSubscribersOnTheOther() throws Exception {
        PostgresAdmin.ensureDatabase(database);
        try (Replicas replicas = Replicas.start(database, ISSUER, "live-test")) {
            ServiceProcess a = replicas.a;
            ServiceProcess b = replicas.b;
            Map<String, String> auth = replicas.editor;
            JsonNode bulletin = b.graphql("""
                    mutation { createSource(input: {code: "live-test", title: "实时测试"}) { source { code } } }""",
                    Map.of(), auth);
            assertTrue(!bulletin.has("errors"), bulletin.toString());
            URI socket = URI.create(a.uri("/graphql").toString().replaceFirst("^http", "ws"));
            try (GraphQLSocket subscriber = GraphQLSocket.open(socket, Map.of("Accept-Language", "en"))) {
                subscriber.subscribe("haibowan", """
                        subscription($filter: ObservationFilter) { observationChanged(filter: $filter) {
                          action observation { id value display region { code name } } revision { by } } }""",
                        Map.of("filter", Map.of("within", "150302")));
                assertNull(subscriber.next(0.5), "nothing before a change");
                awaitListening(a);

                String create = """
                        mutation($input: CreateObservationInput!) { createObservation(input: $input) { observation { id } } }""";
                JsonNode elsewhere = b.graphql(create, Map.of("input", SubscriptionsQuarkusTest.figure("150303", "海南区", 3)),
                        auth);
                assertTrue(!elsewhere.has("errors"), elsewhere.toString());
                long start = System.nanoTime();
                JsonNode here = b.graphql(create, Map.of("input", SubscriptionsQuarkusTest.figure("150302", "海勃湾区", 4)), auth);
                assertTrue(!here.has("errors"), here.toString());
                // Delivery is what is tested; its time is printed, not judged (a busy machine delays it).
                JsonNode next = subscriber.next(10.0);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertNotNull(next, "the change made on replica B reaches A's subscriber (waited 10 s)");
                System.out.printf("replica subscriptions: the change reached the other replica's subscriber in %d ms%n",
                        millis);
                JsonNode change = next.at("/payload/data/observationChanged");
                assertEquals("CREATED", change.get("action").asText(), next.toString());
                assertEquals(here.at("/data/createObservation/observation/id").asText(),
                        change.at("/observation/id").asText());
                assertTrue(change.at("/observation/display").asText().contains("4"), next.toString());
                assertEquals("Haibowan Qu", change.at("/observation/region/name").asText(), next.toString());
                assertEquals("live-test", change.at("/revision/by").asText());
                assertNull(subscriber.next(0.5), "the figure outside Haibowan is not delivered");
            }
        }
    }

    /**
     * Until the subscription is attached to replica A's change feed (its gauge), so that the writes
     * below are not made before it listens: on a busy machine that can take more than the half second
     * above.
     */
    private static void awaitListening(ServiceProcess a) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            String metrics = a.get("/q/metrics").body();
            if (metrics.lines().anyMatch(l -> l.startsWith("minsheng_live_listeners") && !l.endsWith(" 0.0"))) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the subscription attached to replica A's change feed within 30 s");
            Thread.sleep(50);
        }
    }
}
