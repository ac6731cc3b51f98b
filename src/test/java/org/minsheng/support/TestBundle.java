package org.minsheng.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the project's seed bundle in a temporary directory, to edit for a test. */
public final class TestBundle {

    /** The files of the project's bundle that an import reads, as a multipart upload names them. */
    public static final java.util.List<String> FILES = java.util.List.of("regions.csv", "sources.yaml", "indicators.yaml",
            "programs.yaml", "observations.csv", "tables.yaml", "sources/nmg-minsheng-article.txt",
            "census-2020/population.csv", "census-2020/ages.csv", "census-2020/education.csv",
            "census-2020/employment.csv", "census-2020/family.csv", "census-2020/households.csv",
            "census-2020/housing.csv");

    private final Path dir;

    private TestBundle(Path dir) {
        this.dir = dir;
    }

    /**
     * Copies {@code seeds/} (the project's bundle) into a fresh directory under
     * {@code target/test-bundles/}, which the build's clean removes (not the machine's /tmp).
     */
    public static TestBundle copyOfSeeds() {
        try {
            Path source = Path.of("seeds");
            Path target = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-bundles").toAbsolutePath()),
                    "bundle");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return new TestBundle(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String location() {
        return dir.toString();
    }

    /** Replaces the one occurrence of {@code from} in {@code file}; fails when there is not exactly one. */
    public TestBundle replace(String file, String from, String to) {
        String text = read(file);
        int first = text.indexOf(from);
        assertEquals(true, first >= 0 && text.indexOf(from, first + 1) < 0,
                "expected exactly one \"" + from + "\" in " + file);
        write(file, text.substring(0, first) + to + text.substring(first + from.length()));
        return this;
    }

    public TestBundle append(String file, String text) {
        write(file, read(file) + text);
        return this;
    }

    /** The 1-based line number of the first line of {@code file} containing {@code text}. */
    public int lineOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line of " + file + " contains " + text);
    }

    /** The line of {@code file} containing {@code text}. */
    public String line(String file, String text) {
        return read(file).lines().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line of " + file + " contains " + text));
    }

    public int lineCount(String file) {
        return (int) read(file).lines().count();
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
