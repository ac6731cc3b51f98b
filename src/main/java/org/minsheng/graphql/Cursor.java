package org.minsheng.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque connection cursors. A cursor wraps the sort key of its row (a code or an ID), so it
 * stays valid across restarts and keeps pointing at the same place when rows are added.
 */
public final class Cursor {

    private static final String PREFIX = "cursor:v1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    public static String encode(String key) {
        return ENCODER.encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key inside {@code cursor}, or null when there is no cursor. */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length()) {
            throw invalid(cursor);
        }
        return text.substring(PREFIX.length());
    }

    private static BadUserInputException invalid(String cursor) {
        return new BadUserInputException("after: \"" + cursor + "\" is not a cursor of this connection");
    }
}
