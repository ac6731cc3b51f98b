package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Edge;

@Description("An observation with its cursor.")
public class ObservationEdge extends Edge<Observation> {

    public ObservationEdge(String cursor, Observation node) {
        super(cursor, node);
    }
}
