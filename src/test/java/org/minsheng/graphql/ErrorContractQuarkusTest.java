package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** An unexpected failure answers a stable code and an error ID, never the exception behind it. */
@QuarkusTest
class ErrorContractQuarkusTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDatabaseFailureIsAnInternalServerErrorWithoutDetails() throws SQLException {
        execute("alter table observation rename to observation_hidden");
        JsonNode response;
        try {
            response = GraphQL.execute("{ observations { totalCount } }");
        } finally {
            execute("alter table observation_hidden rename to observation");
        }
        JsonNode error = response.at("/errors/0");
        assertEquals("INTERNAL_SERVER_ERROR", error.at("/extensions/code").asText());
        String message = error.get("message").asText();
        assertTrue(message.matches("Internal server error \\(error ID [0-9a-f-]{36}\\); the service log has the details"),
                message);
        assertFalse(response.toString().contains("SQL"), response.toString());
        for (String leak : new String[] { "java.", "org.", "hibernate", "observation_hidden", "Exception:" }) {
            assertFalse(response.toString().contains(leak), leak + " in " + response);
        }
        assertTrue(GraphQL.data("{ observations { totalCount } }").at("/observations/totalCount").asInt() > 0,
                "back to normal");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
