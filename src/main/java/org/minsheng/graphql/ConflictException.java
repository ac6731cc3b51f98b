package org.minsheng.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** A write that names a version of an object other than the current one: someone wrote it since. */
@ErrorCode("CONFLICT")
public class ConflictException extends ClientError {

    public ConflictException(String message) {
        super(message);
    }
}
