package org.minsheng.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For the PostgreSQL run of the suite (test profiles "pg,pg-test"): makes sure the test database
 * exists before the application starts, and points the application at it. Does nothing on H2.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "minsheng_test";

    @Override
    public Map<String, String> start() {
        String profile = System.getProperty("quarkus.test.profile", "");
        if (!profile.contains("pg-test")) {
            return Map.of();
        }
        PostgresAdmin.ensureDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", PostgresAdmin.url(DATABASE),
                "quarkus.datasource.username", PostgresAdmin.USER,
                "quarkus.datasource.password", PostgresAdmin.PASSWORD);
    }

    @Override
    public void stop() {
        // the database is kept; Flyway cleans it at the next start
    }
}
