package org.minsheng.graphql;

/**
 * An expected failure caused by the request. Its message is written for the caller and is shown
 * as is; its {@code extensions.code} comes from the subclass's {@code @ErrorCode}.
 */
public abstract class ClientError extends RuntimeException {

    protected ClientError(String message) {
        super(message, null, false, false);
    }
}
