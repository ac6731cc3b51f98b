package org.minsheng.program;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of programmes, in code order.")
public class ProgramConnection extends Connection<Program, ProgramEdge> {

    public ProgramConnection(Page<Program> page) {
        super(page, ProgramEdge::new);
    }
}
