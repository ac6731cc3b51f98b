package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The payloads of the indicator mutations. */
public final class IndicatorPayloads {

    private IndicatorPayloads() {
    }

    @Name("CreateIndicatorPayload")
    @Description("The indicator created.")
    public record Create(@NonNull @Description("The new indicator.") Indicator indicator,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateIndicatorPayload")
    @Description("The indicator as it is now.")
    public record Update(@NonNull @Description("The indicator after the update.") Indicator indicator,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteIndicatorPayload")
    @Description("The indicator deleted.")
    public record Delete(@NonNull @Id @Description("The global ID of the deleted indicator.") String deletedIndicatorId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }
}
