package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The SQL statements of each benchmark workload (bench/, the operations in
 * src/test/resources/graphql/bench/) on a warm service, bounded: the catalogue (regions,
 * indicators, programmes, sources) is read from memory, so only figures take statements, and their
 * number follows the depth of the query, not the rows it returns. W6 is asked for its first page and
 * for a page after a cursor.
 */
@QuarkusTest
class BenchWorkloadStatementsQuarkusTest {

    @Inject
    SessionFactory sessionFactory;

    @ParameterizedTest(name = "{0}: at most {1} statements")
    @CsvSource({
            // region and parent from the catalogue
            "W1, 0",
            // the region tree and programmes from the catalogue; each child's page of observations in
            // one statement (their indicators from the catalogue)
            "W2, 1",
            // observations (indicators, regions, sources from the catalogue)
            "W3, 1",
            // search over the catalogue
            "W4, 0",
            // prefecture and counties from the catalogue; each county's page of observations
            "W5, 1",
            // observations (indicators, regions from the catalogue)
            "W6, 1",
    })
    void workloadStaysWithinItsStatementBound(String workload, int bound) {
        String query = GraphQL.resource("graphql/bench/" + workload + ".graphql");
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", null);
        long first = statements(query, variables);
        assertTrue(first <= bound, workload + " took " + first + " statements; its bound is " + bound);
        if (workload.equals("W6")) {
            JsonNode page = GraphQL.data(query, variables);
            variables.put("after", page.at("/observations/pageInfo/endCursor").asText());
            long later = statements(query, variables);
            assertTrue(later <= first, "a later page took " + later + " statements, the first " + first);
        }
    }

    private long statements(String query, Map<String, Object> variables) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        JsonNode data = GraphQL.data(query, variables);
        assertTrue(data.size() > 0);
        return statistics.getPrepareStatementCount();
    }
}
