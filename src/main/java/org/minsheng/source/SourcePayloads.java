package org.minsheng.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The payloads of the source mutations. */
public final class SourcePayloads {

    private SourcePayloads() {
    }

    @Name("CreateSourcePayload")
    @Description("The source created.")
    public record Create(@NonNull @Description("The new source.") SourceDocument source,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateSourcePayload")
    @Description("The source as it is now.")
    public record Update(@NonNull @Description("The source after the update.") SourceDocument source,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteSourcePayload")
    @Description("The source deleted.")
    public record Delete(@NonNull @Id @Description("The global ID of the deleted source.") String deletedSourceId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }
}
