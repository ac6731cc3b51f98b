package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A batched field answers each parent with its own value, even when two parents' hash codes are
 * equal: a batch's loads are told apart by the parent and the arguments themselves, not by a number
 * made from their hashes (which made the second of two such indicators show the first one's
 * revisions).
 */
@QuarkusTest
class BatchKeysQuarkusTest {

    private static final String EDITOR = Tokens.of("alice@example.org", "editor");

    /** Two valid indicator codes with the same {@link String#hashCode()}. */
    private static final String FIRST = "test.keys.qaan";
    private static final String SECOND = "test.keys.qac0";

    @Test
    void parentsWithEqualHashCodesGetTheirOwnAnswers() {
        assertEquals(FIRST.hashCode(), SECOND.hashCode(), "the codes are chosen for equal hash codes");
        List<String> figures = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        write("mutation { createSource(input: {code: \"test-keys\", title: \"测试\", publisher: \"Minsheng tests\"})"
                + " { source { code } } }", Map.of());
        try {
            int value = 1;
            for (String code : new String[] { FIRST, SECOND }) {
                write("mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { indicator { code } } }",
                        Map.of("input", Map.of("code", code, "name", "测试指标", "theme", "EMPLOYMENT", "unit", "ITEM",
                                "additive", true)));
                indicators.add(code);
                figures.add(write("mutation($input: CreateObservationInput!) { createObservation(input: $input)"
                        + " { observation { id } } }",
                        Map.of("input", Map.of("indicatorCode", code, "regionCode",
                                "150302", "periodStart", "2025-01-01", "periodEnd", "2025-12-31", "value", value,
                                "qualifier", "EXACT", "sourceCode", "test-keys", "quote", "测试" + value)))
                        .at("/createObservation/observation/id").asText());
                value++;
            }

            // Both loads of the batched field (the same arguments, equal parent hashes) land in one batch.
            JsonNode data = GraphQL
                    .data("{ a: indicator(code: \"" + FIRST + "\") { observations(first: 5) { nodes { value } } }"
                            + " b: indicator(code: \"" + SECOND + "\") { observations(first: 5) { nodes { value } } } }");
            assertEquals("[1]", values(data.at("/a/observations/nodes")), data::toString);
            assertEquals("[2]", values(data.at("/b/observations/nodes")), data::toString);
        } finally {
            // Other tests count the sources, the figures of Wuhai and each indicator's coverage.
            for (String id : figures) {
                write("mutation { deleteObservation(input: {id: \"" + id + "\", version: 0}) { deletedObservationId } }",
                        Map.of());
            }
            for (String code : indicators) {
                write("mutation { deleteIndicator(input: {code: \"" + code + "\", version: 0}) { clientMutationId } }",
                        Map.of());
            }
            write("mutation { deleteSource(input: {code: \"test-keys\", version: 0}) { clientMutationId } }", Map.of());
        }
    }

    private static String values(JsonNode nodes) {
        List<String> values = new ArrayList<>();
        nodes.forEach(node -> values.add(node.get("value").asText()));
        return values.toString();
    }

    private static JsonNode write(String mutation, Map<String, Object> variables) {
        JsonNode response = GraphQL.execute(mutation, variables, Map.of("Authorization", "Bearer " + EDITOR));
        assertFalse(response.has("errors"), response::toString);
        return response.get("data");
    }
}
