package org.minsheng.seed;

import java.util.List;
import java.util.stream.Collectors;

/** The seed bundle has problems; nothing of it was written. */
public class BundleRejectedException extends RuntimeException {

    private final transient List<Problem> problems;

    public BundleRejectedException(String location, List<Problem> problems) {
        super("Seed bundle " + location + " refused, nothing imported; " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
