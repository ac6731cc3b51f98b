package org.minsheng.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The suite runs on the database its profile names: H2 by default, PostgreSQL with -Ppostgres. */
@QuarkusTest
class DatabaseKindQuarkusTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSuiteRunsOnTheDatabaseOfItsProfile() throws SQLException {
        boolean postgres = System.getProperty("quarkus.test.profile", "").contains("pg-test");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            System.out.println("Test suite database: " + product + " " + connection.getMetaData().getURL());
            assertEquals(postgres ? "PostgreSQL" : "H2", product);
        }
    }
}
