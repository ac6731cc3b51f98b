package org.minsheng.graphql;

import java.util.Map;

import io.smallrye.graphql.api.ErrorCode;

/**
 * An expected failure caused by the request. Its message is written for the caller and is shown
 * as is; its {@code extensions.code} comes from the subclass's {@code @ErrorCode}.
 */
public abstract class ClientError extends RuntimeException {

    protected ClientError(String message) {
        super(message, null, false, false);
    }

    /** The stable {@code extensions.code} of this failure. */
    public String code() {
        ErrorCode code = getClass().getAnnotation(ErrorCode.class);
        return code == null ? "BAD_USER_INPUT" : code.value();
    }

    /** Fields added to the error's {@code extensions} beside {@code code}. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
