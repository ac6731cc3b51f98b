package org.minsheng.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** The service cannot answer now (the database is unreachable, or too many requests wait); try again later. */
@ErrorCode("SERVICE_UNAVAILABLE")
public class ServiceUnavailableException extends ClientError {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
