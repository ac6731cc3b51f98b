package org.minsheng.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Helpers for batch resolvers: answers in the order of the parents, queries in bounded chunks. */
public final class Batches {

    /**
     * Keys per {@code IN (...)} list. PostgreSQL accepts at most 65,535 bind parameters in one
     * statement; a request never reaches this many parents at one level in practice.
     */
    public static final int CHUNK = 10_000;

    private Batches() {
    }

    /** One value per key, in key order; {@code missing} where the map has none. */
    public static <K, V> List<V> inOrder(List<K> keys, Map<K, V> found, V missing) {
        List<V> result = new ArrayList<>(keys.size());
        for (K key : keys) {
            V value = key == null ? null : found.get(key);
            result.add(value != null ? value : missing);
        }
        return result;
    }

    /** The entries of {@code all} for these keys, unknown and null keys left out. */
    public static <K, V> Map<K, V> found(Map<K, V> all, Collection<K> keys) {
        Map<K, V> found = new java.util.HashMap<>();
        for (K key : keys) {
            V value = key == null ? null : all.get(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    /** The parameter a {@link #grouped} query binds its parents' keys to: write {@code "… in " + KEYS}. */
    public static final String KEYS = ":keys";

    /**
     * For one-to-many relations: runs {@code jpql}, which selects (parent key, row) pairs for the
     * parents bound as {@link #KEYS}, and answers with each parent's rows, in parent order.
     */
    public static <T> List<List<T>> grouped(List<String> keys, String jpql, Function<Object, T> row) {
        if (!jpql.contains(KEYS)) {
            throw new IllegalArgumentException("a grouped query binds its keys as " + KEYS + ": " + jpql);
        }
        Map<String, List<T>> byKey = new LinkedHashMap<>();
        chunked(keys, chunk -> Queries.em().createQuery(jpql, Object[].class).setParameter(KEYS.substring(1), chunk)
                .getResultList())
                .forEach(pair -> byKey.computeIfAbsent((String) pair[0], k -> new ArrayList<>()).add(row.apply(pair[1])));
        return inOrder(keys, byKey, List.of());
    }

    /** Runs {@code query} once per chunk of distinct keys and concatenates the results. */
    public static <K, R> List<R> chunked(Collection<K> keys, Function<List<K>, List<R>> query) {
        List<K> distinct = keys.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        if (distinct.size() <= CHUNK) {
            return query.apply(distinct);
        }
        List<R> result = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            result.addAll(query.apply(distinct.subList(from, Math.min(from + CHUNK, distinct.size()))));
        }
        return result;
    }
}
