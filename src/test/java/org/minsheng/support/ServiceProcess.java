package org.minsheng.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The packaged application ({@code java -jar target/minsheng.jar}) run as its own process. */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/minsheng.jar").toAbsolutePath();

    /**
     * JVM options of every service a test starts, before the test's own: the serial collector, as the
     * overlays run it (deploy/base), and the first JIT tier only. A test's service lives for seconds
     * to a few minutes; on two cores the optimising compiler's threads took half of each start's CPU
     * (a restart: 10 to 12 s of CPU and 6 to 7 s to ready, against 5 to 6 s and 4 to 5 s). The
     * optimised service is what CI's load checks and the benchmark run.
     */
    private static final List<String> TEST_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** A fresh working folder for a test's service, under target/it-work/ (which the build's clean removes). */
    public static Path workDir(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-work").toAbsolutePath()),
                    prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar in {@code workingDir} with the given system properties and environment. */
    public static ServiceProcess start(Path workingDir, Map<String, String> properties, Map<String, String> env) {
        return start(workingDir, properties, env, List.of());
    }

    /** The same, with options for the JVM ({@code -Xmx256m}). Its log goes to target/it-logs/. */
    public static ServiceProcess start(Path workingDir, Map<String, String> properties, Map<String, String> env,
            List<String> jvmOptions) {
        return start(Path.of(System.getProperty("java.home"), "bin", "java").toString(), workingDir, properties, env,
                jvmOptions);
    }

    /** The same, on the JVM of the {@code java} command given rather than the tests' own. */
    public static ServiceProcess start(String java, Path workingDir, Map<String, String> properties,
            Map<String, String> env, List<String> jvmOptions) {
        try {
            int port = freePort();
            Path logs = Path.of("target/it-logs").toAbsolutePath();
            Files.createDirectories(logs);
            Path log = Files.createTempFile(logs, "service-", ".log");
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(TEST_JVM);
            command.addAll(jvmOptions);
            // Its temporary files (uploads and imports being read) stay in its working folder, under
            // target/, also when a test kills it in the middle of an import.
            Path tmp = Files.createDirectories(workingDir.toAbsolutePath().resolve("tmp"));
            command.add("-Djava.io.tmpdir=" + tmp);
            command.add("-Dquarkus.http.port=" + port);
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(JAR.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until /q/health/ready answers 200; fails with the log when the process dies or times out
     * (and then kills it).
     */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(250);
        }
        // Not left running for the rest of the build: its log says why it was not ready.
        kill();
        throw new AssertionError("the service was not ready within " + timeout + ":\n" + log());
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the process did not exit within " + timeout + ":\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of /q/health/ready, or -1 while nothing listens. */
    public int readyStatus() {
        try {
            return get("/q/health/ready").statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public JsonNode graphql(String query) {
        return graphql(query, Map.of(), Map.of());
    }

    /** The response to {@code query} with these variables, sent with these HTTP headers. */
    public JsonNode graphql(String query, Map<String, Object> variables, Map<String, String> headers) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json");
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} (built on {@link #uri}) and gives the answer as text. */
    public HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Kills the process at once (SIGKILL), as a crash or the OOM killer would, and waits for it to end. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public JsonNode getJson(String path) {
        try {
            return JSON.readTree(get(path).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a line of the log contains {@code text} and returns the first such line; fails with
     * the log when the process dies or the time runs out.
     */
    public String awaitLogLine(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> lines = logLines(text);
            if (!lines.isEmpty()) {
                return lines.get(0);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited before logging '" + text + "':\n" + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no log line with '" + text + "' within " + timeout + ":\n" + log());
            }
            sleep(50);
        }
    }

    /**
     * Waits for the last of the start's work, which runs after readiness turned UP: the line counting
     * the figures of each source. A test that reads what its own requests log starts reading after it.
     */
    public ServiceProcess awaitStartWork(Duration timeout) {
        awaitLogLine("Figures by source: ", timeout);
        return this;
    }

    /** Lines of the log that contain {@code text}. */
    public List<String> logLines(String text) {
        return log().lines().filter(line -> line.contains(text)).toList();
    }

    /** Stops the process the way Kubernetes does (SIGTERM) and waits for it to exit. */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** The service's address for {@code path}, e.g. {@code /graphql}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 to 60999): a port the system hands out
     * (new ServerSocket(0)) may be taken, before the service binds it, as the local port of an
     * outgoing connection (a CI run lost a start so, with the PostgreSQL suite running beside it).
     */
    private static int freePort() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return candidate;
            } catch (IOException taken) {
                // in use: another
            }
        }
        throw new IOException("no free port between 20000 and 32000 after 100 attempts");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
