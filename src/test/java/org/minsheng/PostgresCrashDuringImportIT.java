package org.minsheng;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.CrashDuringImport;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.ServiceProcess;

/**
 * The packaged PostgreSQL service, killed in the middle of a 20,000-figure import over POST /import and
 * once the import answered: each time it starts again at the first attempt within 30 s, with every
 * figure old or every figure new (PostgreSQL rolls back the transaction of the connection that died,
 * so the other kill points of the embedded store's test would test the same thing); the database's
 * size is printed.
 */
@Tag("postgres")
class PostgresCrashDuringImportIT {

    @Test
    void killedDuringAnImportThePostgresServiceStartsAgainWithAllOrNothing() throws Exception {
        String database = "minsheng_crash_it";
        PostgresAdmin.dropDatabase(database);
        PostgresAdmin.ensureDatabase(database);
        try {
            new CrashDuringImport(ServiceProcess.workDir("minsheng-crash"), Map.of(
                    "MINSHENG_DB_URL", PostgresAdmin.url(database),
                    "MINSHENG_DB_USER", PostgresAdmin.USER,
                    "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD),
                    () -> PostgresAdmin.count(database, "select pg_database_size(current_database())"),
                    CrashDuringImport.MID_WRITE_AND_ANSWERED).run();
        } finally {
            PostgresAdmin.dropDatabase(database);
        }
    }
}
