package org.minsheng.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.persistence.DataChanged;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports a bundle sent over HTTP: the same reader, the same checks ({@code file:line: reason})
 * and the same all-or-nothing transaction as the seed import at start, with the importer named in
 * a revision of every figure it writes. A dry run does everything but commit.
 */
@ApplicationScoped
public class BundleImports {

    /** A bundle file's path inside the bundle: "observations.csv", "sources/article.txt". */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    @Inject
    SeedWriter writer;

    @Inject
    Event<DataChanged> changed;

    /** What an import did, or would do. */
    public record Report(boolean dryRun, String checksum, ImportResult.Changes changes,
            ImportResult.Changes observationChanges) {
    }

    /** How long one import may take to write, before its transaction is rolled back. */
    private static final int TIMEOUT_SECONDS = 3600;

    /**
     * Imports the bundle made of {@code files} (path to content; a single {@code .zip} is unpacked).
     * Refused whole with {@link BundleRejectedException} when any file has a problem.
     */
    public Report importFiles(Map<String, byte[]> files, boolean dryRun, SeedWriter.Importer importer) {
        return write(read(files), dryRun, importer);
    }

    /** The bundle made of {@code files}, read and checked; {@link BundleRejectedException} when it has problems. */
    public SeedBundle read(Map<String, byte[]> files) {
        Path dir = unpack(files);
        try {
            return BundleReader.read(BundleLocation.of(dir.toString()));
        } finally {
            delete(dir);
        }
    }

    /** Writes a checked bundle in one transaction (rolled back for a dry run), for up to an hour. */
    public Report write(SeedBundle bundle, boolean dryRun, SeedWriter.Importer importer) {
        if (dryRun) {
            QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(TIMEOUT_SECONDS));
            try {
                return report(true, writer.write(bundle, true, importer));
            } finally {
                QuarkusTransaction.rollback();
            }
        }
        ImportResult result = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                .call(() -> writer.write(bundle, true, importer));
        changed.fire(new DataChanged("bundle imported over the API by " + importer.actor()));
        return report(false, result);
    }

    private static Report report(boolean dryRun, ImportResult result) {
        return new Report(dryRun, result.checksum(), result.changes(), result.observationChanges());
    }

    /** The files in a new temporary folder, after their paths are checked; a lone zip is unpacked. */
    static Path unpack(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new BadUserInputException("files: the bundle has no files");
        }
        try {
            Path dir = Files.createTempDirectory("minsheng-import");
            if (files.size() == 1 && files.keySet().iterator().next().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files.values().iterator().next()))) {
                    ZipEntry entry;
                    while ((entry = zip.getNextEntry()) != null) {
                        if (!entry.isDirectory()) {
                            write(dir, stripTopFolder(entry.getName()), zip.readAllBytes());
                        }
                    }
                }
            } else {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    write(dir, file.getKey(), file.getValue());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack an uploaded bundle", e);
        }
    }

    /** A zip made of a folder ("seeds/observations.csv") holds the bundle in that folder. */
    private static String stripTopFolder(String name) {
        String[] parts = name.split("/", 2);
        return parts.length == 2 && !parts[0].contains(".") && !parts[1].isEmpty()
                && !Stream.of("sources", "tools").anyMatch(parts[0]::equals) ? parts[1] : name;
    }

    private static void write(Path dir, String name, byte[] content) throws IOException {
        if (!PATH.matcher(name).matches() || name.contains("..")) {
            throw new BadUserInputException("files: \"" + name + "\" is not a path inside a bundle (letters, digits, "
                    + "._- and / only)");
        }
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir)) {
            throw new BadUserInputException("files: \"" + name + "\" is outside the bundle");
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is removed with the others
        }
    }
}
