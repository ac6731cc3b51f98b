package org.minsheng.region;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of regions, in code order.")
public class RegionConnection extends Connection<Region, RegionEdge> {

    public RegionConnection(Page<Region> page) {
        super(page, RegionEdge::new);
    }
}
