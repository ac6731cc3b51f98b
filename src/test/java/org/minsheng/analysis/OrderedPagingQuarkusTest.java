package org.minsheng.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Paging through every observation in a non-unique order, five at a time, returns each exactly
 * once and in order: the cursor carries the sort value and the ID that breaks ties.
 */
@QuarkusTest
class OrderedPagingQuarkusTest {

    private static final String PAGE = """
            query($order: ObservationOrder, $after: String) {
              observations(orderBy: $order, first: 5, after: $after) {
                totalCount
                nodes { id value period { end } region { code } indicator { code } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "VALUE, DESC", "VALUE, ASC", "PERIOD_END, ASC", "REGION_CODE, DESC", "INDICATOR_CODE, ASC" })
    void pagesThroughAllObservationsOnce(String field, String direction) {
        int total = GraphQL.data("{ observations { totalCount } }").at("/observations/totalCount").asInt();
        List<JsonNode> seen = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("order", Map.of("field", field, "direction", direction));
            variables.put("after", after);
            JsonNode page = GraphQL.data(PAGE, variables).get("observations");
            page.get("nodes").forEach(node -> {
                assertTrue(ids.add(node.get("id").asText()), "seen twice: " + node);
                seen.add(node);
            });
            after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asText() : null;
            pages++;
        } while (after != null);
        assertEquals(total, seen.size(), "every observation once");
        assertEquals((total + 4) / 5, pages);
        for (int i = 1; i < seen.size(); i++) {
            int c = compare(field, seen.get(i - 1), seen.get(i));
            assertTrue(direction.equals("ASC") ? c <= 0 : c >= 0,
                    "out of order: " + seen.get(i - 1) + " then " + seen.get(i));
        }
    }

    private static int compare(String field, JsonNode a, JsonNode b) {
        return switch (field) {
            case "VALUE" -> new BigDecimal(a.get("value").asText()).compareTo(new BigDecimal(b.get("value").asText()));
            case "PERIOD_END" -> a.at("/period/end").asText().compareTo(b.at("/period/end").asText());
            case "REGION_CODE" -> a.at("/region/code").asText().compareTo(b.at("/region/code").asText());
            default -> a.at("/indicator/code").asText().compareTo(b.at("/indicator/code").asText());
        };
    }
}
