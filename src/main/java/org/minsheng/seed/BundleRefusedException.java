package org.minsheng.seed;

import java.util.List;
import java.util.Map;

import org.minsheng.graphql.BadUserInputException;

/** A bundle sent over the API that the checks refuse: {@code extensions.problems} lists each "file:line: reason". */
public class BundleRefusedException extends BadUserInputException {

    private final List<String> problems;

    public BundleRefusedException(BundleRejectedException rejected) {
        super("The bundle was refused, nothing was imported: " + rejected.problems().size() + " problem"
                + (rejected.problems().size() == 1 ? "" : "s") + ", the first " + rejected.problems().get(0));
        this.problems = rejected.problems().stream().map(Problem::toString).toList();
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("problems", problems);
    }
}
