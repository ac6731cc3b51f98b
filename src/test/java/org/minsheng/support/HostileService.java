package org.minsheng.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;

/**
 * The packaged service as a hostile caller meets it: started with {@code -Xmx256m} and a key pair of
 * its own, with every kind of token an attacker might bring, and requests sent as raw bytes when
 * an HTTP client would refuse to send them.
 */
public final class HostileService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String ISSUER = "https://minsheng.test/hostile";

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final StringBuilder earlierLogs = new StringBuilder();
    private ServiceProcess service;
    private final KeyPair keys = TestKeys.generate();
    private final KeyPair stranger = TestKeys.generate();
    private final String publicPem;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HostileService(Path dir, Map<String, String> env) {
        try {
            publicPem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Path publicKey = dir.resolve("public.pem");
            Files.writeString(publicKey, publicPem);
            this.dir = dir;
            this.env.putAll(env);
            this.env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            this.env.put("MINSHENG_JWT_ISSUER", ISSUER);
            this.env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            service = ServiceProcess.start(dir, Map.of(), this.env, List.of("-Xmx256m")).awaitReady(Duration.ofSeconds(120));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded service with its store in {@code dir}/data. */
    public static HostileService embedded(String name) {
        Path dir = ServiceProcess.workDir(name);
        return new HostileService(dir, Map.of("MINSHENG_DATA_DIR", dir.resolve("data").toString()));
    }

    /** The PostgreSQL service on {@code database} (which must exist). */
    public static HostileService postgres(String name, String database) {
        return new HostileService(ServiceProcess.workDir(name), Map.of("MINSHENG_DB_URL", PostgresAdmin.url(database),
                "MINSHENG_DB_USER", PostgresAdmin.USER, "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD));
    }

    public ServiceProcess process() {
        return service;
    }

    /**
     * Stops the service the way Kubernetes does, if it still runs (it must then exit cleanly), and
     * starts it again on the same data: it must be ready at the first attempt within {@code timeout}.
     */
    public void restart(Duration timeout) {
        if (service.alive()) {
            int code = service.stop();
            if (code != 0 && code != 143) {
                throw new AssertionError("SIGTERM ended the service with " + code + ":\n" + service.log());
            }
        }
        earlierLogs.append(service.log());
        service = ServiceProcess.start(dir, Map.of(), env, List.of("-Xmx256m")).awaitReady(timeout);
    }

    /** The logs of every start of the service, in order. */
    public String logs() {
        return earlierLogs + service.log();
    }

    public URI uri(String path) {
        return service.uri(path);
    }

    // ---- tokens

    /** A valid token for an hour. */
    public String token(String subject, String... groups) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(groups)).expiresIn(Duration.ofHours(1))
                .sign(keys.getPrivate());
    }

    public String expired(String subject, String... groups) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(groups)).issuedAt(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofMinutes(10))).sign(keys.getPrivate());
    }

    public String notYetValid(String subject, String... groups) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(groups)).claim("nbf", now.plus(Duration.ofHours(1))
                .getEpochSecond()).expiresAt(now.plus(Duration.ofHours(2))).sign(keys.getPrivate());
    }

    public String fromAnotherIssuer(String subject, String... groups) {
        return Jwt.issuer("https://attacker.example/issuer").subject(subject).groups(Set.of(groups))
                .expiresIn(Duration.ofHours(1)).sign(keys.getPrivate());
    }

    public String signedByStranger(String subject, String... groups) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(groups)).expiresIn(Duration.ofHours(1))
                .sign(stranger.getPrivate());
    }

    /** HS256 with the service's public key as the shared secret: the classic key-confusion attack. */
    public String hmacWithThePublicKey(String subject, String... groups) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(groups)).expiresIn(Duration.ofHours(1))
                .signWithSecret(publicPem);
    }

    /** An unsigned token ({@code "alg":"none"}) with the right issuer and groups. */
    public String unsigned(String subject, String... groups) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url(claims(subject, groups));
        return header + "." + claims + ".";
    }

    /** A valid token for a reader whose payload was edited to claim admin, its signature kept. */
    public String tamperedToAdmin(String subject) {
        String[] parts = token(subject, "reader").split("\\.");
        return parts[0] + "." + base64Url(claims(subject, "admin", "editor")) + "." + parts[2];
    }

    private static String claims(String subject, String... groups) {
        long now = Instant.now().getEpochSecond();
        try {
            return JSON.writeValueAsString(Map.of("iss", ISSUER, "sub", subject, "groups", List.of(groups), "iat", now,
                    "exp", now + 3600, "jti", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- requests

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A GraphQL operation over POST, with the token when there is one. */
    public HttpResponse<String> graphql(String token, String query, Map<String, Object> variables) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type",
                    "application/json").POST(
                            HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                    Map.of("query", query, "variables", variables))));
            if (token != null) {
                request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
            }
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data of a query that must succeed. */
    public JsonNode data(String query) {
        JsonNode answer = parse(graphql(null, query, Map.of()).body());
        if (answer.has("errors")) {
            throw new AssertionError(query + ": " + answer);
        }
        return answer.get("data");
    }

    /** The bundle sent to POST /import{@code query} as these multipart parts, with this token. */
    public HttpResponse<String> importBundle(String token, String query, Multipart parts) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/import" + query))
                .header("Content-Type", parts.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(parts.bytes()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /**
     * Writes {@code request} (a whole HTTP/1.1 request, as bytes) to the service's port and reads the
     * answer until the service closes the connection or 10 s pass: for requests no client would send.
     */
    public String raw(byte[] request) {
        try (Socket socket = new Socket(service.uri("/").getHost(), service.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the service may answer and close before it has read everything
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\r\n\r\n") && complete(answer)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // reset or timed out: what was read is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an answer with a Content-Length has all its body. */
    private static boolean complete(ByteArrayOutputStream answer) {
        String text = answer.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(text.substring(0, end));
        return length.find()
                && answer.size() - text.substring(0, end + 4).getBytes(StandardCharsets.UTF_8).length >= Integer
                        .parseInt(length.group(1));
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
