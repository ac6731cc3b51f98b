package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    /**
     * Nested pages filtered by the other half of the (indicator, region) index (a region's figures of
     * some indicators or of a theme, an indicator's figures in some regions), which PostgreSQL reads
     * with their columns from the lateral subquery: paged one figure at a time in each order, beside
     * another parent, they give the rows, order and totals of the top-level list with the same filter.
     */
    @Test
    void nestedPagesFilteredByIndicatorOrRegionMatchTheTopLevelList() {
        // Two indicators with figures for both Haibowan and Wuda districts (from the census).
        JsonNode both = GraphQL.data("{ observations(filter: {regionCodes: [\"150302\", \"150303\"]}, first: 100) {"
                + " nodes { indicator { code theme } region { code } } } }").at("/observations/nodes");
        Map<String, Set<String>> regionsOf = new java.util.LinkedHashMap<>();
        Map<String, String> themeOf = new HashMap<>();
        both.forEach(node -> {
            String code = node.at("/indicator/code").asText();
            regionsOf.computeIfAbsent(code, k -> new HashSet<>()).add(node.at("/region/code").asText());
            themeOf.put(code, node.at("/indicator/theme").asText());
        });
        List<String> two = regionsOf.entrySet().stream().filter(e -> e.getValue().size() == 2).map(Map.Entry::getKey)
                .limit(2).toList();
        assertEquals(2, two.size(), "two indicators with figures for both: " + regionsOf);
        String theme = themeOf.get(two.get(0));
        String indicators = GraphQL.json(two);
        for (String order : List.of("", ", orderBy: {field: VALUE, direction: DESC}",
                ", orderBy: {field: PERIOD_END}")) {
            String byIndicator = "filter: {indicatorCodes: " + indicators + "}" + order;
            assertEquals(topLevel("regionCodes: [\"150302\"], indicatorCodes: " + indicators, order),
                    nested("region(code: \"150302\")", "region(code: \"150303\")", byIndicator), byIndicator);
            String byTheme = "filter: {themes: [" + theme + "]}" + order;
            assertEquals(topLevel("regionCodes: [\"150302\"], themes: [" + theme + "]", order),
                    nested("region(code: \"150302\")", "region(code: \"150303\")", byTheme), byTheme);
            String byRegion = "filter: {regionCodes: [\"150302\", \"150303\"]}" + order;
            assertEquals(topLevel("regionCodes: [\"150302\", \"150303\"], indicatorCodes: [\"" + two.get(0) + "\"]",
                    order),
                    nested("indicator(code: \"" + two.get(0) + "\")", "indicator(code: \"" + two.get(1) + "\")",
                            byRegion),
                    byRegion);
        }
    }

    /** The IDs of the top-level list with these filter conditions and order, then its total. */
    private static List<String> topLevel(String conditions, String order) {
        JsonNode list = GraphQL.data("{ observations(filter: {" + conditions + "}" + order
                + ", first: 100) { totalCount nodes { id } } }").get("observations");
        List<String> ids = new ArrayList<>();
        list.get("nodes").forEach(node -> ids.add(node.get("id").asText()));
        assertTrue(ids.size() > 1, "more than one figure: " + conditions);
        ids.add("total " + list.get("totalCount").asInt());
        return ids;
    }

    /**
     * The IDs of {@code parent}'s figures with {@code arguments}, paged one at a time with another
     * parent's first page in the same request, then the total every page gave.
     */
    private static List<String> nested(String parent, String other, String arguments) {
        String query = "query Page($after: String) { a: " + parent + " { observations(" + arguments
                + ", first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }"
                + " b: " + other + " { observations(" + arguments + ", first: 1) { totalCount nodes { id } } } }";
        List<String> ids = new ArrayList<>();
        Set<Integer> totals = new HashSet<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode page = GraphQL.data(query, variables).at("/a/observations");
            page.get("nodes").forEach(node -> ids.add(node.get("id").asText()));
            totals.add(page.get("totalCount").asInt());
            more = page.at("/pageInfo/hasNextPage").asBoolean();
            after = page.at("/pageInfo/endCursor").asText();
            assertTrue(ids.size() <= 100, "too many pages");
        }
        assertEquals(1, totals.size(), "one total on every page: " + totals);
        ids.add("total " + totals.iterator().next());
        return ids;
    }
}
