package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code GET /graphql?query=…} for anonymous queries: an ETag and {@code Cache-Control: public,
 * max-age}, so a CDN can keep the answer; a conditional GET answers 304 until the data change.
 */
@QuarkusTest
class CachedReadsQuarkusTest {

    private static final String QUERY = "{ sources(first: 100) { totalCount nodes { code title } } }";

    private static Response get(String query, Map<String, String> headers) {
        return given().accept("application/graphql-response+json").headers(headers).queryParam("query", query)
                .get("/graphql");
    }

    @Test
    void aConditionalGetAnswers304UntilTheDataChange() {
        Response first = get(QUERY, Map.of());
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("W/\""), String.valueOf(etag));
        assertEquals("public, max-age=60", first.header("Cache-Control"));
        assertEquals("Accept, Accept-Language, Authorization", first.header("Vary"));

        Response unchanged = get(QUERY, Map.of("If-None-Match", etag));
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.asString());
        assertEquals(etag, unchanged.header("ETag"));
        assertEquals(304, get(QUERY, Map.of("If-None-Match", "\"other\", " + etag)).statusCode(), "a list of tags");

        // Another document, another language: another tag.
        assertNotEquals(etag, get("{ sources(first: 1) { totalCount } }", Map.of()).header("ETag"));
        assertNotEquals(etag, get(QUERY, Map.of("Accept-Language", "en")).header("ETag"));

        // A write through the API changes the data, and so the tag: the same conditional GET now answers 200.
        String editor = Tokens.of("carol@example.org", "editor");
        JsonNode created = GraphQL.execute("""
                mutation { createSource(input: {code: "cache-test", title: "缓存测试"}) { source { code } } }""",
                Map.of(), Map.of("Authorization", "Bearer " + editor));
        assertTrue(!created.has("errors"), created::toString);
        try {
            Response changed = get(QUERY, Map.of("If-None-Match", etag));
            assertEquals(200, changed.statusCode());
            assertNotEquals(etag, changed.header("ETag"));
            assertTrue(changed.asString().contains("cache-test"), changed.asString());
            assertEquals(304, get(QUERY, Map.of("If-None-Match", changed.header("ETag"))).statusCode());
        } finally {
            GraphQL.execute("""
                    mutation { deleteSource(input: {code: "cache-test", version: 0}) { deletedSourceId } }""", Map.of(),
                    Map.of("Authorization", "Bearer " + editor));
        }
    }

    @Test
    void answersWithCredentialsOrErrorsAreNotForSharedCaches() {
        String reader = Tokens.of("dave@example.org", "editor");
        Response withCredentials = get(QUERY, Map.of("Authorization", "Bearer " + reader));
        assertEquals(200, withCredentials.statusCode());
        assertNull(withCredentials.header("ETag"));
        assertEquals("no-store", withCredentials.header("Cache-Control"));

        Response failed = get("{ observations(filter: {from: \"2025-02-01\", to: \"2025-01-01\"}) { totalCount } }",
                Map.of());
        assertTrue(failed.asString().contains("errors"), failed.asString());
        assertNull(failed.header("ETag"));
        assertEquals("no-store", failed.header("Cache-Control"));

        assertNull(given().contentType("application/json").body(Map.of("query", QUERY)).post("/graphql").header("ETag"),
                "POST answers carry no tag");
    }
}
