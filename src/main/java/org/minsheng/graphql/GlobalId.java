package org.minsheng.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque global IDs for the {@code Node} interface: the type name and the object's natural key,
 * base64url-encoded. They stay valid as long as the key does, across restarts and replicas.
 */
public record GlobalId(String type, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static String encode(String type, String key) {
        return ENCODER.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId decode(String id) {
        String text;
        try {
            text = new String(DECODER.decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("Not a Minsheng node ID: \"" + id + "\"");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new BadUserInputException("Not a Minsheng node ID: \"" + id + "\"");
        }
        return new GlobalId(text.substring(0, colon), text.substring(colon + 1));
    }
}
