package org.minsheng.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One page of a connection before it is shaped for GraphQL: the rows, the sort key of each,
 * whether more follow, and how many rows the whole connection has. The total may be counted only
 * when a caller asks for it ({@link #lazyTotal}): a count is a statement of its own.
 */
public record Page<T>(List<T> items, List<String> keys, boolean hasNextPage, boolean hasPreviousPage,
        LongSupplier total) {

    /**
     * Builds a page from up to {@code first + 1} rows fetched after the cursor: the extra row only
     * tells that a next page exists.
     */
    public static <T> Page<T> of(List<T> rows, Function<T, String> key, PageRequest request, long totalCount) {
        return of(rows, key, request, () -> totalCount);
    }

    /** As {@link #of(List, Function, PageRequest, long)}, with a total counted the first time it is read. */
    public static <T> Page<T> of(List<T> rows, Function<T, String> key, PageRequest request, LongSupplier total) {
        boolean more = rows.size() > request.first();
        List<T> items = more ? rows.subList(0, request.first()) : rows;
        return new Page<>(List.copyOf(items), items.stream().map(key).toList(), more, request.after() != null,
                total);
    }

    /** How many rows the whole connection has. */
    public int totalCount() {
        return Math.toIntExact(total.getAsLong());
    }

    /** {@code count}, run at most once, and only when the total is read. */
    public static LongSupplier lazyTotal(LongSupplier count) {
        Supplier<Long> counted = once(count::getAsLong);
        return counted::get;
    }

    /** {@code compute}, run at most once, and only when first read; for counts that serve several pages. */
    public static <V> Supplier<V> once(Supplier<V> compute) {
        return new Supplier<>() {
            private volatile V value;

            @Override
            public V get() {
                V known = value;
                if (known == null) {
                    known = compute.get();
                    value = known;
                }
                return known;
            }
        };
    }
}
