package org.minsheng.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Matcher;

import jakarta.persistence.TypedQuery;

import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An immutable JPQL query: a {@code from} part and conditions, each with its bound parameters.
 * Every {@code where} returns a new query, so the order in which conditions are added cannot
 * change what an earlier copy counts or lists.
 */
public final class Jpql {

    private final String from;
    private final List<String> conditions;
    private final Map<String, Object> parameters;

    private Jpql(String from, List<String> conditions, Map<String, Object> parameters) {
        this.from = from;
        this.conditions = List.copyOf(conditions);
        this.parameters = Map.copyOf(parameters);
    }

    /** A query over {@code from}, e.g. {@code "from RegionEntity r"}. */
    public static Jpql from(String from) {
        return new Jpql(from, List.of(), Map.of());
    }

    /**
     * This query and {@code condition}, which refers to {@code value} as {@code :name}; this query
     * itself when the value is null. An empty collection matches nothing; a collection is bound
     * element by element ({@link #list}).
     */
    public Jpql where(String condition, String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> bound = new HashMap<>(parameters);
        if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                return where("1 = 0");
            }
            return with(condition.replaceAll(":" + name + "\\b", Matcher.quoteReplacement(list(name, collection, bound))),
                    bound);
        }
        bound.put(name, value);
        return with(condition, bound);
    }

    /**
     * {@code (:name_0, :name_1, …)} for the elements of {@code values}, each put into {@code bound},
     * their number padded to a power of two, and to at least two, by repeating the last one.
     * Hibernate translates a query with a list parameter into SQL again at every execution (its plans
     * are kept only for queries whose parameters are single values: 9 to 10 % of a series or paging
     * request, W5 and W6), and it takes a lone parameter in an {@code in (…)} list for a list; one
     * parameter per element, two or more, makes a query text Hibernate keeps, and the padding keeps
     * the number of such texts small.
     */
    public static String list(String name, Collection<?> values, Map<String, Object> bound) {
        List<?> elements = List.copyOf(values);
        int size = Math.max(2, Integer.highestOneBit(elements.size()));
        if (size < elements.size()) {
            size <<= 1;
        }
        StringJoiner names = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < size; i++) {
            names.add(":" + name + "_" + i);
            bound.put(name + "_" + i, elements.get(Math.min(i, elements.size() - 1)));
        }
        return names.toString();
    }

    /** This query and a condition that binds no parameter. */
    public Jpql where(String condition) {
        return with(condition, parameters);
    }

    /** This query and a condition that binds several parameters. */
    public Jpql where(String condition, Map<String, Object> values) {
        Map<String, Object> bound = new HashMap<>(parameters);
        bound.putAll(values);
        return with(condition, bound);
    }

    private Jpql with(String condition, Map<String, Object> bound) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return new Jpql(from, all, bound);
    }

    /**
     * {@code select <select>} of this query as HQL text, to be the derived table of an outer query;
     * run the outer query with {@link #bind}.
     */
    public String subquery(String select) {
        return "select " + select + " " + from + where();
    }

    /** {@code select count(*)} of this query. */
    public long count() {
        return bind(Queries.em().createQuery("select count(*) " + from + where(), Long.class)).getSingleResult();
    }

    /** {@code select <select>} of this query in {@code orderBy} order, every row. */
    public <T> List<T> list(Class<T> type, String select, String orderBy) {
        return bind(Queries.em().createQuery("select " + select + " " + from + where() + " order by " + orderBy, type))
                .getResultList();
    }

    /** {@code select <select>} of this query in {@code orderBy} order, at most {@code limit} rows. */
    public <T> List<T> list(Class<T> type, String select, String orderBy, int limit) {
        return bind(Queries.em().createQuery("select " + select + " " + from + where() + " order by " + orderBy, type))
                .setMaxResults(limit).getResultList();
    }

    /**
     * One page of this query in {@code order}: the rows after the request's cursor, and a total
     * counted only when a caller reads it.
     */
    public <E, T> Page<T> page(Class<E> type, String select, Keyset<T> order, PageRequest request,
            Function<E, T> toGraph) {
        List<T> rows = order.after(this, request.after()).list(type, select, order.orderBy(), request.first() + 1)
                .stream().map(toGraph).toList();
        return Page.of(rows, order::key, request, Page.lazyTotal(() -> QuarkusTransaction.joiningExisting().call(this::count)));
    }

    /**
     * {@code select <select>} of this query in {@code orderBy} order as a stream read from the
     * database {@code fetchSize} rows at a time (PostgreSQL keeps a cursor open in the caller's
     * transaction). Select columns, not entities: rows then stay out of the persistence context.
     */
    public <T> java.util.stream.Stream<T> stream(Class<T> type, String select, String orderBy, int fetchSize) {
        return bind(Queries.em().createQuery("select " + select + " " + from + where() + " order by " + orderBy, type))
                .setHint("org.hibernate.fetchSize", fetchSize).setHint("org.hibernate.readOnly", true).getResultStream();
    }

    /** {@code " where …"}, or nothing when there is no condition. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** Escapes LIKE wildcards so user text matches literally (with {@code escape '\'}). */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
