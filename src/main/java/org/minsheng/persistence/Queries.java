package org.minsheng.persistence;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

/** The one way to the EntityManager, and queries over whole tables. */
public final class Queries {

    private Queries() {
    }

    /** The largest count of a {@code select count(...) ... group by ...} query; 0 when it has no groups. */
    public static int largestGroup(String groupedCountJpql) {
        return em().createQuery(groupedCountJpql, Long.class).getResultList().stream()
                .mapToInt(Math::toIntExact).max().orElse(0);
    }

    /** The EntityManager of the current transaction (every read service runs in one). */
    public static EntityManager em() {
        return Panache.getEntityManager();
    }
}
