package org.minsheng.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.SeedFacts;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegionPagingQuarkusTest {

    private static final String PAGE = GraphQL.resource("graphql/queries/regions-page.graphql");

    /** Pages of 100 that every region needs. */
    private static final int PAGES = (SeedFacts.regions() + 99) / 100;

    @Test
    void pagingByCursorReturnsEveryRegionExactlyOnce() {
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode regions = GraphQL.data(PAGE, variables).get("regions");
            assertEquals(SeedFacts.regions(), regions.get("totalCount").asInt());
            assertEquals(after != null, regions.at("/pageInfo/hasPreviousPage").asBoolean());
            for (JsonNode edge : regions.get("edges")) {
                assertTrue(seen.add(edge.at("/node/code").asText()), "seen twice: " + edge.at("/node/code"));
            }
            JsonNode edges = regions.get("edges");
            assertEquals(edges.get(edges.size() - 1).get("cursor").asText(), regions.at("/pageInfo/endCursor").asText());
            more = regions.at("/pageInfo/hasNextPage").asBoolean();
            after = regions.at("/pageInfo/endCursor").asText();
            pages++;
            assertTrue(pages <= PAGES, "more pages than " + SeedFacts.regions() + " regions need");
        }
        assertEquals(SeedFacts.regions(), seen.size());
        assertEquals(PAGES, pages);
    }

    @Test
    void firstDefaultsToTwentyAndZeroGivesAnEmptyPage() {
        JsonNode data = GraphQL.data(
                "{ page: regions { edges { cursor } } empty: regions(first: 0) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }");
        assertEquals(20, data.at("/page/edges").size());
        assertEquals(0, data.at("/empty/nodes").size());
        assertEquals(SeedFacts.regions(), data.at("/empty/totalCount").asInt());
        assertTrue(data.at("/empty/pageInfo/hasNextPage").asBoolean());
        assertTrue(data.at("/empty/pageInfo/endCursor").isNull());
    }

    @Test
    void aCursorKeepsItsPlaceAcrossQueries() {
        String cursor = GraphQL.data("{ regions(first: 2) { pageInfo { endCursor } } }").at("/regions/pageInfo/endCursor")
                .asText();
        JsonNode next = GraphQL.data("query($a: String) { regions(first: 1, after: $a) { nodes { code } } }",
                Map.of("a", cursor));
        assertEquals("150102", next.at("/regions/nodes/0/code").asText());
    }

    @Test
    void negativeFirstIsRefused() {
        JsonNode response = GraphQL.execute("{ regions(first: -1) { totalCount } }");
        assertEquals("BAD_USER_INPUT", response.at("/errors/0/extensions/code").asText());
        assertFalse(response.at("/errors/0/message").asText().isEmpty());
    }
}
