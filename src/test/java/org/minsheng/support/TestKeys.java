package org.minsheng.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A key pair made for the test run, never committed: the application verifies tokens with its
 * public half, and {@link Tokens} signs them with the private half. Both are written to
 * target/test-keys/ (the resource and the tests may run in different class loaders).
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://minsheng.test/issuer";

    static final Path FOLDER = Path.of("target", "test-keys");

    @Override
    public Map<String, String> start() {
        try {
            KeyPair pair = generate();
            Path folder = Files.createDirectories(FOLDER);
            Files.write(folder.resolve("private.pk8"), pair.getPrivate().getEncoded());
            Path publicKey = folder.resolve("public.pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(publicKey, pem);
            return Map.of("mp.jwt.verify.publickey.location", publicKey.toAbsolutePath().toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the key file is rewritten at the next start
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
