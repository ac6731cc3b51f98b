package org.minsheng.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A start skips Flyway only when its history holds every migration of the build as Flyway would
 * find it; each change below (made in a transaction that is rolled back) sends the start to Flyway.
 */
@QuarkusTest
class FlywayHistoryQuarkusTest {

    private static final String HISTORY = "\"flyway_schema_history\"";

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCompleteHistoryIsKnownAndEveryOtherOneIsLeftToFlyway() throws SQLException {
        int migrations = flyway.info().applied().length;
        assertTrue(migrations >= 9, "the migrations of the build are applied: " + migrations);
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(OptionalInt.of(migrations), FlywayHistory.complete(flyway, connection));
        }
        String last = "(select max(\"installed_rank\") from " + HISTORY + ")";
        assertLeftToFlyway("a file changed since it was applied",
                "update " + HISTORY + " set \"checksum\" = \"checksum\" + 1 where \"installed_rank\" = " + last);
        assertLeftToFlyway("a migration not applied yet", "delete from " + HISTORY + " where \"installed_rank\" = " + last);
        assertLeftToFlyway("a migration that failed",
                "update " + HISTORY + " set \"success\" = false where \"installed_rank\" = " + last);
        assertLeftToFlyway("a migration the build does not carry", "insert into " + HISTORY + " (\"installed_rank\","
                + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\","
                + " \"execution_time\", \"success\") select max(\"installed_rank\") + 1, '999', 'elsewhere', 'SQL',"
                + " 'db/migration/V999__elsewhere.sql', 1, 'test', current_timestamp, 1, true from " + HISTORY);
        Flyway elsewhere = Flyway.configure().configuration(flyway.getConfiguration()).table("no_history_here").load();
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(OptionalInt.empty(), FlywayHistory.complete(elsewhere, connection), "no history (a first start)");
        }
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(OptionalInt.of(migrations), FlywayHistory.complete(flyway, connection), "all rolled back");
        }
    }

    private void assertLeftToFlyway(String what, String change) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(change);
                assertEquals(OptionalInt.empty(), FlywayHistory.complete(flyway, connection), what);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
