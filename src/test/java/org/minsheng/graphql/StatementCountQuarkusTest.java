package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.minsheng.region.RegionLevel;
import org.minsheng.support.GraphQL;
import org.minsheng.support.SeedFacts;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Nested queries must not multiply database round trips: the number of SQL statements depends on
 * the depth of the query, never on the number of rows it touches.
 */
@QuarkusTest
class StatementCountQuarkusTest {

    /**
     * The province walk has six batched fields: children twice, programs (three statements: the
     * programmes covering each region or an ancestor, those covering part of it, then the rows),
     * observations (two: the IDs of every region's page, then the rows) and indicator. Nine
     * statements; the bound leaves room for nothing that grows with rows.
     */
    private static final int PROVINCE_WALK_BOUND = 10;

    /**
     * The prefecture walk: regions (count and page) 2, parent 1, ancestors 1, programs 3 and
     * their indicators 1, children 1, the counties' programs 3 with regions 1 and source 1,
     * observations 2 with indicator, region and source 1 each, the prefectures' observations 2
     * with their indicator 1 and its programs 1: 23.
     */
    private static final int PREFECTURE_WALK_BOUND = 23;

    private static final String WALK = GraphQL.resource("graphql/queries/prefecture-walk.graphql");

    @Inject
    SessionFactory sessionFactory;

    @Test
    void provinceWalkStaysUnderAFixedBound() {
        String province = GraphQL.resource("graphql/queries/province-walk.graphql");
        Counted walk = count(province, null);
        assertEquals(SeedFacts.childrenOf("150000"), walk.data().at("/region/children").size());
        int counties = 0;
        for (JsonNode prefecture : walk.data().at("/region/children")) {
            counties += prefecture.get("children").size();
        }
        assertEquals(SeedFacts.regions(RegionLevel.COUNTY), counties);
        assertTrue(walk.statements() <= PROVINCE_WALK_BOUND,
                "the walk of the province, its prefectures and " + counties + " counties took " + walk.statements()
                        + " statements");
    }

    @Test
    void statementCountDoesNotGrowWithRows() {
        // Hohhot, Baotou and Wuhai: Wuhai and Haibowan have figures, so every level of the walk has rows.
        Counted three = count(WALK, 3);
        Counted twelve = count(WALK, 12);
        assertEquals(3, three.data().at("/regions/nodes").size());
        assertEquals(12, twelve.data().at("/regions/nodes").size());
        assertEquals(three.statements(), twelve.statements(),
                "3 prefectures took " + three.statements() + " statements, 12 took " + twelve.statements());
        assertTrue(twelve.statements() <= PREFECTURE_WALK_BOUND, twelve.statements() + " statements");
    }

    @Test
    void totalsAreCountedOnlyWhenSelected() {
        // Regions are counted in the catalogue, without a statement.
        assertEquals(0, count("{ regions(first: 5) { totalCount nodes { code } } }", null).statements());
        assertEquals(1, count("{ observations(first: 5) { nodes { value } } }", null).statements());
        assertEquals(2, count("{ observations(first: 5) { totalCount nodes { value } } }", null).statements());
    }

    /**
     * The analytical fields under a page of prefectures: one statement each for the rows of series,
     * latest, rollup and the indicator's latestByRegion; the regions, their children, the indicator
     * and the roll-up parts' regions come from the catalogue. The same count for 3 prefectures as
     * for 12.
     */
    private static final String ANALYTICS = """
            query($first: Int) {
              regions(level: PREFECTURE, first: $first) {
                nodes {
                  code
                  series(indicatorCode: "employment.gig_markets") { value }
                  latest(indicatorCode: "employment.gig_markets") { value }
                  rollup(indicatorCode: "employment.gig_markets") { sum reporting parts { region { code } } }
                }
              }
              indicator(code: "employment.gig_markets") { latestByRegion { region { code } value } }
            }""";

    private static final int ANALYTICS_BOUND = 4;

    @Test
    void analyticalFieldsStayUnderAFixedBound() {
        Counted three = count(ANALYTICS, 3);
        Counted twelve = count(ANALYTICS, 12);
        assertEquals(3, three.data().at("/regions/nodes").size());
        assertEquals(12, twelve.data().at("/regions/nodes").size());
        // Wuhai (150300) reports 4 gig-work markets: its series, latest and roll-up parts are not empty.
        JsonNode wuhai = null;
        for (JsonNode prefecture : twelve.data().at("/regions/nodes")) {
            if (prefecture.get("code").asText().equals("150300")) {
                wuhai = prefecture;
            }
        }
        assertEquals(4, wuhai.at("/latest/value").asInt());
        assertEquals(1, wuhai.at("/series").size());
        assertEquals(1, twelve.data().at("/indicator/latestByRegion").size());
        assertEquals(three.statements(), twelve.statements(),
                "3 prefectures took " + three.statements() + " statements, 12 took " + twelve.statements());
        assertTrue(twelve.statements() <= ANALYTICS_BOUND, twelve.statements() + " statements");
    }

    private Counted count(String query, Integer first) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("first", first);
        JsonNode data = GraphQL.data(query, variables);
        return new Counted(data, statistics.getPrepareStatementCount());
    }

    private record Counted(JsonNode data, long statements) {
    }
}
