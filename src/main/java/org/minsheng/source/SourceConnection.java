package org.minsheng.source;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of sources, in code order.")
public class SourceConnection extends Connection<SourceDocument, SourceEdge> {

    public SourceConnection(Page<SourceDocument> page) {
        super(page, SourceEdge::new);
    }
}
