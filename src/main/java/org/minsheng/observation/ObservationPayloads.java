package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The payloads of the observation mutations. */
public final class ObservationPayloads {

    private ObservationPayloads() {
    }

    @Name("CreateObservationPayload")
    @Description("The figure created.")
    public record Create(@NonNull @Description("The new observation.") Observation observation,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateObservationPayload")
    @Description("The figure as it is now.")
    public record Update(@NonNull @Description("The observation after the update.") Observation observation,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteObservationPayload")
    @Description("The figure retired.")
    public record Delete(@NonNull @Id @Description("The global ID of the deleted observation.") String deletedObservationId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("RestoreObservationPayload")
    @Description("The figure brought back.")
    public record Restore(@NonNull @Description("The restored observation.") Observation observation,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }
}
