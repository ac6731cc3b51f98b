package org.minsheng.program;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Edge;

@Description("A programme with its cursor.")
public class ProgramEdge extends Edge<Program> {

    public ProgramEdge(String cursor, Program node) {
        super(cursor, node);
    }
}
