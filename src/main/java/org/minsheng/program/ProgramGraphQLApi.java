package org.minsheng.program;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.Indicator;
import org.minsheng.region.Region;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceService;
import org.minsheng.vocabulary.Theme;

@GraphQLApi
public class ProgramGraphQLApi {

    @Inject
    ProgramService programs;

    @Inject
    SourceService sources;

    @Query("program")
    @Description("The programme with this code, or null when there is none.")
    public Program program(@NonNull @Name("code") @Description("Programme slug code, e.g. \"sanzhi-yifu\".") String code) {
        return programs.find(code).orElse(null);
    }

    @Query("programs")
    @NonNull
    @Description("Programmes in code order, optionally narrowed by theme and by a region they run in.")
    public ProgramConnection programs(
            @Name("theme") @Description("Only programmes of this theme.") Theme theme,
            @Name("regionCode") @Description("Only programmes that run in this region: covering it, a region above it, or part of it.") String regionCode,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new ProgramConnection(programs.list(theme, regionCode, PageRequest.of(first, after)));
    }

    @Name("programs")
    @NonNull
    @Description("Programmes that run in this region: those covering it or a region above it (province-wide ones "
            + "included), and those covering part of it. In code order.")
    public List<@NonNull List<@NonNull Program>> regionPrograms(@Source List<Region> regions) {
        return programs.forRegions(regions);
    }

    @Name("programs")
    @NonNull
    @Description("Programmes that move this indicator, in code order.")
    public List<@NonNull List<@NonNull Program>> indicatorPrograms(@Source List<Indicator> indicators) {
        return programs.forIndicators(indicators);
    }

    @Name("regions")
    @NonNull
    @Description("The regions the programme covers, in code order; the province when it runs everywhere.")
    public List<@NonNull List<@NonNull Region>> regions(@Source List<Program> list) {
        return programs.regions(list);
    }

    @Name("indicators")
    @NonNull
    @Description("The indicators the programme moves, in code order.")
    public List<@NonNull List<@NonNull Indicator>> indicators(@Source List<Program> list) {
        return programs.indicators(list);
    }

    @Name("source")
    @Description("The publication the programme is described in.")
    public List<SourceDocument> source(@Source List<Program> list) {
        return sources.inOrder(list.stream().map(Program::sourceCode).toList());
    }
}
