package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of observations, in the order they were loaded.")
public class ObservationConnection extends Connection<Observation, ObservationEdge> {

    public ObservationConnection(Page<Observation> page) {
        super(page, ObservationEdge::new);
    }
}
