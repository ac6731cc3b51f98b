package org.minsheng.support;

import io.quarkus.test.common.RestAssuredURLManager;

/**
 * HTTP calls to the running application from a class's {@code @BeforeAll} or {@code @AfterAll}
 * (with {@code @TestInstance(PER_CLASS)}): Quarkus points REST Assured at the application only
 * around each test, so a class that makes its own data first, and removes it after, does it here.
 */
public final class OutsideTests {

    private OutsideTests() {
    }

    public static void call(Runnable calls) {
        RestAssuredURLManager.setURL(false);
        try {
            calls.run();
        } finally {
            RestAssuredURLManager.clearURL();
        }
    }
}
