package org.minsheng.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every statement has a timeout (5 s): one that would run far longer is cancelled by the database. */
@QuarkusTest
class StatementTimeoutQuarkusTest {

    @Inject
    EntityManager em;

    @Test
    void aStatementOverItsTimeoutIsCancelled() {
        long start = System.nanoTime();
        // 1,346³ ≈ 2.4 billion rows: minutes of work on either database.
        assertCancelled(start, assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select count(*) from region a, region b, region c")
                        .getSingleResult())));
    }

    /** A read in plain SQL on the session's connection (figure pages) has the same timeout. */
    @Test
    void aPlainSqlReadOverItsTimeoutIsCancelled() {
        long start = System.nanoTime();
        assertCancelled(start, assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> SqlRows.list(new SqlRows.Sql("select count(*) from region a, region b, region c", List.of()),
                        row -> row.getLong(1)))));
    }

    private static void assertCancelled(long start, RuntimeException failure) {
        long millis = (System.nanoTime() - start) / 1_000_000L;
        assertTrue(millis >= 4_000 && millis < 9_000, "cancelled after " + millis + " ms");
        boolean timeout = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            timeout |= t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof org.hibernate.QueryTimeoutException || t instanceof java.sql.SQLTimeoutException
                    || (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState()));
        }
        assertTrue(timeout, "not a timeout: " + failure);
    }
}
