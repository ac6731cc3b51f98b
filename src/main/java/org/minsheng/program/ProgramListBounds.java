package org.minsheng.program;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.limits.ListBounds;
import org.minsheng.persistence.Queries;

/** The unpaged lists of programmes: a region's programmes (at most all of them) and a programme's links. */
@ApplicationScoped
@Transactional
public class ProgramListBounds implements ListBounds {

    @Override
    public Map<String, Integer> read() {
        return Map.of(
                "Region.programs", Queries.largestGroup("select count(*) from program"),
                "Program.regions", Queries.largestGroup("select count(*) from program_region group by program_code"),
                "Program.indicators", Queries.largestGroup(
                        "select count(*) from program_indicator group by program_code"),
                "Indicator.programs", Queries.largestGroup(
                        "select count(*) from program_indicator group by indicator_code"));
    }
}
