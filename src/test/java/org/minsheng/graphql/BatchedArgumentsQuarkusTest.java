package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A batched field asked for with different arguments answers each set on its own, as separate
 * requests would, in one batch call per set: SmallRye GraphQL alone would give every caller the
 * first one's arguments.
 */
@QuarkusTest
class BatchedArgumentsQuarkusTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aRegionsObservationsAndItsChildrensAnswerEachWithTheirOwnArguments() {
        JsonNode together = GraphQL.data("""
                { region(code: "150300") {
                    observations(first: 2, orderBy: {field: VALUE, direction: DESC}) { totalCount nodes { id } }
                    children { code observations(first: 1) { totalCount nodes { id } } } } }""");
        JsonNode parent = GraphQL.data("""
                { region(code: "150300") {
                    observations(first: 2, orderBy: {field: VALUE, direction: DESC}) { totalCount nodes { id } } } }""");
        JsonNode children = GraphQL.data("""
                { region(code: "150300") { children { code observations(first: 1) { totalCount nodes { id } } } } }""");
        assertEquals(parent.at("/region/observations"), together.at("/region/observations"));
        assertEquals(children.at("/region/children"), together.at("/region/children"));
        assertEquals(2, together.at("/region/observations/nodes").size());
        assertEquals(1, together.at("/region/children/0/observations/nodes").size());
    }

    @Test
    void aliasesWithDifferentArgumentsAnswerEachWithTheirOwn() {
        JsonNode together = GraphQL.data("""
                { a: region(code: "150300") { latest(indicatorCode: "employment.gig_markets") { value } }
                  b: region(code: "150000") { latest(indicatorCode: "social_insurance.e_card_coverage") { value } }
                  c: region(code: "150100") { latest(indicatorCode: "employment.gig_markets") { value } } }""");
        assertEquals(4, together.at("/a/latest/value").asInt());
        assertEquals("70.8", together.at("/b/latest/value").asText());
        assertEquals(true, together.at("/c/latest").isNull());
    }

    @Test
    void eachSetOfArgumentsIsOneBatchWhateverTheNumberOfParents() {
        String query = """
                query($first: Int) { regions(level: PREFECTURE, first: $first) { nodes {
                  gig: latest(indicatorCode: "employment.gig_markets") { value }
                  card: latest(indicatorCode: "social_insurance.e_card_coverage") { value } } } }""";
        long three = statements(query, 3);
        long twelve = statements(query, 12);
        assertEquals(three, twelve, "3 prefectures took " + three + " statements, 12 took " + twelve);
        // The page of regions and the indicators come from the catalogue; each of the two indicators
        // takes one statement for the rows.
        assertEquals(2, twelve);
    }

    private long statements(String query, int first) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        GraphQL.data(query, java.util.Map.of("first", first));
        return statistics.getPrepareStatementCount();
    }
}
