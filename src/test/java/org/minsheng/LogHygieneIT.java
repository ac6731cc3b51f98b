package org.minsheng;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.LogHygiene;
import org.minsheng.support.ServiceProcess;

/** The packaged embedded service answers the bad-input suite without internals, in its answers or its log. */
@Tag("h2")
class LogHygieneIT {

    @Test
    void badRequestsLeaveNoInternalsInTheLog() throws Exception {
        Path dir = ServiceProcess.workDir("minsheng-log");
        try (ServiceProcess service = ServiceProcess.start(dir, Map.of("minsheng.data-dir", dir.resolve("data").toString()),
                Map.of()).awaitReady(Duration.ofSeconds(120))) {
            LogHygiene.sendEveryBadRequestAndReadTheLog(service);
        }
    }
}
