package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 64 clients at once, each sending the README's example query, more than the pool has connections:
 * every request is answered, and afterwards every connection is back in the pool and readiness is UP.
 */
@QuarkusTest
class PoolRecoveryQuarkusTest {

    private static final int CLIENTS = 64;
    private static final int REQUESTS_EACH = 10;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sixtyFourClientsAreAllAnsweredAndThePoolDrains() throws Exception {
        String query = GraphQL.resource("graphql/operations/readme-example.graphql");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(clients.submit(() -> {
                int answered = 0;
                for (int r = 0; r < REQUESTS_EACH; r++) {
                    JsonNode data = GraphQL.data(query);
                    answered += data.at("/observations/totalCount").asInt() == 3 ? 1 : 0;
                }
                return answered;
            }));
        }
        int answered = 0;
        for (Future<Integer> result : results) {
            answered += result.get();
        }
        clients.shutdown();
        assertEquals(CLIENTS * REQUESTS_EACH, answered);

        long deadline = System.currentTimeMillis() + 5000;
        while (dataSource.getMetrics().activeCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, dataSource.getMetrics().activeCount(), "connections still in use 5 s after the load");
        assertEquals(0, dataSource.getMetrics().awaitingCount());
        given().when().get("/q/health/ready").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*\\nagroal_active_count\\{[^}]*} 0\\.0\\n.*"), "agroal_active_count is 0");
    }
}
