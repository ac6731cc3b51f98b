package org.minsheng.graphql;

import java.util.List;
import java.util.function.BiFunction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A Relay connection; each concrete subclass gives the schema its name (RegionConnection, ...). */
public abstract class Connection<T, E extends Edge<T>> {

    private final Page<T> page;
    private final List<E> edges;
    private final PageInfo pageInfo;

    protected Connection(Page<T> page, BiFunction<String, T, E> edge) {
        this.page = page;
        this.edges = new java.util.ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(edge.apply(Cursor.encode(page.keys().get(i)), page.items().get(i)));
        }
        String start = edges.isEmpty() ? null : edges.get(0).getCursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
        this.pageInfo = new PageInfo(page.hasNextPage(), page.hasPreviousPage(), start, end);
    }

    @NonNull
    @Description("Number of rows in the whole connection, on all pages.")
    public int getTotalCount() {
        return page.totalCount();
    }

    @NonNull
    @Description("The rows of this page, each with its cursor.")
    public List<@NonNull E> getEdges() {
        return edges;
    }

    @NonNull
    @Description("The rows of this page, without cursors.")
    public List<@NonNull T> getNodes() {
        return edges.stream().map(Edge::getNode).toList();
    }

    @NonNull
    @Description("Paging information: whether more rows follow, and the cursors to fetch them.")
    public PageInfo getPageInfo() {
        return pageInfo;
    }
}
