package org.minsheng.source;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Edge;

@Description("A source with its cursor.")
public class SourceEdge extends Edge<SourceDocument> {

    public SourceEdge(String cursor, SourceDocument node) {
        super(cursor, node);
    }
}
