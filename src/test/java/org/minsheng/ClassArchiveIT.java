package org.minsheng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minsheng.support.ServiceProcess;

/**
 * The class archive the JVM image writes as it is built (src/main/docker/write-class-archive.sh):
 * written in a run that opens the embedded database in a folder of its own, and the service starts
 * with it mapped and answers; on the tests' JDK (17)
 * and on JDK 25, where it is an AOT cache.
 */
@Tag("h2")
class ClassArchiveIT {

    private static final Path JAR = Path.of("target/minsheng.jar").toAbsolutePath();

    @Test
    void archiveModeOpensTheEmbeddedDatabaseInTheFolderGivenThenExits() throws Exception {
        Path work = ServiceProcess.workDir("class-archive-mode");
        Path dataDir = work.resolve("data");
        Path log = work.resolve("archive.log");
        Process process = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + work.resolve("app-cds.jsa"),
                "-Dquarkus.appcds.generate=true", "-Dminsheng.data-dir=" + dataDir, "-jar", JAR.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "archive mode did not exit:\n" + read(log));
        String output = read(log);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Started to write the class archive: opening the embedded database in " + dataDir
                + ", then exiting"), output);
        // The database work of a start ran, so its classes are in the archive.
        assertTrue(output.contains("Database ready in"), output);
        assertTrue(output.contains("Catalogue read in"), output);
        assertTrue(Files.exists(dataDir.resolve("minsheng.mv.db")), "the embedded database is in the folder given");
        assertTrue(Files.size(work.resolve("app-cds.jsa")) > 10_000_000, "the archive holds the classes loaded");
    }

    @Test
    void theServiceStartsWithTheArchiveTheImageWrites() throws Exception {
        startsWithTheArchive(java(), "class-archive", "class-data-sharing archive");
    }

    /**
     * With a JDK 25 (MINSHENG_TEST_JAVA25 names its java command, as .ci/run does when
     * the machine has one), the archive is an AOT cache, mapped the same way.
     */
    @Test
    void onJdk25TheArchiveIsAnAotCache() throws Exception {
        String java25 = System.getenv("MINSHENG_TEST_JAVA25");
        Assumptions.assumeTrue(java25 != null && !java25.isBlank(),
                "MINSHENG_TEST_JAVA25 names no JDK 25 on this machine");
        startsWithTheArchive(java25, "class-archive-aot", "AOT cache");
    }

    private void startsWithTheArchive(String java, String name, String kind) throws Exception {
        Path work = ServiceProcess.workDir(name);
        Path archive = work.resolve("app-cds.jsa");
        Path log = work.resolve("write.log");
        ProcessBuilder writing = new ProcessBuilder("sh", Path.of("src/main/docker/write-class-archive.sh")
                .toAbsolutePath().toString(), JAR.toString(), archive.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        writing.environment().put("JAVA", java);
        Process writer = writing.start();
        assertTrue(writer.waitFor(180, TimeUnit.SECONDS), read(log));
        assertEquals(0, writer.exitValue(), read(log));
        assertTrue(read(log).contains("class archive written: " + archive), read(log));
        assertTrue(read(log).contains(kind + ", JDK "), read(log));

        // -Xshare:on: the JVM refuses to start rather than run without an archive it cannot map.
        Path classes = work.resolve("classes.log");
        try (ServiceProcess service = ServiceProcess.start(java, work, Map.of("minsheng.data-dir",
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
