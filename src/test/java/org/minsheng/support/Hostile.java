package org.minsheng.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hostile suite's cases and how they are run and reported: each case names its area, what it
 * sends and what it expects, and runs against the packaged service. The run writes its table to
 * {@code target/hostile/<suite>.md} (docs/limits.md, "Reliability: the hostile suite", carries it).
 */
public final class Hostile {

    /** What a refusal's body must never show. */
    private static final Pattern INTERNALS = Pattern.compile("Exception|\\tat |\\bjava\\.|org\\.minsheng\\.|"
            + "org\\.hibernate\\.|SQLState|stack", Pattern.CASE_INSENSITIVE);

    /** A line of a service log that is a stack frame or names an exception type. */
    private static final Pattern STACK = Pattern.compile("^\\s+at [\\w.$]+\\(|^Caused by: |\\w+(Exception|Error): ");

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    public record Case(String area, String sends, String expects, Check check) {
    }

    private Hostile() {
    }

    /** The cases as JUnit's dynamic tests; the table of their outcomes is written as each one ends. */
    public static Stream<DynamicTest> tests(String suite, List<Case> cases) {
        Map<Case, String> outcomes = new LinkedHashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (Case c : cases) {
            n++;
            String name = String.format("%03d %s: %s", n, c.area(), c.sends());
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    c.check().run();
                    outcomes.put(c, "passed");
                } catch (Throwable e) {
                    outcomes.put(c, "FAILED");
                    throw e;
                } finally {
                    write(suite, cases, outcomes);
                }
            }));
        }
        return tests.stream();
    }

    private static void write(String suite, List<Case> cases, Map<Case, String> outcomes) {
        StringBuilder table = new StringBuilder("| # | area | sends | expects | outcome |\n|---|---|---|---|---|\n");
        int n = 0;
        for (Case c : cases) {
            n++;
            table.append("| ").append(n).append(" | ").append(c.area()).append(" | ").append(cell(c.sends()))
                    .append(" | ").append(cell(c.expects())).append(" | ").append(outcomes.getOrDefault(c, "not run"))
                    .append(" |\n");
        }
        Map<String, Long> byArea = new LinkedHashMap<>();
        cases.forEach(c -> byArea.merge(c.area(), 1L, Long::sum));
        table.append("\n").append(cases.size()).append(" cases: ");
        byArea.forEach((area, count) -> table.append(area).append(" ").append(count).append(", "));
        table.setLength(table.length() - 2);
        table.append("\n");
        try {
            Path file = Files.createDirectories(Path.of("target", "hostile")).resolve(suite + ".md");
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // ---- expectations shared by the cases

    /** A refusal in the error contract: this status, JSON, this code, a message a person can act on, no internals. */
    public static JsonNode refused(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/"),
                () -> "JSON: " + response.headers().map());
        JsonNode body = HostileService.parse(response.body());
        assertEquals(code, body.at("/errors/0/extensions/code").asText(), body::toString);
        assertTrue(body.at("/errors/0/message").asText().length() > 10, body::toString);
        assertTrue(!INTERNALS.matcher(response.body()).find(), () -> "internals in the answer: " + response.body());
        return body;
    }

    /** A GraphQL answer with errors (any HTTP status the contract gives it), whose first error has this code. */
    public static JsonNode graphqlRefused(HttpResponse<String> response, String code) {
        JsonNode body = HostileService.parse(response.body());
        assertEquals(code, body.at("/errors/0/extensions/code").asText(), body::toString);
        assertTrue(!INTERNALS.matcher(response.body()).find(), () -> "internals in the answer: " + response.body());
        return body;
    }

    /** The lines of {@code log} that are stack frames or name an exception. */
    public static List<String> stackTraces(String log) {
        return log.lines().filter(line -> STACK.matcher(line).find()).limit(20).toList();
    }
}
