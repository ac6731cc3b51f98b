package org.minsheng.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

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
        return new LongSupplier() {
            private volatile Long counted;

            @Override
            public long getAsLong() {
                Long known = counted;
                if (known == null) {
                    known = count.getAsLong();
                    counted = known;
                }
                return known;
            }
        };
    }
}
