package org.minsheng.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import io.quarkus.test.junit.QuarkusTest;

/** Prometheus metrics at /q/metrics: GraphQL operation timings, Hibernate and the connection pool. */
@QuarkusTest
class MetricsQuarkusTest {

    private static final Pattern SOURCES_COUNT = Pattern.compile(
            "^minsheng_graphql_requests_seconds_count\\{field=\"sources\",outcome=\"ok\"} ([0-9.]+)", Pattern.MULTILINE);

    @Test
    void aQueryMovesTheGraphQLTimer() {
        double before = sourcesCount(metrics());
        GraphQL.data("{ sources { totalCount } }");
        GraphQL.data("{ sources { totalCount } }");
        assertEquals(before + 2, sourcesCount(metrics()));
    }

    @Test
    void hibernateAndPoolMetricsAreExported() {
        GraphQL.data("{ regions(first: 1) { totalCount } }");
        String metrics = metrics();
        assertTrue(metrics.contains("hibernate_query_executions_total"), "Hibernate statistics");
        assertTrue(metrics.contains("agroal_active_count"), "connection pool");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP server");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sourcesCount(String metrics) {
        Matcher matcher = SOURCES_COUNT.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
