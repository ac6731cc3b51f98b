package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Rate limiting per client: the RateLimit headers count down, and the request after the last gets 429. */
@QuarkusTest
@TestProfile(RateLimitQuarkusTest.ThreePerMinute.class)
class RateLimitQuarkusTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minsheng.rate-limit.enabled", "true", "minsheng.rate-limit.requests", "3",
                    "minsheng.rate-limit.period", "60s");
        }
    }

    @Test
    void theRequestsWithinTheLimitRunAndTheNextIsRefused() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response response = send();
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals("3", response.header("RateLimit-Limit"));
            assertEquals(Integer.toString(remaining), response.header("RateLimit-Remaining"));
        }
        Response refused = send();
        assertEquals(429, refused.statusCode());
        assertEquals("0", refused.header("RateLimit-Remaining"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("LIMIT_EXCEEDED", GraphQL.parse(refused.asString()).at("/errors/0/extensions/code").asText());
        assertEquals("rate-limit", GraphQL.parse(refused.asString()).at("/errors/0/extensions/limit").asText());
    }

    private static Response send() {
        return given().contentType(ContentType.JSON).body(Map.of("query", "{ __typename }")).when().post("/graphql");
    }
}
