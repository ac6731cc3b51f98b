package org.minsheng.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Where a page of a connection sits: pass endCursor as after to get the next page.")
public record PageInfo(
        @NonNull @Description("Whether more rows follow this page.") boolean hasNextPage,
        @NonNull @Description("Whether this page started after a cursor.") boolean hasPreviousPage,
        @Description("Cursor of the first row of this page; null when the page is empty.") String startCursor,
        @Description("Cursor of the last row of this page; null when the page is empty.") String endCursor) {
}
