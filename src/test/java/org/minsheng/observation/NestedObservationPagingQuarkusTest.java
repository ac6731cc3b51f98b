package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A region's observations paged by cursor, for several regions in one request: every page holds the
 * right rows, and every page, even one past the end, knows the region's total.
 */
@QuarkusTest
class NestedObservationPagingQuarkusTest {

    private static final String PAGE = GraphQL.resource("graphql/queries/regions-observations-page.graphql");

    @Test
    void pagingEachRegionsObservationsVisitsEveryRowOnceAndKeepsTheTotal() {
        int total = GraphQL.data("{ observations(filter: {regionCodes: [\"150300\"]}) { totalCount } }")
                .at("/observations/totalCount").asInt();
        assertTrue(total > 2, "Wuhai has figures on more than one page of 2");
        Set<String> seen = new HashSet<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode data = GraphQL.data(PAGE, variables);
            JsonNode wuhai = data.at("/wuhai/observations");
            assertEquals(total, wuhai.get("totalCount").asInt());
            wuhai.get("nodes").forEach(node -> assertTrue(seen.add(node.get("id").asText()), "twice: " + node));
            assertEquals(0, data.at("/hohhot/observations/totalCount").asInt(), "a region without figures");
            more = wuhai.at("/pageInfo/hasNextPage").asBoolean();
            after = wuhai.at("/pageInfo/endCursor").asText();
            pages++;
            assertTrue(pages <= total, "too many pages");
        }
        assertEquals(total, seen.size());

        Map<String, Object> past = new HashMap<>();
        past.put("after", after);
        JsonNode end = GraphQL.data(PAGE, past).at("/wuhai/observations");
        assertEquals(0, end.get("nodes").size(), "a page past the end is empty");
        assertEquals(total, end.get("totalCount").asInt(), "and still knows the total");
        assertFalse(end.at("/pageInfo/hasNextPage").asBoolean());
    }
}
