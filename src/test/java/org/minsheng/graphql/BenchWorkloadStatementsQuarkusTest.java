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
 * src/test/resources/graphql/bench/), bounded: the number follows the depth of the query, not the
 * rows it returns. W6 is asked for its first page and for a page after a cursor.
 */
@QuarkusTest
class BenchWorkloadStatementsQuarkusTest {

    @Inject
    SessionFactory sessionFactory;

    @ParameterizedTest(name = "{0}: at most {1} statements")
    @CsvSource({
            // region, parent
            "W1, 2",
            // province, prefectures, their programmes (the regions above and below each, then the
            // programmes), counties, observation IDs, observations with their indicators
            "W2, 8",
            // observations with indicators, regions, sources
            "W3, 3",
            // regions, total
            "W4, 2",
            // prefecture, counties, observation IDs, observations (none on the seed data)
            "W5, 4",
            // observations with indicators, regions
            "W6, 2",
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
