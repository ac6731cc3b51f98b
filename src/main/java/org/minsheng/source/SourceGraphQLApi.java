package org.minsheng.source;

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
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;

/**
 * The GraphQL API of sources: its queries and fields, its mutations (each write recorded as a revision), and
 * the types only this API uses: the mutations' payloads and the connection and edge of its pages.
 */
@GraphQLApi
public class SourceGraphQLApi {
    @Inject
    Caller identity;

    @Inject
    RevisionService revisions;

    @Inject
    SourceWriter writer;

    @Inject
    CallerLanguage caller;

    @Name("title")
    @NonNull
    @Description("The title in the caller's language: as published, or its English rendering where there is one.")
    public String title(@Source SourceDocument source,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), source.title(), source.titleEn());
    }

    @Inject
    SourceService sources;

    @Query("source")
    @Description("The source with this code, or null when there is none.")
    public SourceDocument source(@NonNull @Name("code") @Description("Source slug code.") String code) {
        return sources.find(code).orElse(null);
    }

    @Query("sources")
    @NonNull
    @Description("All sources, in code order.")
    public SourceConnection sources(
            @Name("orderBy") @Description("How to order the sources; by code unless given.") SourceOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new SourceConnection(sources.list(orderBy, PageRequest.of(first, after)));
    }

    @Mutation("createSource")
    @NonNull
    @Description("Adds a source (editor).")
    public CreatePayload createSource(
            @NonNull @Name("input") @Description("What to write.") SourceInputs.Create input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new CreatePayload(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateSource")
    @NonNull
    @Description("Changes a source (editor). CONFLICT when version is not the current one.")
    public UpdatePayload updateSource(
            @NonNull @Name("input") @Description("What to write.") SourceInputs.Update input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new UpdatePayload(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("deleteSource")
    @NonNull
    @Description("Deletes a source no figure or programme cites (editor). CONFLICT when version is not the current "
            + "one.")
    public DeletePayload deleteSource(
            @NonNull @Name("input") @Description("What to write.") SourceInputs.Delete input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new DeletePayload(GlobalId.encode(SourceDocument.TYPE, writer.delete(input, actor)),
                input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this source through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<SourceDocument> list) {
        return revisions.forObjects(SourceDocument.TYPE, list.stream().map(SourceDocument::code).toList());
    }

    @Name("CreateSourcePayload")
    @Description("The source created.")
    public record CreatePayload(@NonNull @Description("The new source.") SourceDocument source,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateSourcePayload")
    @Description("The source as it is now.")
    public record UpdatePayload(@NonNull @Description("The source after the update.") SourceDocument source,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteSourcePayload")
    @Description("The source deleted.")
    public record DeletePayload(@NonNull @Id @Description("The global ID of the deleted source.") String deletedSourceId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Description("A page of sources, in code order.")
    public static class SourceConnection extends Connection<SourceDocument, SourceEdge> {

        public SourceConnection(Page<SourceDocument> page) {
            super(page, SourceEdge::new);
        }
    }

    @Description("A source with its cursor.")
    public static class SourceEdge extends Edge<SourceDocument> {

        public SourceEdge(String cursor, SourceDocument node) {
            super(cursor, node);
        }
    }
}
