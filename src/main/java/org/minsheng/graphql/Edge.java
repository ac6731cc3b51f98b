package org.minsheng.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A row of a connection with its cursor; concrete subclasses name it in the schema. */
public abstract class Edge<T> {

    private final String cursor;
    private final T node;

    protected Edge(String cursor, T node) {
        this.cursor = cursor;
        this.node = node;
    }

    @NonNull
    @Description("Opaque cursor of this row: pass it as after to continue from here.")
    public String getCursor() {
        return cursor;
    }

    @NonNull
    @Description("The row itself.")
    public T getNode() {
        return node;
    }
}
