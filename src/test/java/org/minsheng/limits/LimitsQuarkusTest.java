package org.minsheng.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.minsheng.http.GraphQLExecutor;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Every configurable limit, with a request just under it (answered) and one just over it (refused
 * with LIMIT_EXCEEDED naming the limit, its value and the request's figure). The limits are set
 * small by {@link SmallLimitsProfile}; the default ones are in {@code CostLimitQuarkusTest}.
 */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
class LimitsQuarkusTest {

    @Inject
    GraphQLExecutor executor;

    @Test
    void aliases() {
        assertAnswered(GraphQL.execute(aliased(SmallLimitsProfile.ALIASES)));
        assertRefused(GraphQL.execute(aliased(SmallLimitsProfile.ALIASES + 1)), "aliases",
                SmallLimitsProfile.ALIASES, SmallLimitsProfile.ALIASES + 1);
    }

    @Test
    void directives() {
        assertAnswered(GraphQL.execute(directed(SmallLimitsProfile.DIRECTIVES)));
        assertRefused(GraphQL.execute(directed(SmallLimitsProfile.DIRECTIVES + 1)), "directives",
                SmallLimitsProfile.DIRECTIVES, SmallLimitsProfile.DIRECTIVES + 1);
    }

    @Test
    void fieldsOnceFragmentsAreExpanded() {
        // Each spread of F adds F's 10 fields: 5 spreads are 50 fields, 6 are 60.
        assertAnswered(GraphQL.execute(spreads(5)));
        assertRefused(GraphQL.execute(spreads(6)), "fields", SmallLimitsProfile.FIELDS, 60);
    }

    @Test
    void tokens() {
        // Field names would hit the fields limit first, so list values carry the tokens.
        assertAnswered(GraphQL.execute(listTokens(SmallLimitsProfile.TOKENS)));
        JsonNode over = GraphQL.execute(listTokens(SmallLimitsProfile.TOKENS + 1));
        assertEquals("LIMIT_EXCEEDED", over.at("/errors/0/extensions/code").asText(), over.toString());
        assertEquals("tokens", over.at("/errors/0/extensions/limit").asText());
    }

    @Test
    void bodyBytes() {
        String padded = padded(SmallLimitsProfile.BODY_BYTES);
        given().contentType(ContentType.JSON).body(padded).when().post("/graphql").then().statusCode(200);
        String response = given().contentType(ContentType.JSON).body(padded(SmallLimitsProfile.BODY_BYTES + 1))
                .when().post("/graphql").then().statusCode(413).extract().asString();
        JsonNode body = GraphQL.parse(response);
        assertEquals("LIMIT_EXCEEDED", body.at("/errors/0/extensions/code").asText());
        assertEquals("body-bytes", body.at("/errors/0/extensions/limit").asText());
    }

    @Test
    void pageSize() {
        assertAnswered(GraphQL.execute("{ regions(first: 100) { totalCount } }"));
        assertRefused(GraphQL.execute("{ regions(first: 101) { totalCount } }"), "page-size", 100, 101);
    }

    @Test
    void listItems() {
        assertAnswered(GraphQL.execute(codes(SmallLimitsProfile.LIST_ITEMS)));
        assertRefused(GraphQL.execute(codes(SmallLimitsProfile.LIST_ITEMS + 1)), "list-items",
                SmallLimitsProfile.LIST_ITEMS, SmallLimitsProfile.LIST_ITEMS + 1);
    }

    @Test
    void requestedCost() {
        String under = "{ region(code: \"150403103\") { children { children { children { code } } } } }";
        JsonNode answered = GraphQL.execute(under);
        assertAnswered(answered);
        assertEquals(SmallLimitsProfile.COST, answered.at("/extensions/cost/requested").asLong());
        JsonNode over = GraphQL.execute("{ region(code: \"150403103\") { children { children { children { code } } } }"
                + " sources(first: 0) { totalCount } }");
        assertRefused(over, "cost", SmallLimitsProfile.COST, SmallLimitsProfile.COST + 1);
        assertEquals(SmallLimitsProfile.COST + 1, over.at("/extensions/cost/requested").asLong());
    }

    @Test
    void rowsActuallyResolved() {
        // A connection and its 49 counties: 50 objects; one county more is 51.
        JsonNode under = GraphQL.execute("{ regions(level: COUNTY, first: 49) { nodes { code } } }");
        assertAnswered(under);
        assertEquals(50, under.at("/extensions/cost/actual").asLong());
        JsonNode over = GraphQL.execute("{ regions(level: COUNTY, first: 50) { nodes { code } } }");
        assertRefused(over, "rows", SmallLimitsProfile.ROWS, 51);
        assertTrue(over.get("data").isNull(), "a stopped request returns no partial data: " + over);
    }

    /**
     * Thirty counties (31 objects with their connection) ask for their figures and their indicators:
     * two batches that read the database, registered before either runs. The first to run passes
     * the row limit of 50, and the second is then refused before it reads: the spent request
     * resolves the counties' list and one batch, and nothing waits once it is answered.
     */
    @Test
    void aSpentBudgetEndsTheOperationAtOnce() {
        JsonNode over = GraphQL.execute("{ regions(level: COUNTY, first: 30) { nodes { code"
                + " observations(first: 1) { totalCount } indicators(first: 1) { totalCount } } } }");
        assertStoppedByRows(over);
        assertEquals(31 + 30, over.at("/extensions/cost/actual").asLong(), "the list and one batch: " + over);
        assertTrue(idleWithin(2000), "requests still running or waiting: " + executor.running() + " and "
                + executor.queued());
    }

    /**
     * The same thirty counties ask for their parents and ancestors, which the catalogue holds and
     * which resolve one county at a time: the request stops at the object that passes the limit
     * (the seventh county's two ancestors: 31 + 6 × 3 + 1 + 2 = 52), and nothing after it runs.
     */
    @Test
    void relationsFromMemoryStopAtTheObjectThatSpendsTheBudget() {
        JsonNode over = GraphQL.execute("{ regions(level: COUNTY, first: 30) { nodes { code parent { code }"
                + " ancestors { code } } } }");
        assertStoppedByRows(over);
        assertEquals(52, over.at("/extensions/cost/actual").asLong(), over.toString());
    }

    private static void assertStoppedByRows(JsonNode over) {
        JsonNode error = over.at("/errors/0");
        assertEquals("LIMIT_EXCEEDED", error.at("/extensions/code").asText(), over.toString());
        assertEquals("rows", error.at("/extensions/limit").asText(), over.toString());
        assertEquals(1, over.get("errors").size(), over.toString());
        assertTrue(over.get("data").isNull(), over.toString());
    }

    /** Whether the executor's threads are all free within {@code millis} (the answer is written before its thread is). */
    private boolean idleWithin(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (executor.running() + executor.queued() > 0) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private static void assertAnswered(JsonNode response) {
        assertFalse(response.has("errors"), response.toString());
        assertTrue(response.at("/extensions/cost/requested").isNumber(), response.toString());
    }

    private static void assertRefused(JsonNode response, String limit, long maximum, long actual) {
        JsonNode error = response.at("/errors/0");
        assertEquals("LIMIT_EXCEEDED", error.at("/extensions/code").asText(), response.toString());
        assertEquals(limit, error.at("/extensions/limit").asText(), response.toString());
        assertEquals(maximum, error.at("/extensions/maximum").asLong(), response.toString());
        assertEquals(actual, error.at("/extensions/actual").asLong(), response.toString());
        assertTrue(error.get("message").asText().contains("minsheng.limits." + limit), error.toString());
        assertTrue(response.at("/extensions/cost").isObject(), response.toString());
    }

    private static String aliased(int count) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": __typename");
        }
        return query.append(" }").toString();
    }

    private static String directed(int count) {
        return "{" + String.join("", Collections.nCopies(count, " __typename @include(if: true)")) + " }";
    }

    private static String spreads(int count) {
        StringBuilder query = new StringBuilder("query {");
        for (int i = 0; i < count; i++) {
            query.append(" ...F");
        }
        return query.append(" } fragment F on Query {")
                .append(String.join("", Collections.nCopies(10, " __typename"))).append(" }").toString();
    }

    /**
     * A query of exactly {@code tokens} tokens as graphql-java counts them: 20 of structure, the end
     * of the document, and string values split over two lists, each within the list-items limit.
     */
    private static String listTokens(int tokens) {
        int values = tokens - 21;
        return "{ observations(filter: { regionCodes: [" + strings(values / 2) + "] indicatorCodes: ["
                + strings(values - values / 2) + "] }) { totalCount } }";
    }

    private static String strings(int count) {
        return String.join(" ", Collections.nCopies(count, "\"x\""));
    }

    private static String codes(int count) {
        return "{ observations(filter: { regionCodes: [" + String.join(", ", Collections.nCopies(count, "\"150000\""))
                + "] }) { totalCount } }";
    }

    /** A JSON body of exactly {@code bytes} bytes: a small query padded with spaces. */
    private static String padded(int bytes) {
        String json = GraphQL.json(Map.of("query", "{ __typename }"));
        return json.substring(0, json.length() - 1) + " ".repeat(bytes - json.length()) + "}";
    }
}
