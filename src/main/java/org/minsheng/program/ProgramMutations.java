package org.minsheng.program;

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

/** Writes of programmes, for editors; each write is recorded as a revision. */
@GraphQLApi
public class ProgramMutations {

    @Inject
    ProgramWriter writer;

    @Inject
    RevisionService revisions;

    @Inject
    Caller caller;

    @Mutation("createProgram")
    @NonNull
    @Description("Adds a programme (editor).")
    public ProgramPayloads.Create createProgram(
            @NonNull @Name("input") @Description("What to write.") ProgramInputs.Create input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new ProgramPayloads.Create(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateProgram")
    @NonNull
    @Description("Changes a programme (editor). CONFLICT when version is not the current one.")
    public ProgramPayloads.Update updateProgram(
            @NonNull @Name("input") @Description("What to write.") ProgramInputs.Update input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new ProgramPayloads.Update(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("deleteProgram")
    @NonNull
    @Description("Deletes a programme and its links (editor). CONFLICT when version is not the current one.")
    public ProgramPayloads.Delete deleteProgram(
            @NonNull @Name("input") @Description("What to write.") ProgramInputs.Delete input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new ProgramPayloads.Delete(GlobalId.encode(Program.TYPE, writer.delete(input, actor)),
                input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this programme through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Program> list) {
        return revisions.forObjects(Program.TYPE, list.stream().map(Program::code).toList());
    }
}
