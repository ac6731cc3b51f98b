package org.minsheng.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

import io.quarkus.flyway.runtime.QuarkusPathLocationScanner;

/**
 * Whether Flyway would find nothing to do: its schema history holds exactly the versioned SQL
 * migrations this build carries, each applied with success and with the checksum Flyway computes for
 * its file (the same calculation, over the same resources). A restart then does not run Flyway, whose
 * own start, detection of the database, lock and two reads of the history took about 0.25 s of a
 * restart on PostgreSQL. In every other case (the first start, a new migration, a file changed since
 * it was applied, a failed or unknown row, Java or repeatable migrations, a history that cannot be
 * read) Flyway runs as always, and it is Flyway that applies, validates and refuses.
 */
public final class FlywayHistory {

    /** Rows Flyway writes when it creates its history table or a schema, not migrations. */
    private static final java.util.Set<String> MARKERS = java.util.Set.of("TABLE", "SCHEMA");

    private FlywayHistory() {
    }

    /** How many migrations the history holds when it is complete; empty when Flyway must run. */
    public static OptionalInt complete(Flyway flyway, Connection connection) {
        Configuration configuration = flyway.getConfiguration();
        QuarkusPathLocationScanner scanner = new QuarkusPathLocationScanner(configuration,
                Arrays.asList(configuration.getLocations()));
        if (!scanner.scanForClasses().isEmpty()) {
            return OptionalInt.empty();
        }
        Map<String, Integer> carried = new HashMap<>();
        for (LoadableResource resource : scanner.scanForResources()) {
            String name = resource.getFilename();
            if (!name.startsWith(configuration.getSqlMigrationPrefix())
                    || !name.contains(configuration.getSqlMigrationSeparator())) {
                return OptionalInt.empty();
            }
            carried.put(resource.getRelativePath(), ChecksumCalculator.calculate(resource));
        }
        String table = quoted(configuration.getTable());
        if (configuration.getDefaultSchema() != null) {
            table = quoted(configuration.getDefaultSchema()) + "." + table;
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement
                        .executeQuery("select \"script\", \"checksum\", \"success\", \"type\" from " + table)) {
            while (rows.next()) {
                String script = rows.getString(1);
                int checksum = rows.getInt(2);
                boolean noChecksum = rows.wasNull();
                boolean success = rows.getBoolean(3);
                String type = rows.getString(4);
                if (MARKERS.contains(type) && success) {
                    continue;
                }
                if (noChecksum || !success || !"SQL".equals(type) || applied.put(script, checksum) != null) {
                    return OptionalInt.empty();
                }
            }
        } catch (SQLException e) {
            // No history yet (a first start), or one this check does not know how to read: Flyway's to say.
            rollbackQuietly(connection);
            return OptionalInt.empty();
        }
        return !carried.isEmpty() && Objects.equals(applied, carried) ? OptionalInt.of(carried.size())
                : OptionalInt.empty();
    }

    /** Flyway creates its table and columns under quoted lower-case names, on H2 as on PostgreSQL. */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A failed statement leaves a PostgreSQL transaction unusable: begin again, if one was open. */
    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection goes back to the pool, which resets it
        }
    }
}
