package org.minsheng.source;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.graphql.GlobalId;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;

/** Writes of sources, for editors; each write is recorded as a revision. */
@GraphQLApi
public class SourceMutations {

    @Inject
    SourceWriter writer;

    @Inject
    RevisionService revisions;

    @Inject
    Caller caller;

    @Mutation("createSource")
    @NonNull
    @Description("Adds a source (editor).")
    public SourcePayloads.Create createSource(
            @NonNull @Name("input") @Description("What to write.") SourceInputs.Create input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new SourcePayloads.Create(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateSource")
    @NonNull
    @Description("Changes a source (editor). CONFLICT when version is not the current one.")
    public SourcePayloads.Update updateSource(
            @NonNull @Name("input") @Description("What to write.") SourceInputs.Update input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new SourcePayloads.Update(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("deleteSource")
    @NonNull
    @Description("Deletes a source no figure or programme cites (editor). CONFLICT when version is not the current "
            + "one.")
    public SourcePayloads.Delete deleteSource(
            @NonNull @Name("input") @Description("What to write.") SourceInputs.Delete input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new SourcePayloads.Delete(GlobalId.encode(SourceDocument.TYPE, writer.delete(input, actor)),
                input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this source through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<SourceDocument> list) {
        return revisions.forObjects(SourceDocument.TYPE, list.stream().map(SourceDocument::code).toList());
    }
}
