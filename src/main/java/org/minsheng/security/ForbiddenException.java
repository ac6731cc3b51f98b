package org.minsheng.security;

import org.minsheng.graphql.ClientError;

import io.smallrye.graphql.api.ErrorCode;

/** A write by a caller whose token lacks the group it needs. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ClientError {

    public ForbiddenException(String message) {
        super(message);
    }
}
