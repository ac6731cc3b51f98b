package org.minsheng.region;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;

/** Writes of regions, for admins; each write is recorded as a revision. */
@GraphQLApi
public class RegionMutations {

    @Inject
    RegionWriter writer;

    @Inject
    RevisionService revisions;

    @Inject
    Caller caller;

    @Mutation("createRegion")
    @NonNull
    @Description("Adds a division under its parent (admin).")
    public RegionPayloads.Create createRegion(
            @NonNull @Name("input") @Description("What to write.") RegionInputs.Create input) {
        String actor = caller.require(Caller.ADMIN).subject();
        return new RegionPayloads.Create(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateRegion")
    @NonNull
    @Description("Fixes a region's names (admin). CONFLICT when version is not the current one.")
    public RegionPayloads.Update updateRegion(
            @NonNull @Name("input") @Description("What to write.") RegionInputs.Update input) {
        String actor = caller.require(Caller.ADMIN).subject();
        return new RegionPayloads.Update(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this region through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Region> list) {
        return revisions.forObjects(Region.TYPE, list.stream().map(Region::code).toList());
    }
}
