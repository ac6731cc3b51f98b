package org.minsheng.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minsheng.http.ForwardedAddressQuarkusTest.send;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** From a trusted proxy, X-Forwarded-For names the client: each forwarded address has its own count. */
@QuarkusTest
@TestProfile(ForwardedAddressQuarkusTest.ThisPeer.class)
class ForwardedFromTrustedProxyQuarkusTest {
    @Test
    void eachForwardedClientHasItsOwnCount() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(200, send("198.51.100." + i), "client " + i + " has used one request of three");
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(200, send("198.51.100.1"));
        }
        assertEquals(429, send("198.51.100.1"), "the first client's fourth request");
    }
}
