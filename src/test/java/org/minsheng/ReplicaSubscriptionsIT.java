package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQLSocket;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.ServiceProcess;
import org.minsheng.support.TestKeys;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.jwt.build.Jwt;

/**
 * Two replicas of the PostgreSQL artifact on one database: a subscriber on one hears, within a
 * second, a change made through the other (PostgreSQL LISTEN/NOTIFY), and only the changes its
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
        KeyPair keys = TestKeys.generate();
        Path dir = Files.createTempDirectory("minsheng-live");
        Path publicKey = dir.resolve("public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Map<String, String> env = Map.of(
                "MINSHENG_DB_URL", PostgresAdmin.url(database),
                "MINSHENG_DB_USER", PostgresAdmin.USER,
                "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString(),
                "MINSHENG_JWT_ISSUER", ISSUER,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        String token = Jwt.issuer(ISSUER).subject("live-test").groups(Set.of("editor"))
                .expiresIn(Duration.ofHours(1)).sign(keys.getPrivate());
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        try (ServiceProcess a = ServiceProcess.start(dir, Map.of(), env);
                ServiceProcess b = ServiceProcess.start(dir, Map.of(), env)) {
            a.awaitReady(Duration.ofSeconds(120));
            b.awaitReady(Duration.ofSeconds(120));
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

                String create = """
                        mutation($input: CreateObservationInput!) { createObservation(input: $input) { observation { id } } }""";
                JsonNode elsewhere = b.graphql(create, Map.of("input", figure("150303", "海南区", 3)), auth);
                assertTrue(!elsewhere.has("errors"), elsewhere.toString());
                long start = System.nanoTime();
                JsonNode here = b.graphql(create, Map.of("input", figure("150302", "海勃湾区", 4)), auth);
                assertTrue(!here.has("errors"), here.toString());
                JsonNode next = subscriber.next(1.0);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertNotNull(next, "the change made on replica B reaches A's subscriber within 1 s");
                JsonNode change = next.at("/payload/data/observationChanged");
                assertEquals("CREATED", change.get("action").asText(), next.toString());
                assertEquals(here.at("/data/createObservation/observation/id").asText(),
                        change.at("/observation/id").asText());
                assertTrue(change.at("/observation/display").asText().contains("4"), next.toString());
                assertEquals("Haibowan Qu", change.at("/observation/region/name").asText(), next.toString());
                assertEquals("live-test", change.at("/revision/by").asText());
                assertTrue(millis < 1000, millis + " ms");
                assertNull(subscriber.next(0.5), "the figure outside Haibowan is not delivered");
            }
        }
    }

    private static Map<String, Object> figure(String region, String name, int value) {
        Map<String, Object> input = new HashMap<>();
        input.put("indicatorCode", "employment.gig_markets");
        input.put("regionCode", region);
        input.put("periodStart", "2019-01-01");
        input.put("periodEnd", "2019-12-31");
        input.put("value", value);
        input.put("qualifier", "AT_LEAST");
        input.put("sourceCode", "live-test");
        input.put("quote", name + "建成零工市场" + value + "个以上");
        return input;
    }
}
