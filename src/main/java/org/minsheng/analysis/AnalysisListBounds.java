package org.minsheng.analysis;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.limits.ListBounds;
import org.minsheng.persistence.Queries;

/**
 * The unpaged lists of the analytical fields: the longest series of one indicator in one region,
 * the most regions with data for one indicator, and the most children of a region (a roll-up's
 * parts and missing children).
 */
@ApplicationScoped
@Transactional
public class AnalysisListBounds implements ListBounds {

    @Override
    public Map<String, Integer> read() {
        int series = Queries.largestGroup("select count(*) from observation group by indicator_code, region_code");
        int regions = Queries.largestGroup("select count(distinct region_code) from observation"
                + " group by indicator_code");
        int children = Queries.largestGroup("select count(*) from region where parent_code is not null"
                + " group by parent_code");
        // A roll-up sums through a child without its own figure: its parts are at most the regions with
        // data of one indicator, and at least a region's children.
        int parts = Math.max(children, regions);
        return Map.of("Region.series", series, "Indicator.series", series, "Indicator.latestByRegion", regions,
                "Indicator.ranking", regions, "Rollup.parts", parts, "Rollup.missing", parts);
    }
}
