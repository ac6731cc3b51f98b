package org.minsheng.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources for every @QuarkusTest of the suite. */
@QuarkusTestResource(PostgresTestDatabase.class)
@QuarkusTestResource(TestKeys.class)
public final class TestResources {

    private TestResources() {
    }
}
