package org.minsheng.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** An argument the service cannot accept: out of range, malformed, or contradictory. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends ClientError {

    public BadUserInputException(String message) {
        super(message);
    }
}
