package org.minsheng;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.CrashDuringImport;
import org.minsheng.support.ServiceProcess;

/**
 * The packaged service on its embedded store, killed at several points of a 20,000-figure import
 * over POST /import: each time it starts again at the first attempt within 30 s, waiting for H2 to
 * roll the import back, with every figure old or every figure new; the store's size is printed.
 */
@Tag("h2")
class CrashDuringImportIT {

    @Test
    void killedDuringAnImportTheEmbeddedServiceStartsAgainWithAllOrNothing() throws Exception {
        Path dir = ServiceProcess.workDir("minsheng-crash");
        Path store = dir.resolve("data/minsheng.mv.db");
        new CrashDuringImport(dir, Map.of("MINSHENG_DATA_DIR", dir.resolve("data").toString()), () -> {
            try {
                return Files.exists(store) ? Files.size(store) : 0L;
            } catch (IOException e) {
                return -1L;
            }
        }).run();
    }
}
