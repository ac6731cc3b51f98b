package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With one executor thread and a queue of one, two requests at a time are served (one runs, one
 * waits) and a burst beyond that is answered SERVICE_UNAVAILABLE at once, with Retry-After. (The
 * large-request lane is the same {@link BoundedExecutor}; its 503s show in the heavy load of CI.)
 */
@QuarkusTest
@TestProfile(QueueQuarkusTest.OneAtATime.class)
class QueueQuarkusTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minsheng.limits.concurrency", "1", "minsheng.limits.queue", "1");
        }
    }

    private static final String QUERY = "{ regions(first: 30) { nodes { code name children { code name } } } }";

    @Test
    void twoAtATimeAreServed() throws Exception {
        waitUntilIdle();
        for (Response response : burst(2)) {
            assertEquals(200, response.statusCode(), response.asString());
        }
    }

    @Test
    void aBurstBeyondTheQueueIsRefusedAtOnce() throws Exception {
        List<Response> responses = burst(24);
        long served = responses.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> refused = responses.stream().filter(r -> r.statusCode() == 503).toList();
        assertEquals(responses.size(), served + refused.size(), "only 200 and 503 answers");
        assertTrue(served >= 2, served + " served");
        assertTrue(!refused.isEmpty(), "nothing refused");
        Response one = refused.get(0);
        assertEquals("5", one.header("Retry-After"));
        assertEquals("SERVICE_UNAVAILABLE", GraphQL.parse(one.asString()).at("/errors/0/extensions/code").asText());
        assertTrue(one.asString().contains("minsheng.limits.queue"), one.asString());
    }

    /** Until no request of an earlier test runs or waits (readiness details of the executor). */
    private static void waitUntilIdle() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String ready = given().when().get("/q/health/ready").then().extract().asString();
            JsonNode executor = GraphQL.parse(ready).at("/checks").findParents("name").stream()
                    .filter(check -> check.get("name").asText().equals("graphql executor")).findFirst().orElseThrow();
            if (executor.at("/data/running").asInt() == 0 && executor.at("/data/queued").asInt() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the executor did not become idle");
    }

    private static List<Response> burst(int size) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(size);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            futures.add(clients.submit(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("query", QUERY)).when().post("/graphql").then().extract().response()));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        clients.shutdown();
        return responses;
    }
}
