package org.minsheng.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            return with(replaceParameter(condition, name, list(name, collection, bound)), bound);
        }
        bound.put(name, value);
        return with(condition, bound);
    }

    /** {@code condition} with every {@code :name} (not a longer name it begins) replaced by {@code text}. */
    private static String replaceParameter(String condition, String name, String text) {
        String parameter = ":" + name;
        StringBuilder result = new StringBuilder(condition.length() + text.length());
        int from = 0;
        for (int at = condition.indexOf(parameter); at >= 0; at = condition.indexOf(parameter, at + 1)) {
            int end = at + parameter.length();
            if (end < condition.length()
                    && (Character.isLetterOrDigit(condition.charAt(end)) || condition.charAt(end) == '_')) {
                continue;
            }
            result.append(condition, from, at).append(text);
            from = end;
        }
        return result.append(condition, from, condition.length()).toString();
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

    /**
     * {@code hql}, a statement written over this query's conditions (with {@link #subquery}), as SQL for
     * {@link SqlRows}: each {@code :name} becomes {@code ?} bound to this query's value for it, or
     * {@code extra}'s; each entity and path becomes the table or column {@code names} gives it (a path it
     * does not name is refused, so a condition written later in HQL cannot reach the database
     * untranslated); any other word and every literal stays as it is.
     */
    public SqlRows.Sql sql(String hql, Map<String, Object> extra, Map<String, String> names) {
        TranslationKey key = new TranslationKey(hql, names);
        Translation translation = TRANSLATIONS.get(key);
        if (translation == null) {
            translation = translate(hql, names);
            if (TRANSLATIONS.size() >= MAX_TRANSLATIONS) {
                TRANSLATIONS.clear();
            }
            TRANSLATIONS.put(key, translation);
        }
        List<Object> values = new ArrayList<>(translation.parameters().size());
        for (String name : translation.parameters()) {
            Object value = parameters.containsKey(name) ? parameters.get(name) : extra.get(name);
            if (value == null) {
                throw new IllegalStateException("No value for :" + name + " in " + hql);
            }
            values.add(value);
        }
        return new SqlRows.Sql(translation.sql(), values);
    }

    /** SQL text and the names of its parameters in order. */
    private record Translation(String sql, List<String> parameters) {
    }

    /**
     * An HQL text with the names it is translated with, told apart by identity (each caller keeps one
     * map of names; comparing their contents would cost more than translating).
     */
    private record TranslationKey(String hql, Map<String, String> names) {

        @Override
        public boolean equals(Object other) {
            return other instanceof TranslationKey key && key.names == names && key.hql.equals(hql);
        }

        @Override
        public int hashCode() {
            return 31 * hql.hashCode() + System.identityHashCode(names);
        }
    }

    /**
     * Translations by HQL text and names: the texts a service writes are few (lists are padded to powers
     * of two), and the table is emptied should it ever fill.
     */
    private static final Map<TranslationKey, Translation> TRANSLATIONS = new ConcurrentHashMap<>();

    private static final int MAX_TRANSLATIONS = 1024;

    /** A string literal, a {@code :parameter}, or a word or {@code alias.path}. */
    private static final Pattern TOKENS = Pattern
            .compile("'(?:[^']|'')*'|:(\\w+)|([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)");

    private static Translation translate(String hql, Map<String, String> names) {
        List<String> order = new ArrayList<>();
        Matcher tokens = TOKENS.matcher(hql);
        StringBuilder sql = new StringBuilder(hql.length());
        while (tokens.find()) {
            String replacement = tokens.group();
            if (tokens.group(1) != null) {
                order.add(tokens.group(1));
                replacement = "?";
            } else if (tokens.group(2) != null) {
                String named = names.get(replacement);
                if (named == null && replacement.indexOf('.') >= 0) {
                    throw new IllegalStateException("No column for " + replacement + " in " + hql);
                }
                replacement = named == null ? replacement : named;
            }
            tokens.appendReplacement(sql, Matcher.quoteReplacement(replacement));
        }
        tokens.appendTail(sql);
        return new Translation(sql.toString(), List.copyOf(order));
    }

    /** Escapes LIKE wildcards so user text matches literally (with {@code escape '\'}). */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
