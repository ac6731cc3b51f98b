package org.minsheng;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.LogHygiene;
import org.minsheng.support.PostgresAdmin;
import org.minsheng.support.ServiceProcess;

/**
 * The packaged PostgreSQL service, with its production log settings (INFO, JSON), answers the
 * bad-input suite without internals, in its answers or its log.
 */
@Tag("postgres")
class PostgresLogHygieneIT {

    private final String database = "minsheng_log_" + System.currentTimeMillis();

    @AfterEach
    void dropDatabase() {
        PostgresAdmin.dropDatabase(database);
    }

    @Test
    void badRequestsLeaveNoInternalsInTheLog() throws Exception {
        PostgresAdmin.ensureDatabase(database);
        Path dir = ServiceProcess.workDir("minsheng-log");
        Map<String, String> env = Map.of("MINSHENG_DB_URL", PostgresAdmin.url(database),
                "MINSHENG_DB_USER", PostgresAdmin.USER, "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD);
        try (ServiceProcess service = ServiceProcess.start(dir, Map.of(), env).awaitReady(Duration.ofSeconds(120))) {
            LogHygiene.sendEveryBadRequestAndReadTheLog(service);
        }
    }
}
