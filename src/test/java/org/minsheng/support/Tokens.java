package org.minsheng.support;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens for tests, signed with the run's {@link TestKeys}. */
public final class Tokens {

    /** The private half of the run's key pair, which {@link TestKeys} wrote before the application started. */
    private static final PrivateKey KEY = load();

    /** Another key: a token it signs has a signature the service must refuse. */
    private static final PrivateKey STRANGER = TestKeys.generate().getPrivate();

    private Tokens() {
    }

    private static PrivateKey load() {
        try {
            byte[] encoded = Files.readAllBytes(TestKeys.FOLDER.resolve("private.pk8"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test key pair is missing: TestKeys writes it when the application starts", e);
        }
    }

    /** A valid token for {@code subject} in {@code groups}, for an hour. */
    public static String of(String subject, String... groups) {
        return Jwt.issuer(TestKeys.ISSUER).subject(subject).groups(Set.of(groups))
                .expiresIn(Duration.ofHours(1)).sign(KEY);
    }

    /** A token that expired a minute ago (and was issued an hour before). */
    public static String expired(String subject, String... groups) {
        Instant now = Instant.now();
        return Jwt.issuer(TestKeys.ISSUER).subject(subject).groups(Set.of(groups))
                .issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.minus(Duration.ofMinutes(10)))
                .sign(KEY);
    }

    /** A token signed by a key the service does not know. */
    public static String wronglySigned(String subject, String... groups) {
        return Jwt.issuer(TestKeys.ISSUER).subject(subject).groups(Set.of(groups))
                .expiresIn(Duration.ofHours(1)).sign(STRANGER);
    }
}
