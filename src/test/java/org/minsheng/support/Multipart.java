package org.minsheng.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A multipart/form-data body, part by part, as bytes: for bodies a form would never send too. */
public final class Multipart {

    private final String boundary = "----minsheng-hostile-" + Long.toHexString(System.nanoTime());
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart part(String name, byte[] content) {
        return part(name, name.substring(name.lastIndexOf('/') + 1), "application/octet-stream", content);
    }

    public Multipart part(String name, String text) {
        return part(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public Multipart part(String name, String fileName, String type, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type
                + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** The files of {@code bundle} (path to text) as one part each. */
    public Multipart files(Map<String, String> bundle) {
        bundle.forEach(this::part);
        return this;
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its closing boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(body.toByteArray());
        whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return whole.toByteArray();
    }

    /** The body cut off after {@code fraction} of its parts' bytes, without its closing boundary. */
    public byte[] truncated(double fraction) {
        byte[] bytes = body.toByteArray();
        return java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** A zip of these entries (path to bytes), in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip whose one entry {@code name} is {@code size} zero bytes: kilobytes that inflate to {@code size}. */
    public static byte[] bomb(String name, long size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
