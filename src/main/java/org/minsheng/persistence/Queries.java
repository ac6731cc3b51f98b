package org.minsheng.persistence;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.quarkus.hibernate.orm.panache.Panache;

/** The one way to the EntityManager, and queries over whole tables. */
public final class Queries {

    private Queries() {
    }

    /**
     * The largest number in the one column of {@code sql}'s rows (a grouped count, a count, a
     * maximum), read as plain SQL; 0 when there are no rows or only null.
     */
    public static int largestGroup(String groupedCountSql) {
        return SqlRows.list(groupedCountSql, row -> row.getLong(1)).stream().mapToInt(Math::toIntExact).max().orElse(0);
    }

    /**
     * Whether the database runs lateral subqueries ({@code join lateral (… limit n)}) itself.
     * PostgreSQL does; H2 does not, and Hibernate's emulation of them joins every row of the
     * subquery's tables, so callers take another route there.
     */
    public static boolean lateralJoins() {
        return em().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .supportsLateral();
    }

    /** The EntityManager of the current transaction (every read service runs in one). */
    public static EntityManager em() {
        return Panache.getEntityManager();
    }
}
