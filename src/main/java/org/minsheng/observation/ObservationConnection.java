package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of observations, in the order they were loaded.")
public class ObservationConnection extends Connection<Observation, ObservationEdge> {

    /** The filter and order of the whole list, for its export link; null where there is none. */
    private final ObservationFilter filter;
    private final ObservationOrder order;
    private final boolean exportable;

    public ObservationConnection(Page<Observation> page) {
        super(page, ObservationEdge::new);
        this.filter = null;
        this.order = null;
        this.exportable = false;
    }

    /** A page of a list that the bulk export can give whole: the top-level list, now. */
    public ObservationConnection(Page<Observation> page, ObservationFilter filter, ObservationOrder order) {
        super(page, ObservationEdge::new);
        this.filter = filter;
        this.order = order;
        this.exportable = true;
    }

    ObservationFilter filter() {
        return filter;
    }

    ObservationOrder order() {
        return order;
    }

    boolean exportable() {
        return exportable;
    }
}
