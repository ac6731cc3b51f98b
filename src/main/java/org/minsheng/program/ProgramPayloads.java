package org.minsheng.program;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The payloads of the programme mutations. */
public final class ProgramPayloads {

    private ProgramPayloads() {
    }

    @Name("CreateProgramPayload")
    @Description("The programme created.")
    public record Create(@NonNull @Description("The new programme.") Program program,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateProgramPayload")
    @Description("The programme as it is now.")
    public record Update(@NonNull @Description("The programme after the update.") Program program,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteProgramPayload")
    @Description("The programme deleted.")
    public record Delete(@NonNull @Id @Description("The global ID of the deleted programme.") String deletedProgramId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }
}
