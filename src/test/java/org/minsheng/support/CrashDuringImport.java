package org.minsheng.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.smallrye.jwt.build.Jwt;

/**
 * The crash test of the packaged service, for either database: a bundle of {@link #FIGURES} figures
 * is imported whole (every figure "old"), then a bundle that changes every one of them ("new") is
 * imported and the service is killed (SIGKILL) at a point of that import: while it plans, after some
 * of its chunks, near its end. After each kill the service must start again at the first attempt and
 * be ready within 30 s, and every figure must be old or every figure new. The store's size is printed.
 */
public final class CrashDuringImport {

    public static final int FIGURES = 20_000;
    private static final String SOURCE = "crash-test";
    private static final String ISSUER = "https://minsheng.test/crash";

    /** Where to kill: a line the service logs during the import (null: soon after the import is sent). */
    public record Point(String name, String logLine) {
    }

    /** The point once the import has answered: every figure new, and so after the kill. */
    private static final String ANSWERED = "(answered)";

    public static final List<Point> POINTS = List.of(new Point("while it reads and plans", null),
            new Point("once it planned", FIGURES + " to update"),
            new Point("after 5,000 figures", "5000 of " + FIGURES + " figures written"),
            new Point("after 15,000 figures", "15000 of " + FIGURES + " figures written"),
            new Point("once it answered", ANSWERED));

    /**
     * A kill in the middle of the writes and one after the answer: where the database itself rolls back
     * the transaction of a connection that died (PostgreSQL), the points before the commit all test the
     * same thing, and two of them are enough.
     */
    public static final List<Point> MID_WRITE_AND_ANSWERED = List.of(POINTS.get(2), POINTS.get(4));

    private final Path dir;
    private final Map<String, String> env;
    private final String token;
    private final Supplier<Long> storeSize;
    private final List<Point> points;

    /**
     * {@code env} points the service at its database; {@code storeSize} says how large the store is
     * (the embedded file, or PostgreSQL's database).
     */
    public CrashDuringImport(Path dir, Map<String, String> env, Supplier<Long> storeSize) {
        this(dir, env, storeSize, POINTS);
    }

    /** The same, killed at {@code points} only. */
    public CrashDuringImport(Path dir, Map<String, String> env, Supplier<Long> storeSize, List<Point> points) {
        this.points = points;
        try {
            this.dir = dir;
            KeyPair keys = TestKeys.generate();
            Path publicKey = dir.resolve("public.pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            this.env = new HashMap<>(env);
            this.env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            this.env.put("MINSHENG_JWT_ISSUER", ISSUER);
            this.env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            this.token = Jwt.issuer(ISSUER).subject("crash-test").groups(Set.of("admin")).expiresIn(Duration.ofHours(2))
                    .sign(keys.getPrivate());
            this.storeSize = storeSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceProcess start() {
        return ServiceProcess.start(dir, Map.of(), env, List.of("-Xmx256m"));
    }

    /** Runs the whole test: the old bundle imported, then a kill at each point, each followed by a start. */
    public void run() throws Exception {
        byte[] old = zip("old");
        byte[] changed = zip("new");
        try (ServiceProcess service = start()) {
            service.awaitReady(Duration.ofSeconds(120));
            HttpResponse<String> first = post(service, old);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(Set.of("old"), notes(service));
            System.out.printf("crash test: %d figures imported; store %s%n", FIGURES, megabytes(storeSize.get()));
        }
        String expected = "old";
        for (Point point : points) {
            try (ServiceProcess service = start()) {
                service.awaitReady(Duration.ofSeconds(30));
                CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return post(service, changed);
                    } catch (IOException e) {
                        return null;
                    }
                });
                if (point.logLine() == ANSWERED) {
                    answer.join();
                } else {
                    awaitPoint(service, point);
                }
                service.kill();
                HttpResponse<String> cut = answer.join();
                System.out.printf("crash test: killed %s (the import had %s); store %s%n", point.name(),
                        cut == null || cut.statusCode() != 200 ? "not answered" : "finished: " + cut.body().strip(),
                        megabytes(storeSize.get()));
                if (cut != null && cut.statusCode() == 200 && !cut.body().isBlank()) {
                    expected = "new";
                }
            }
            long started = System.nanoTime();
            try (ServiceProcess again = start()) {
                again.awaitReady(Duration.ofSeconds(30));
                long millis = (System.nanoTime() - started) / 1_000_000;
                Set<String> notes = notes(again);
                System.out.printf("crash test: started again in %d ms at the first attempt; figures %s; store %s; %s%n",
                        millis, notes, megabytes(storeSize.get()), again.logLines("Embedded store").stream()
                                .map(String::strip).findFirst().orElse("(PostgreSQL)"));
                assertEquals(1, notes.size(), "every figure old or every figure new, never a mix: " + notes);
                assertTrue(notes.contains(expected) || notes.contains("new"), notes + " after " + point.name());
                if (point.logLine() == ANSWERED) {
                    assertEquals(Set.of("new"), notes, "an import that answered is there after a kill");
                }
                expected = notes.iterator().next();
                again.stop();
            }
        }
        try (ServiceProcess last = start()) {
            last.awaitReady(Duration.ofSeconds(30));
            last.stop();
            System.out.printf("crash test: after a clean stop, store %s: %s%n", megabytes(storeSize.get()),
                    last.logLines("compacted and closed").stream().map(String::strip).findFirst().orElse("(PostgreSQL)"));
        }
    }

    /** Waits until the import reaches {@code point}: its log line, or a moment after it was sent. */
    private static void awaitPoint(ServiceProcess service, Point point) throws InterruptedException {
        if (point.logLine() == null) {
            Thread.sleep(700);
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.logLines(point.logLine()).isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import did not reach " + point.name() + ":\n" + service.log());
    }

    /** The notes of the test's figures: {"old"} or {"new"}, from the CSV export of the source. */
    private static Set<String> notes(ServiceProcess service) throws IOException {
        HttpResponse<String> csv = service.get("/export/observations.csv?source=" + SOURCE);
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> rows = csv.body().lines().skip(1).toList();
        assertEquals(FIGURES, rows.size(), "every figure is there");
        Set<String> notes = new LinkedHashSet<>();
        rows.forEach(row -> notes.add(row.substring(row.lastIndexOf(',') + 1)));
        return notes;
    }

    private HttpResponse<String> post(ServiceProcess service, byte[] zip) throws IOException {
        String boundary = "minsheng-crash-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"bundle.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return service.send(HttpRequest.newBuilder(service.uri("/import?reason=crash-test"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The seed bundle with the test's source and its figures, every one noted {@code note}. */
    private static byte[] zip(String note) throws IOException {
        TestBundle bundle = TestBundle.copyOfSeeds();
        bundle.append("sources.yaml", "- code: " + SOURCE + "\n  title: 崩溃测试\n  publisher: Minsheng tests\n");
        List<String> regions = bundle.read("regions.csv").lines().skip(1).map(l -> l.split(",")[0]).toList();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < FIGURES; i++) {
            int value = i % 997 + (note.equals("old") ? 1 : 2);
            rows.append("employment.gig_markets,").append(regions.get(i % regions.size())).append(',')
                    .append(1951 + i / regions.size()).append(',').append(value).append(",EXACT,").append(SOURCE)
                    .append(",建成零工市场").append(value).append("个,").append(note).append('\n');
        }
        bundle.append("observations.csv", rows.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(bundle.dir())) {
            List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
            for (Path file : all) {
                zip.putNextEntry(new ZipEntry(bundle.dir().relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
