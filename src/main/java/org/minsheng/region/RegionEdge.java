package org.minsheng.region;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Edge;

@Description("A region with its cursor.")
public class RegionEdge extends Edge<Region> {

    public RegionEdge(String cursor, Region node) {
        super(cursor, node);
    }
}
