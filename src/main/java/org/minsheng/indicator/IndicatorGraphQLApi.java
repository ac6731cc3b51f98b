package org.minsheng.indicator;

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
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Edge;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.region.Region;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;
import org.minsheng.vocabulary.Theme;

/**
 * The GraphQL API of indicators: its queries and fields, its mutations (each write recorded as a revision), and
 * the types only this API uses: the mutations' payloads and the connection and edge of its pages.
 */
@GraphQLApi
public class IndicatorGraphQLApi {
    @Inject
    Caller identity;

    @Inject
    RevisionService revisions;

    @Inject
    IndicatorWriter writer;

    @Inject
    IndicatorService indicators;

    @Inject
    CallerLanguage caller;

    @Name("indicators")
    @NonNull
    @Description("The indicators with data for this region (or, with withinSubtree, for it or any region below it), "
            + "in code order (or orderBy).")
    public List<@NonNull IndicatorConnection> regionIndicators(@Source List<Region> list,
            @Name("withinSubtree") @DefaultValue("false") @Description("Also count data of the regions below this one.") boolean withinSubtree,
            @Name("orderBy") @Description("How to order the indicators; by code unless given.") IndicatorOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description("Page size per region, 0 to 100.") Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        PageRequest request = PageRequest.of(first, after);
        return indicators.forRegions(list.stream().map(Region::code).toList(), withinSubtree, orderBy, request).stream()
                .map(IndicatorConnection::new).toList();
    }

    @Name("name")
    @NonNull
    @Description("The name in the caller's language; the Chinese name where there is no English one.")
    public String name(@Source Indicator indicator,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), indicator.name(), indicator.nameEn());
    }

    @Name("description")
    @Description("What the indicator counts and how, in the caller's language; the Chinese text where there is no "
            + "English one.")
    public String description(@Source Indicator indicator,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), indicator.description(), indicator.descriptionEn());
    }

    @Query("indicator")
    @Description("The indicator with this code, or null when there is none.")
    public Indicator indicator(
            @NonNull @Name("code") @Description("Dotted indicator code, e.g. \"employment.urban_new_jobs\".") String code) {
        return indicators.find(code).orElse(null);
    }

    @Query("indicators")
    @NonNull
    @Description("Indicators in code order (or orderBy), optionally narrowed by theme and a search text.")
    public IndicatorConnection indicators(
            @Name("theme") @Description("Only indicators of this theme.") Theme theme,
            @Name("search") @Description("Text found in the code or the Chinese or English name.") String search,
            @Name("orderBy") @Description("How to order the indicators; by code unless given.") IndicatorOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new IndicatorConnection(indicators.list(theme, search, orderBy, PageRequest.of(first, after)));
    }

    @Mutation("createIndicator")
    @NonNull
    @Description("Adds an indicator (editor).")
    public CreatePayload createIndicator(
            @NonNull @Name("input") @Description("What to write.") IndicatorInputs.Create input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new CreatePayload(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateIndicator")
    @NonNull
    @Description("Changes an indicator (editor). CONFLICT when version is not the current one.")
    public UpdatePayload updateIndicator(
            @NonNull @Name("input") @Description("What to write.") IndicatorInputs.Update input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new UpdatePayload(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("deleteIndicator")
    @NonNull
    @Description("Deletes an indicator no figure or programme refers to (editor). CONFLICT when version is not the "
            + "current one.")
    public DeletePayload deleteIndicator(
            @NonNull @Name("input") @Description("What to write.") IndicatorInputs.Delete input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new DeletePayload(GlobalId.encode(Indicator.TYPE, writer.delete(input, actor)),
                input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this indicator through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Indicator> list) {
        return revisions.forObjects(Indicator.TYPE, list.stream().map(Indicator::code).toList());
    }

    @Name("CreateIndicatorPayload")
    @Description("The indicator created.")
    public record CreatePayload(@NonNull @Description("The new indicator.") Indicator indicator,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateIndicatorPayload")
    @Description("The indicator as it is now.")
    public record UpdatePayload(@NonNull @Description("The indicator after the update.") Indicator indicator,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteIndicatorPayload")
    @Description("The indicator deleted.")
    public record DeletePayload(@NonNull @Id @Description("The global ID of the deleted indicator.") String deletedIndicatorId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Description("A page of indicators, in code order.")
    public static class IndicatorConnection extends Connection<Indicator, IndicatorEdge> {

        public IndicatorConnection(Page<Indicator> page) {
            super(page, IndicatorEdge::new);
        }
    }

    @Description("An indicator with its cursor.")
    public static class IndicatorEdge extends Edge<Indicator> {

        public IndicatorEdge(String cursor, Indicator node) {
            super(cursor, node);
        }
    }
}
