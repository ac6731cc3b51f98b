package org.minsheng.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minsheng.support.BadRequests;
import org.minsheng.support.GraphQL;
import org.minsheng.support.SeedFacts;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bad-input suite ({@link BadRequests}): each request gets a 4xx or a GraphQL error (never a
 * 5xx, never an internal error), within 2 s, with no internals in the body; the service answers a
 * normal query afterwards.
 */
@QuarkusTest
class BadInputQuarkusTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TestHTTPResource("/graphql")
    URI endpoint;

    private static URI lastEndpoint;

    static Stream<BadRequests.Case> cases() {
        return BadRequests.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedCleanlyAndQuickly(BadRequests.Case request) throws Exception {
        lastEndpoint = endpoint;
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.to(endpoint), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000L;
        assertTrue(millis < 2000, request.name() + " took " + millis + " ms");
        BadRequests.assertAnsweredCleanly(request, response);
    }

    @AfterAll
    static void aNormalQueryAnswersAfterwards() throws Exception {
        if (lastEndpoint == null) {
            return;
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(lastEndpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GraphQL.json(Map.of("query",
                        "{ region(code: \"150000\") { name children { code } } }"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = GraphQL.parse(response.body());
        assertEquals("内蒙古自治区", body.at("/data/region/name").asText(), response.body());
        assertEquals(SeedFacts.childrenOf("150000"), body.at("/data/region/children").size());
    }
}
