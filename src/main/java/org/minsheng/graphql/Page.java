package org.minsheng.graphql;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a connection before it is shaped for GraphQL: the rows, the sort key of each,
 * whether more follow, and how many rows the whole connection has.
 */
public record Page<T>(List<T> items, List<String> keys, boolean hasNextPage, boolean hasPreviousPage,
        int totalCount) {

    /**
     * Builds a page from up to {@code first + 1} rows fetched after the cursor: the extra row only
     * tells that a next page exists.
     */
    public static <T> Page<T> of(List<T> rows, Function<T, String> key, PageRequest request, long totalCount) {
        boolean more = rows.size() > request.first();
        List<T> items = more ? rows.subList(0, request.first()) : rows;
        return new Page<>(List.copyOf(items), items.stream().map(key).toList(), more, request.after() != null,
                Math.toIntExact(totalCount));
    }
}
