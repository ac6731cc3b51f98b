package org.minsheng.seed;

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

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
