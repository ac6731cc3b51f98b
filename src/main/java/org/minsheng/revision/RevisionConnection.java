package org.minsheng.revision;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of revisions, oldest first.")
public class RevisionConnection extends Connection<Revision, RevisionEdge> {

    public RevisionConnection(Page<Revision> page) {
        super(page, RevisionEdge::new);
    }
}
