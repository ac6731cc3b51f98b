package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.ServiceProcess;

/**
 * The class archive the JVM image writes as it is built (src/main/docker/write-class-archive.sh):
 * written without a database, and the service starts with it mapped and answers.
 */
@Tag("h2")
class ClassArchiveIT {

    private static final Path JAR = Path.of("target/minsheng.jar").toAbsolutePath();

    @Test
    void archiveModeExitsBeforeTheDatabaseIsOpened() throws Exception {
        Path work = ServiceProcess.workDir("class-archive-mode");
        Path dataDir = work.resolve("data");
        Path log = work.resolve("archive.log");
        Process process = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + work.resolve("app-cds.jsa"),
                "-Dquarkus.appcds.generate=true", "-Dminsheng.data-dir=" + dataDir, "-jar", JAR.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "archive mode did not exit:\n" + read(log));
        String output = read(log);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Started to write the class archive: exiting before the database is opened"), output);
        assertFalse(output.contains("Database ready"), output);
        assertFalse(Files.exists(dataDir), "no embedded database was created:\n" + output);
        assertTrue(Files.size(work.resolve("app-cds.jsa")) > 10_000_000, "the archive holds the classes loaded");
    }

    @Test
    void theServiceStartsWithTheArchiveTheImageWrites() throws Exception {
        Path work = ServiceProcess.workDir("class-archive");
        Path archive = work.resolve("app-cds.jsa");
        Path log = work.resolve("write.log");
        Process writer = new ProcessBuilder("sh", Path.of("src/main/docker/write-class-archive.sh").toAbsolutePath()
                .toString(), JAR.toString(), archive.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        assertTrue(writer.waitFor(120, TimeUnit.SECONDS), read(log));
        assertEquals(0, writer.exitValue(), read(log));
        assertTrue(read(log).contains("class archive written: " + archive), read(log));

        // -Xshare:on: the JVM refuses to start rather than run without an archive it cannot map.
        Path classes = work.resolve("classes.log");
        try (ServiceProcess service = ServiceProcess.start(work, Map.of("minsheng.data-dir",
                work.resolve("data").toString()), Map.of(),
                List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                        "-Xlog:class+load=info:file=" + classes))) {
            service.awaitReady(Duration.ofSeconds(120));
            // The application is one jar on the JVM's own class loader: most classes a start loads come
            // from the archive, not from the jar (with Quarkus' default layout and its own loader, about
            // two thirds did; the rest were read and inflated from the jars at every start).
            List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
            long archived = loaded.stream().filter(l -> l.contains(" source: shared objects file")).count();
            long fromJar = loaded.stream().filter(l -> l.contains(" source: " + JAR.toUri().toString().replaceFirst(
                    "^file:///", "file:/"))).count();
            assertTrue(fromJar > 0, "the log names the jar's classes: " + loaded.subList(0, 5));
            assertTrue(archived >= 4 * fromJar, archived + " classes from the archive, " + fromJar + " from the jar");
            assertEquals("海勃湾区", service.graphql("{ region(code: \"150302\") { name } }").at("/data/region/name")
                    .asText());
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
