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
        long programs = ProgramEntity.count();
        return Map.of(
                "Region.programs", Math.toIntExact(programs),
                "Program.regions", Queries.largestGroup(
                        "select count(pr) from ProgramRegionEntity pr group by pr.programCode"),
                "Program.indicators", Queries.largestGroup(
                        "select count(pi) from ProgramIndicatorEntity pi group by pi.programCode"),
                "Indicator.programs", Queries.largestGroup(
                        "select count(pi) from ProgramIndicatorEntity pi group by pi.indicatorCode"));
    }
}
