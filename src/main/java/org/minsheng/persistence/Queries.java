package org.minsheng.persistence;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.Panache;

/** Count and page queries over a JPQL {@code from} part and a {@link Where}. */
public final class Queries {

    private Queries() {
    }

    /** {@code select count(*) <from> where <where>}. */
    public static long count(String from, Where where) {
        return bind(em().createQuery("select count(*) " + from + " where " + where.clause(), Long.class), where)
                .getSingleResult();
    }

    /** {@code select <select> <from> where <where> order by <orderBy>}, at most {@code limit} rows. */
    public static <T> List<T> list(Class<T> type, String select, String from, Where where, String orderBy, int limit) {
        return bind(em().createQuery("select " + select + " " + from + " where " + where.clause() + " order by "
                + orderBy, type), where).setMaxResults(limit).getResultList();
    }

    public static <T> TypedQuery<T> bind(TypedQuery<T> query, Where where) {
        where.parameters().forEach(query::setParameter);
        return query;
    }

    /** The largest count of a {@code select count(...) ... group by ...} query; 0 when it has no groups. */
    public static int largestGroup(String groupedCountJpql) {
        return em().createQuery(groupedCountJpql, Long.class).getResultList().stream()
                .mapToInt(Math::toIntExact).max().orElse(0);
    }

    public static EntityManager em() {
        return Panache.getEntityManager();
    }
}
