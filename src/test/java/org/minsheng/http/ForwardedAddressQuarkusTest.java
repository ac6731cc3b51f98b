package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The rate limit counts per client address, and takes the address from X-Forwarded-For only when
 * the request comes from a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, as the
 * production overlay sets it). A client that is not a trusted proxy cannot choose its address.
 */
@QuarkusTest
@TestProfile(ForwardedAddressQuarkusTest.AnotherProxy.class)
class ForwardedAddressQuarkusTest {

    /** Forwarding on, three requests a minute; {@code trusted} names the proxies whose header counts. */
    abstract static class Forwarding implements QuarkusTestProfile {
        abstract String trusted();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minsheng.rate-limit.enabled", "true", "minsheng.rate-limit.requests", "3",
                    "minsheng.rate-limit.period", "60s", "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true", "quarkus.http.proxy.trusted-proxies", trusted());
        }
    }

    /** The tests connect from 127.0.0.1, which is not the trusted proxy here. */
    public static class AnotherProxy extends Forwarding {
        @Override
        String trusted() {
            return "10.11.12.13";
        }
    }

    public static class ThisPeer extends Forwarding {
        @Override
        String trusted() {
            return "127.0.0.1";
        }
    }

    static int send(String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(Map.of("query", "{ __typename }")).when().post("/graphql").statusCode();
    }

    @Test
    void aForwardedAddressIsIgnoredAndEveryRequestCountsAgainstThePeer() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(200, send("203.0.113." + i));
        }
        assertEquals(429, send("203.0.113.4"), "a fourth address in the header does not make a fourth client");
    }
}
