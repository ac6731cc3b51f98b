package org.minsheng.security;

import org.minsheng.graphql.ClientError;

import io.smallrye.graphql.api.ErrorCode;

/** A write without a valid token: missing, expired, badly signed or from another issuer. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ClientError {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
