package org.minsheng.seed;

import java.util.Set;

/**
 * A row or entry of a bundle file, the line it starts on, and the columns whose values did not fit
 * (already reported; read as empty).
 */
record Located<T>(int line, T row, Set<String> invalid) {

    /** Whether {@code column} was left empty in the file (rather than holding a value that did not fit). */
    boolean empty(String column, Object value) {
        return value == null && !invalid.contains(column);
    }
}
