package org.minsheng.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.graphql.api.ErrorCode;

/** A request that asks for, or uses, more than a limit allows; the error names the limit and both figures. */
@ErrorCode("LIMIT_EXCEEDED")
public class LimitExceededException extends ClientError {

    private final String limit;
    private final long maximum;
    private final long actual;

    /** {@code actual} is what the request asked for or used, or -1 when it is not known. */
    public LimitExceededException(String limit, long maximum, long actual, String message) {
        super(message);
        this.limit = limit;
        this.maximum = maximum;
        this.actual = actual;
    }

    /** The configuration key of the limit under {@code minsheng.limits.}, e.g. {@code depth}. */
    public String limit() {
        return limit;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit);
        extensions.put("maximum", maximum);
        if (actual >= 0) {
            extensions.put("actual", actual);
        }
        return extensions;
    }
}
