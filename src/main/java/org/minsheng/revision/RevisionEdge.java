package org.minsheng.revision;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Edge;

@Description("A revision with its cursor.")
public class RevisionEdge extends Edge<Revision> {

    public RevisionEdge(String cursor, Revision node) {
        super(cursor, node);
    }
}
