package org.minsheng.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a seed bundle's files are: packaged in the application ({@code classpath:seeds}) or in a
 * directory. Files are opened by name, so the same code works in a jar and in a native image.
 */
public final class BundleLocation {

    private static final String CLASSPATH = "classpath:";

    private final String description;
    private final String resourceRoot;
    private final Path directory;

    private BundleLocation(String description, String resourceRoot, Path directory) {
        this.description = description;
        this.resourceRoot = resourceRoot;
        this.directory = directory;
    }

    public static BundleLocation of(String location) {
        if (location.startsWith(CLASSPATH)) {
            String root = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            return new BundleLocation(location, root, null);
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        return new BundleLocation(path.toString(), null, path);
    }

    /** The text of a bundle file, or empty when the bundle has no such file. */
    public Optional<String> read(String name) {
        try (InputStream in = open(name)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = utf8(name, in.readAllBytes());
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " in seed bundle " + description, e);
        }
    }

    /** A file whose bytes are not UTF-8 text: the 1-based line of the first byte that is not. */
    public static final class NotUtf8 extends RuntimeException {
        public final String file;
        public final int line;

        NotUtf8(String file, int line) {
            super(file + ":" + line + ": not UTF-8 text");
            this.file = file;
            this.line = line;
        }
    }

    /** {@code bytes} decoded strictly: a byte that is not UTF-8 is NotUtf8, never a replacement character. */
    static String utf8(String name, byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new NotUtf8(name, line);
        }
        return out.flip().toString();
    }

    /** A bundle file's bytes, or empty when the bundle has no such file. */
    public Optional<InputStream> stream(String name) {
        try {
            return Optional.ofNullable(open(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " in seed bundle " + description, e);
        }
    }

    private InputStream open(String name) throws IOException {
        if (directory != null) {
            Path file = directory.resolve(name).normalize();
            return file.startsWith(directory) && Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(resourceRoot + "/" + name);
    }

    @Override
    public String toString() {
        return description;
    }
}
