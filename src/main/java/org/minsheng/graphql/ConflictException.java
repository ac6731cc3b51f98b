package org.minsheng.graphql;

import java.util.List;
import java.util.Map;

import io.smallrye.graphql.api.ErrorCode;

/** A write that names a version of an object other than the current one: someone wrote it since. */
@ErrorCode("CONFLICT")
public class ConflictException extends ClientError {

    private final List<String> conflicts;

    public ConflictException(String message) {
        this(message, List.of());
    }

    /** A conflict over several rows, each described in {@code extensions.conflicts}. */
    public ConflictException(String message, List<String> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    @Override
    public Map<String, Object> extensions() {
        return conflicts.isEmpty() ? Map.of() : Map.of("conflicts", conflicts);
    }
}
