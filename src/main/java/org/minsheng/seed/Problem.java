package org.minsheng.seed;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One thing wrong with the seed bundle, where it is and why. {@code stopsFile}: the file could not
 * be read past it (missing, malformed, a header the row type does not fit), so references into
 * that file are not checked.
 */
public record Problem(String file, int line, String reason, boolean stopsFile) {

    public Problem(String file, int line, String reason) {
        this(file, line, reason, false);
    }

    /** A problem after which the rest of {@code file} is not read. */
    static Problem stopping(String file, int line, String reason) {
        return new Problem(file, line, reason, true);
    }

    /**
     * The problem of a file its parser gave up on: malformed {@code format} (CSV, YAML) at the
     * parser's line, or unreadable.
     */
    static Problem unreadable(String file, String format, IOException e) {
        if (e instanceof JsonProcessingException malformed) {
            return stopping(file, malformed.getLocation() == null ? 0 : malformed.getLocation().getLineNr(),
                    "malformed " + format + ": " + malformed.getOriginalMessage());
        }
        return stopping(file, 0, "cannot read: " + e.getMessage());
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
