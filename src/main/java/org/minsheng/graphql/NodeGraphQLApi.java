package org.minsheng.graphql;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorService;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationService;
import org.minsheng.program.Program;
import org.minsheng.program.ProgramService;
import org.minsheng.region.Region;
import org.minsheng.region.RegionService;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceService;

@GraphQLApi
public class NodeGraphQLApi {

    @Inject
    RegionService regions;
    @Inject
    IndicatorService indicators;
    @Inject
    ProgramService programs;
    @Inject
    ObservationService observations;
    @Inject
    SourceService sources;

    @Query("node")
    @Description("The object with this global ID, whatever its type; null when it no longer exists.")
    public Node node(@NonNull @Id @Name("id") @Description("A global ID from the id field of any object.") String id) {
        GlobalId global = GlobalId.decode(id);
        return switch (global.type()) {
            case Region.TYPE -> regions.find(global.key()).orElse(null);
            case Indicator.TYPE -> indicators.find(global.key()).orElse(null);
            case Program.TYPE -> programs.find(global.key()).orElse(null);
            case SourceDocument.TYPE -> sources.find(global.key()).orElse(null);
            case Observation.TYPE -> observations.find(parseId(id, global.key())).orElse(null);
            default -> throw new BadUserInputException("Not a Minsheng node ID: \"" + id + "\"");
        };
    }

    private static long parseId(String id, String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new BadUserInputException("Not a Minsheng node ID: \"" + id + "\"");
        }
    }
}
