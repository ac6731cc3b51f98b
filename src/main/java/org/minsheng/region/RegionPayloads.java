package org.minsheng.region;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The payloads of the region mutations. */
public final class RegionPayloads {

    private RegionPayloads() {
    }

    @Name("CreateRegionPayload")
    @Description("The region created.")
    public record Create(@NonNull @Description("The new region.") Region region,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateRegionPayload")
    @Description("The region as it is now.")
    public record Update(@NonNull @Description("The region after the update.") Region region,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }
}
