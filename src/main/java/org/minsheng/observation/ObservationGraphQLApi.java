package org.minsheng.observation;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.editing.Conflicts;
import org.minsheng.export.ExportFormat;
import org.minsheng.export.ExportRequest;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Edge;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.Indicator;
import org.minsheng.persistence.Catalogue;
import org.minsheng.region.Region;
import org.minsheng.region.RegionService;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceService;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;

/**
 * The GraphQL API of figures: its queries and fields, its mutations (each write recorded as a revision), and
 * the types only this API uses: the mutations' payloads and the connection and edge of its pages.
 */
@GraphQLApi
public class ObservationGraphQLApi {
    @Inject
    Caller identity;

    @Inject
    RevisionService revisions;

    @Inject
    ObservationWriter writer;

    private static final String ORDER_BY = "How to order the observations; in load order (by ID) unless given.";

    @Inject
    ObservationService observations;

    @Inject
    RegionService regions;

    @Inject
    SourceService sources;

    @Inject
    Catalogue catalogue;

    @Inject
    CallerLanguage caller;

    @Query("observations")
    @NonNull
    @Description("Observations in load order (or orderBy), narrowed by the filter.")
    public ObservationConnection observations(
            @Name("filter") @Description("Conditions the observations must meet.") ObservationFilter filter,
            @Name("orderBy") @Description(ORDER_BY) ObservationOrder orderBy,
            @Name("asOf") @Description("The figures as they stood at this moment: values since changed as they were, "
                    + "figures since deleted included, figures since created left out.") Instant asOf,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        Page<Observation> page = observations.list(filter, orderBy, asOf, PageRequest.of(first, after));
        return asOf == null ? new ObservationConnection(page, filter, orderBy) : new ObservationConnection(page);
    }

    @Name("exportUrl")
    @Description("The path and query of this whole list's bulk export (every page, the same filter and order), "
            + "for a Download button: /export/observations.csv?theme=CHILDCARE. Null for a region's or an indicator's "
            + "own observations and with asOf, which the export does not take.")
    public String exportUrl(@Source ObservationConnection connection,
            @NonNull @Name("format") @Description("The file format.") ExportFormat format,
            @Name("language") @Description("The language of names and display text in the file; Chinese when left out.") Language language) {
        if (!connection.exportable()) {
            return null;
        }
        String query = ExportRequest.queryString(connection.filter(), connection.order(), language);
        return "/export/observations." + format.extension + (query.isEmpty() ? "" : "?" + query);
    }

    @Name("observations")
    @NonNull
    @Description("This region's own observations (use the top-level observations with filter.within for a whole subtree).")
    public List<@NonNull ObservationConnection> regionObservations(@Source List<Region> list,
            @Name("filter") @Description("Conditions the observations must meet.") ObservationFilter filter,
            @Name("orderBy") @Description(ORDER_BY) ObservationOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description("Page size per region, 0 to 100.") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        PageRequest request = PageRequest.of(first, after);
        return observations.forRegions(list.stream().map(Region::code).toList(), filter, orderBy, request).stream()
                .map(ObservationConnection::new).toList();
    }

    @Name("observations")
    @NonNull
    @Description("Observations of this indicator, in all regions and periods.")
    public List<@NonNull ObservationConnection> indicatorObservations(@Source List<Indicator> list,
            @Name("filter") @Description("Conditions the observations must meet.") ObservationFilter filter,
            @Name("orderBy") @Description(ORDER_BY) ObservationOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description("Page size per indicator, 0 to 100.") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        PageRequest request = PageRequest.of(first, after);
        return observations.forIndicators(list.stream().map(Indicator::code).toList(), filter, orderBy, request).stream()
                .map(ObservationConnection::new).toList();
    }

    @Name("region")
    @NonNull
    @Description("The region the value is for.")
    public Region region(@Source Observation observation) {
        String code = observation.regionCode();
        // A region another replica created a moment ago: the catalogue is read again (Catalogue.lookAgain).
        return regions.find(code).or(() -> catalogue.lookAgain("region " + code, () -> regions.find(code))).orElse(null);
    }

    @Name("source")
    @NonNull
    @Description("The publication the value is quoted from.")
    public SourceDocument source(@Source Observation observation) {
        String code = observation.sourceCode();
        return sources.find(code).or(() -> catalogue.lookAgain("source " + code, () -> sources.find(code))).orElse(null);
    }

    @Name("display")
    @NonNull
    @Description("The value written for readers, with its qualifier and unit: \"20.1万人\", \"1870余家\", "
            + "\"more than 1,870 institutions\".")
    public String display(@Source Observation observation,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        Indicator indicator = observation.indicator();
        return FigureFormat.display(observation.value(), observation.qualifier(), indicator.unitOfMeasure(),
                indicator.counterZh(), indicator.counterEn(), caller.resolve(language));
    }

    @Mutation("createObservation")
    @NonNull
    @Description("Adds a figure (editor). Refused with BAD_USER_INPUT, naming the field, when a rule of the seed "
            + "bundle does not hold.")
    public CreatePayload createObservation(
            @NonNull @Name("input") @Description("The new figure.") ObservationInputs.Create input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.create(input, actor));
    }

    @Mutation("updateObservation")
    @NonNull
    @Description("Changes a figure (editor). CONFLICT when version is not the current one.")
    public UpdatePayload updateObservation(
            @NonNull @Name("input") @Description("The figure, the version read, and the fields to change.") ObservationInputs.Update input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.update(input, actor));
    }

    @Mutation("deleteObservation")
    @NonNull
    @Description("Retires a figure (editor); its revisions keep what it said. CONFLICT when version is not the "
            + "current one.")
    public DeletePayload deleteObservation(
            @NonNull @Name("input") @Description("The figure and the version read.") ObservationInputs.Delete input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.delete(input, actor));
    }

    @Mutation("restoreObservation")
    @NonNull
    @Description("Brings back a deleted figure as it was, under its old ID (admin).")
    public RestorePayload restoreObservation(
            @NonNull @Name("input") @Description("The deleted figure.") ObservationInputs.Restore input) {
        String actor = identity.require(Caller.ADMIN).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.restore(input, actor));
    }

    @Name("preferred")
    @NonNull
    @Description("Whether this is the figure latest, series, roll-ups and the dashboard use when several sources give "
            + "one for the same indicator, region and period: a COUNT over a SAMPLE_ESTIMATE over a DERIVED figure over "
            + "a REPORTED one, then the most recent publication (the later source date).")
    public List<@NonNull Boolean> preferred(@Source List<Observation> list) {
        return observations.isPreferred(list);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this figure through the API, oldest first; empty for a figure as the seed bundle "
            + "loaded it.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Observation> list) {
        return revisions.forObjects(Observation.TYPE, list.stream().map(o -> o.key().toString()).toList());
    }

    @Name("CreateObservationPayload")
    @Description("The figure created.")
    public record CreatePayload(@NonNull @Description("The new observation.") Observation observation,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateObservationPayload")
    @Description("The figure as it is now.")
    public record UpdatePayload(@NonNull @Description("The observation after the update.") Observation observation,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteObservationPayload")
    @Description("The figure retired.")
    public record DeletePayload(
            @NonNull @Id @Description("The global ID of the deleted observation.") String deletedObservationId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("RestoreObservationPayload")
    @Description("The figure brought back.")
    public record RestorePayload(@NonNull @Description("The restored observation.") Observation observation,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Description("A page of observations, in the order they were loaded.")
    public static class ObservationConnection extends Connection<Observation, ObservationEdge> {

        /** The filter and order of the whole list, for its export link; null where there is none. */
        private final ObservationFilter filter;
        private final ObservationOrder order;
        private final boolean exportable;

        public ObservationConnection(Page<Observation> page) {
            super(page, ObservationEdge::new);
            this.filter = null;
            this.order = null;
            this.exportable = false;
        }

        /** A page of a list that the bulk export can give whole: the top-level list, now. */
        public ObservationConnection(Page<Observation> page, ObservationFilter filter, ObservationOrder order) {
            super(page, ObservationEdge::new);
            this.filter = filter;
            this.order = order;
            this.exportable = true;
        }

        ObservationFilter filter() {
            return filter;
        }

        ObservationOrder order() {
            return order;
        }

        boolean exportable() {
            return exportable;
        }
    }

    @Description("An observation with its cursor.")
    public static class ObservationEdge extends Edge<Observation> {

        public ObservationEdge(String cursor, Observation node) {
            super(cursor, node);
        }
    }
}
