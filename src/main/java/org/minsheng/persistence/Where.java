package org.minsheng.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A JPQL where-clause built from optional conditions, each with its bound parameters. */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /**
     * Adds {@code condition} when {@code value} is present; it refers to the value as {@code :name}.
     * An empty collection matches nothing.
     */
    public Where and(String condition, String name, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof Collection<?> collection && collection.isEmpty()) {
            conditions.add("1 = 0");
            return this;
        }
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    /** Adds a condition that binds no parameter. */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Where bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** The conditions joined with {@code and}, or {@code 1 = 1} when there are none. */
    public String clause() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Escapes LIKE wildcards so user text matches literally (with {@code escape '\'}). */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
