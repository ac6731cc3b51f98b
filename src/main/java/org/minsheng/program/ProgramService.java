package org.minsheng.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.region.Region;
import org.minsheng.region.RegionEntity;
import org.minsheng.vocabulary.Theme;

/**
 * Reads programmes and their links. A programme runs in a region when it covers that region, a
 * region above it (province-wide programmes run everywhere), or part of it.
 */
@ApplicationScoped
@ReadOnly
public class ProgramService implements NodeLoader {

    private static final String FROM = "from ProgramEntity p";

    private static final String RUNS_IN = "exists (select 1 from ProgramRegionEntity pr, RegionAncestorEntity ra"
            + " where pr.programCode = p.code and ((ra.regionCode = :region and ra.ancestorCode = pr.regionCode)"
            + " or (ra.ancestorCode = :region and ra.regionCode = pr.regionCode)))";

    @Override
    public String type() {
        return Program.TYPE;
    }

    @Override
    public Optional<Program> find(String code) {
        return ProgramEntity.<ProgramEntity> findByIdOptional(code).map(ProgramEntity::toGraph);
    }

    public Page<Program> list(Theme theme, String regionCode, ProgramKind kind, LocalDate activeOn, ProgramOrder order,
            PageRequest request) {
        return Jpql.from(FROM)
                .where("p.theme = :theme", "theme", theme)
                .where(RUNS_IN, "region", regionCode)
                .where("p.kind = :kind", "kind", kind)
                .where("p.startedOn <= :activeOn and (p.endedOn is null or p.endedOn >= :activeOn)", "activeOn", activeOn)
                .page(ProgramEntity.class, "p", ProgramOrder.keyset(order), request, ProgramEntity::toGraph);
    }

    /**
     * The programmes that run in each region, in code order: those of the region and the regions
     * above it, and those of the regions below it.
     */
    public List<List<Program>> forRegions(List<Region> regions) {
        List<String> codes = regions.stream().map(Region::code).toList();
        List<List<String>> above = Batches.grouped(codes,
                "select ra.regionCode, pr.programCode from RegionAncestorEntity ra, ProgramRegionEntity pr"
                        + " where ra.regionCode in " + Batches.KEYS + " and pr.regionCode = ra.ancestorCode",
                String.class::cast);
        List<List<String>> below = Batches.grouped(codes,
                "select ra.ancestorCode, pr.programCode from RegionAncestorEntity ra, ProgramRegionEntity pr"
                        + " where ra.ancestorCode in " + Batches.KEYS
                        + " and ra.distance > 0 and pr.regionCode = ra.regionCode",
                String.class::cast);
        List<TreeSet<String>> programCodes = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            TreeSet<String> runHere = new TreeSet<>(above.get(i));
            runHere.addAll(below.get(i));
            programCodes.add(runHere);
        }
        Map<String, Program> programs = byCodes(programCodes.stream().flatMap(TreeSet::stream).distinct().toList());
        return programCodes.stream().map(set -> set.stream().map(programs::get).toList()).toList();
    }

    public List<List<Program>> forIndicators(List<Indicator> indicators) {
        return Batches.grouped(indicators.stream().map(Indicator::code).toList(),
                "select pi.indicatorCode, p from ProgramIndicatorEntity pi, ProgramEntity p"
                        + " where p.code = pi.programCode and pi.indicatorCode in " + Batches.KEYS + " order by p.code",
                row -> ((ProgramEntity) row).toGraph());
    }

    /** The regions each programme covers, in code order. */
    public List<List<Region>> regions(List<Program> programs) {
        return Batches.grouped(programs.stream().map(Program::code).toList(),
                "select pr.programCode, r from ProgramRegionEntity pr, RegionEntity r"
                        + " where r.code = pr.regionCode and pr.programCode in " + Batches.KEYS + " order by r.code",
                row -> ((RegionEntity) row).toGraph());
    }

    /** The indicators each programme moves, in code order. */
    public List<List<Indicator>> indicators(List<Program> programs) {
        return Batches.grouped(programs.stream().map(Program::code).toList(),
                "select pi.programCode, i from ProgramIndicatorEntity pi, IndicatorEntity i"
                        + " where i.code = pi.indicatorCode and pi.programCode in " + Batches.KEYS + " order by i.code",
                row -> ((IndicatorEntity) row).toGraph());
    }

    private Map<String, Program> byCodes(List<String> codes) {
        return Batches.byIds(ProgramEntity.class, codes)
                .stream().map(ProgramEntity::toGraph)
                .collect(Collectors.toMap(Program::code, Function.identity()));
    }
}
