package org.minsheng.graphql;

import java.util.Map;

/** An input field the service refuses; {@code extensions.field} names it ("input.quote"). */
public class InvalidFieldException extends BadUserInputException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("field", field);
    }
}
