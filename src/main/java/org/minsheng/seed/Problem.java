package org.minsheng.seed;

/** One thing wrong with the seed bundle, where it is and why. */
public record Problem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
