package org.minsheng.graphql;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/** An input field the service refuses; {@code extensions.field} names it ("input.quote"). */
public class InvalidFieldException extends BadUserInputException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /**
     * Refuses the first of {@code violations} by field name, naming the field under {@code input};
     * does nothing when there is none.
     */
    public static <T> void refuseFirst(Set<ConstraintViolation<T>> violations) {
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw new InvalidFieldException("input." + v.getPropertyPath(), v.getMessage());
        });
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("field", field);
    }
}
