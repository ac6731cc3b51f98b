package org.minsheng.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Entity tags made of the parts an answer depends on, and the If-None-Match test (RFC 9110 8.8.3, 13.1.2). */
public final class CacheTags {

    private CacheTags() {
    }

    /**
     * A weak tag ({@code W/"…"}): equal parts give an equivalent answer, not necessarily the same bytes.
     * A null part counts as absent, distinct from an empty one.
     */
    public static String weak(String... parts) {
        return "W/\"" + digest(parts) + "\"";
    }

    /** A strong tag: equal parts give the same bytes. */
    public static String strong(String... parts) {
        return "\"" + digest(parts) + "\"";
    }

    private static String digest(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part == null ? new byte[] { 0 } : ("1" + part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an If-None-Match header ({@code *} or a list of tags) names {@code tag}, compared weakly. */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
