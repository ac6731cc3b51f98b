package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Edge;

@Description("An indicator with its cursor.")
public class IndicatorEdge extends Edge<Indicator> {

    public IndicatorEdge(String cursor, Indicator node) {
        super(cursor, node);
    }
}
