package org.minsheng.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.SeedFacts;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndUiQuarkusTest {

    @Test
    void healthEndpointsAreUp() {
        for (String probe : new String[] { "live", "ready", "started" }) {
            given().when().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void readinessChecksTheDatabaseAndTheSeedData() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("seed data"))
                .body("checks.find { it.name == 'seed data' }.data.regions", equalTo(SeedFacts.regions()));
    }

    @Test
    void graphiqlOpensOnTheDefaultQuery() {
        String location = given().redirects().follow(false).when().get("/q/graphql-ui/")
                .then().statusCode(302).extract().header("Location");
        assertTrue(location.startsWith("/q/graphql-ui/?query="), location);
        String query = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertEquals(GraphiQLDefaultQuery.defaultQuery(), query);

        given().when().get(location).then().statusCode(200).body(containsString("graphiql"));
        given().redirects().follow(false).when().get("/q/graphql-ui").then().statusCode(302);
    }

    @Test
    void theDefaultQueryRunsAndWalksTheTree() {
        JsonNode data = GraphQL.operationData(GraphiQLDefaultQuery.defaultQuery(), "ProvinceOverview");
        assertEquals("内蒙古自治区", data.at("/region/name").asText());
        assertEquals(SeedFacts.childrenOf("150000"), data.at("/region/children").size());
        assertTrue(data.at("/region/observations/totalCount").asInt() > 0);
        assertTrue(data.at("/region/children/0/programs").size() > 0);
    }

    /** Each example of the analytical queries (docs/analytics.md) is in GraphiQL's default document, as its test sends it. */
    @Test
    void theDefaultDocumentHoldsEachAnalyticalExample() {
        String document = GraphiQLDefaultQuery.defaultQuery();
        for (String example : List.of("ordering-and-value-filters", "series-and-latest", "change", "rollup",
                "rollup-not-additive", "coverage", "search", "languages")) {
            String operation = GraphQL.resource("graphql/operations/" + example + ".graphql");
            assertTrue(document.contains(operation), example + ".graphql differs from its copy in "
                    + GraphiQLDefaultQuery.RESOURCE);
        }
        // The examples run by name from the one document.
        assertEquals(70.8, GraphQL.operationData(document, "SeriesAndLatest").at("/region/latest/value").asDouble());
    }

    @Test
    void schemaIsServed() {
        given().when().get("/graphql/schema.graphql").then().statusCode(200).body(containsString("type Query"));
    }
}
