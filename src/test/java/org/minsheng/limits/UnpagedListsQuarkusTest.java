package org.minsheng.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The bounds of the unpaged lists follow the data: read again after a write has committed, off the
 * writer's thread, they reflect it within a second, and again once it is undone.
 */
@QuarkusTest
class UnpagedListsQuarkusTest {

    private static final String EDITOR = Tokens.of("lists@example.org", "editor");

    @Inject
    UnpagedLists lists;

    @Test
    void theLongestSeriesFollowsFiguresWrittenAndDeleted() throws InterruptedException {
        int before = lists.bound("Region", "series");
        String count = "{ observations(filter: {regionCodes: [\"150303\"], indicatorCodes: [\"employment.gig_markets\"]})"
                + " { totalCount } }";
        int existing = GraphQL.data(count).at("/observations/totalCount").asInt();
        int sourceVersion = ok(GraphQL.execute("""
                mutation { createSource(input: {code: "test-series", title: "测试序列", publisher: "Minsheng tests"}) {
                  source { code version } } }""", Map.of(), auth())).at("/createSource/source/version").asInt();
        // More figures of one indicator for one region than the longest series has now: one a year.
        List<JsonNode> made = new ArrayList<>();
        int added = before + 1;
        for (int i = 0; i < added; i++) {
            Map<String, Object> input = new HashMap<>();
            input.put("indicatorCode", "employment.gig_markets");
            input.put("regionCode", "150303");
            input.put("periodStart", (1990 + i) + "-01-01");
            input.put("periodEnd", (1990 + i) + "-12-31");
            input.put("value", i + 1);
            input.put("qualifier", "EXACT");
            input.put("sourceCode", "test-series");
            input.put("quote", "乌达区建成零工市场" + (i + 1) + "个");
            input.put("reason", "list bounds test");
            made.add(ok(GraphQL.execute("mutation($input: CreateObservationInput!) { createObservation(input: $input) {"
                    + " observation { id version } } }", Map.of("input", input), auth()))
                    .at("/createObservation/observation"));
        }
        awaitBound(existing + added, () -> lists.bound("Region", "series"));
        for (JsonNode figure : made) {
            ok(GraphQL.execute("mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) {"
                    + " deletedObservationId } }",
                    Map.of("input", Map.of("id", figure.get("id").asText(), "version",
                            figure.get("version").asInt(), "reason", "list bounds test done")),
                    auth()));
        }
        ok(GraphQL.execute("mutation { deleteSource(input: {code: \"test-series\", version: " + sourceVersion
                + ", reason: \"list bounds test done\"}) { deletedSourceId } }", Map.of(), auth()));
        awaitBound(before, () -> lists.bound("Region", "series"));
    }

    private static void awaitBound(int expected, IntSupplier bound) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (bound.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, bound.getAsInt(), "the bound a second after the write");
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + EDITOR);
    }

    private static JsonNode ok(JsonNode response) {
        assertFalse(response.has("errors"), () -> "errors: " + response.get("errors"));
        return response.get("data");
    }
}
