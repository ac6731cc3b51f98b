package org.minsheng.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.LimitExceededException;

/**
 * A bundle received over the API, unpacked into a temporary folder that {@link #close} removes:
 * one file per part, or the entries of a single zip. Files and inflated bytes are counted while
 * they stream, and the unpacking stops as soon as a limit is passed, before the bytes are held:
 * a zip bomb costs the bytes up to the limit, on disk, never the heap.
 */
public final class UploadedBundle implements AutoCloseable {

    /** A bundle file's path inside the bundle: "observations.csv", "sources/article.txt". */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    /** One file as it arrived: its path in the bundle (or the zip's name) and where to read it. */
    public record Part(String path, Opener content) {
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** At most {@code files} files and {@code bytes} bytes in all, after unpacking. */
    public record Limits(int files, long bytes) {
    }

    private final Path dir;
    private final List<String> files = new ArrayList<>();
    private final Limits limits;
    private long bytes;

    private UploadedBundle(Path dir, Limits limits) {
        this.dir = dir;
        this.limits = limits;
    }

    /**
     * The parts unpacked: a lone {@code .zip} part is the bundle's archive, any other parts are its
     * files. BAD_USER_INPUT for a path that leaves the bundle or a broken archive, LIMIT_EXCEEDED
     * over {@code limits}.
     */
    public static UploadedBundle unpack(List<Part> parts, Limits limits) {
        if (parts.isEmpty()) {
            throw new BadUserInputException("files: the bundle has no files");
        }
        if (parts.size() > limits.files()) {
            throw tooManyFiles(limits, parts.size());
        }
        UploadedBundle bundle;
        try {
            bundle = new UploadedBundle(Files.createTempDirectory("minsheng-import"), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for an uploaded bundle", e);
        }
        try {
            if (parts.size() == 1 && parts.get(0).path().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                bundle.unzip(parts.get(0));
            } else {
                for (Part part : parts) {
                    try (InputStream in = part.content().open()) {
                        bundle.write(part.path(), in);
                    }
                }
            }
            return bundle;
        } catch (IOException e) {
            bundle.close();
            throw new UncheckedIOException("cannot unpack an uploaded bundle", e);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    public BundleLocation location() {
        return BundleLocation.of(dir.toString());
    }

    /** The paths of the files received, in the order they came. */
    public List<String> files() {
        return List.copyOf(files);
    }

    private void unzip(Part archive) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(archive.content().open())) {
            ZipEntry entry;
            while ((entry = nextEntry(zip)) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() == limits.files()) {
                    throw tooManyFiles(limits, files.size() + 1);
                }
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
                    throw new BadUserInputException("files: \"" + name + "\" is not a path inside a bundle (an "
                            + "absolute or a Windows path)");
                }
                write(name, zip);
            }
        }
        if (files.isEmpty()) {
            throw new BadUserInputException("files: the zip holds no files");
        }
        liftTopFolder();
    }

    /**
     * A zip made of a folder ("seeds/observations.csv", "seeds/census-2020/ages.csv") holds the bundle
     * in that folder: when every file is inside one top folder, its contents become the bundle's. A
     * bundle's own folders (sources/, census-2020/) stay as they are beside files at the top.
     */
    private void liftTopFolder() throws IOException {
        String top = files.get(0).contains("/") ? files.get(0).substring(0, files.get(0).indexOf('/')) : null;
        if (top == null || !files.stream().allMatch(name -> name.startsWith(top + "/"))) {
            return;
        }
        // Renamed first to a name no bundle path can have (a leading dot), so that a file inside it
        // named like the folder ("seeds/seeds/x") moves up without meeting it.
        Path folder = Files.move(dir.resolve(top), dir.resolve(".top-folder"));
        List<String> lifted = new ArrayList<>(files.size());
        for (String name : files) {
            String inside = name.substring(top.length() + 1);
            Path target = dir.resolve(inside);
            Files.createDirectories(target.getParent());
            Files.move(folder.resolve(inside), target);
            lifted.add(inside);
        }
        try (Stream<Path> left = Files.walk(folder)) {
            left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        files.clear();
        files.addAll(lifted);
    }

    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (ZipException | IllegalArgumentException e) {
            throw new BadUserInputException("files: the zip cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Copies {@code in} to the bundle's file {@code name}, counting its bytes against the limit. */
    private void write(String name, InputStream in) throws IOException {
        if (name == null || !PATH.matcher(name).matches() || name.contains("..")) {
            throw new BadUserInputException("files: \"" + name + "\" is not a path inside a bundle (letters, digits, "
                    + "._- and / only)");
        }
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new BadUserInputException("files: \"" + name + "\" is outside the bundle");
        }
        if (files.contains(name)) {
            throw new BadUserInputException("files: \"" + name + "\" is in the bundle twice");
        }
        Files.createDirectories(file.getParent());
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = read(in, buffer)) > 0) {
                bytes += n;
                if (bytes > limits.bytes()) {
                    throw new LimitExceededException("import-bytes", limits.bytes(), bytes, "The bundle is over "
                            + limits.bytes() + " bytes once unpacked (minsheng.limits.import-bytes); \"" + name
                            + "\" passed it. Nothing was imported");
                }
                out.write(buffer, 0, n);
            }
        }
        files.add(name);
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (ZipException e) {
            throw new BadUserInputException("files: the zip cannot be read (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new BadUserInputException("files: the zip ends in the middle of an entry (cut off?)");
        }
    }

    static LimitExceededException tooManyFiles(Limits limits, int files) {
        return new LimitExceededException("import-files", limits.files(), files, "The bundle has more than "
                + limits.files() + " files (minsheng.limits.import-files); nothing was imported");
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is removed with the others
        }
    }
}
