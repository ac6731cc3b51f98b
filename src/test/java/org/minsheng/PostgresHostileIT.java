package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.minsheng.support.Hostile;
import org.minsheng.support.Hostile.Case;
import org.minsheng.support.HostileCases;
import org.minsheng.support.HostileService;
import org.minsheng.support.PostgresAdmin;

/**
 * The hostile suite's HTTP and WebSocket cases, kills and restarts against the packaged service on
 * PostgreSQL ({@code -Xmx256m}, a database of its own); its table is target/hostile/postgres.md.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresHostileIT {

    private final String database = "minsheng_hostile_" + System.currentTimeMillis();

    private HostileService service;

    @BeforeAll
    void start() {
        PostgresAdmin.ensureDatabase(database);
        service = HostileService.postgres("minsheng-hostile-pg", database);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        PostgresAdmin.dropDatabase(database);
    }

    @TestFactory
    Stream<DynamicTest> hostileSuite() {
        List<Case> cases = new ArrayList<>(HostileCases.all(service));
        cases.addAll(HostileCases.restarts(service));
        cases.add(new Case("log", "the service's log of the whole run", "no stack trace, no exception type, no "
                + "OutOfMemoryError", () -> assertEquals(List.of(), Hostile.stackTraces(service.logs()))));
        return Hostile.tests("postgres", cases);
    }
}
