package org.minsheng.graphql;

import io.smallrye.graphql.api.ErrorCode;

/**
 * What the caller sees of an unexpected failure: a stable code and an ID to quote to the
 * operators, whose log has the details. Never the exception's class or message.
 */
@ErrorCode("INTERNAL_SERVER_ERROR")
public class InternalServerError extends RuntimeException {

    public InternalServerError(String errorId) {
        super("Internal server error (error ID " + errorId + "); the service log has the details", null, false, false);
    }
}
