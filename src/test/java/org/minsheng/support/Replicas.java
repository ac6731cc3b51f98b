package org.minsheng.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Two replicas of the PostgreSQL artifact on one database, which trust one key made for the run,
 * and an editor's token they both accept.
 */
public final class Replicas implements AutoCloseable {

    public final ServiceProcess a;
    public final ServiceProcess b;
    /** The Authorization header of an editor, {@code subject}. */
    public final Map<String, String> editor;
    /** The Authorization header of an admin, {@code subject}-admin. */
    public final Map<String, String> admin;

    private Replicas(ServiceProcess a, ServiceProcess b, Map<String, String> editor, Map<String, String> admin) {
        this.a = a;
        this.b = b;
        this.editor = editor;
        this.admin = admin;
    }

    /** Starts both on {@code database} (which must exist) and waits until they are ready. */
    public static Replicas start(String database, String issuer, String subject) {
        try {
            KeyPair keys = TestKeys.generate();
            Path dir = ServiceProcess.workDir("minsheng-replicas");
            Path publicKey = dir.resolve("public.pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            Map<String, String> env = Map.of(
                    "MINSHENG_DB_URL", PostgresAdmin.url(database),
                    "MINSHENG_DB_USER", PostgresAdmin.USER,
                    "MINSHENG_DB_PASSWORD", PostgresAdmin.PASSWORD,
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString(),
                    "MINSHENG_JWT_ISSUER", issuer,
                    "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            String token = Jwt.issuer(issuer).subject(subject).groups(Set.of("editor"))
                    .expiresIn(Duration.ofHours(1)).sign(keys.getPrivate());
            String adminToken = Jwt.issuer(issuer).subject(subject + "-admin").groups(Set.of("admin"))
                    .expiresIn(Duration.ofHours(1)).sign(keys.getPrivate());
            ServiceProcess a = ServiceProcess.start(dir, Map.of(), env);
            ServiceProcess b = ServiceProcess.start(dir, Map.of(), env);
            Replicas replicas = new Replicas(a, b, Map.of("Authorization", "Bearer " + token),
                    Map.of("Authorization", "Bearer " + adminToken));
            try {
                a.awaitReady(Duration.ofSeconds(120));
                b.awaitReady(Duration.ofSeconds(120));
            } catch (RuntimeException | Error e) {
                replicas.close();
                throw e;
            }
            return replicas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }
}
