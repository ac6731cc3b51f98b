package org.minsheng.region;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.limits.ListBounds;
import org.minsheng.persistence.Queries;

/** The unpaged lists of the region tree: the most children of any region, and the depth of the tree. */
@ApplicationScoped
@Transactional
public class RegionListBounds implements ListBounds {

    @Override
    public Map<String, Integer> read() {
        int children = Queries.largestGroup("select count(*) from region where parent_code is not null"
                + " group by parent_code");
        int depth = Queries.largestGroup("select max(distance) from region_ancestor");
        return Map.of("Region.children", children, "Region.ancestors", depth);
    }
}
