package org.minsheng.indicator;

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

/** Writes of indicators, for editors; each write is recorded as a revision. */
@GraphQLApi
public class IndicatorMutations {

    @Inject
    IndicatorWriter writer;

    @Inject
    RevisionService revisions;

    @Inject
    Caller caller;

    @Mutation("createIndicator")
    @NonNull
    @Description("Adds an indicator (editor).")
    public IndicatorPayloads.Create createIndicator(
            @NonNull @Name("input") @Description("What to write.") IndicatorInputs.Create input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new IndicatorPayloads.Create(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateIndicator")
    @NonNull
    @Description("Changes an indicator (editor). CONFLICT when version is not the current one.")
    public IndicatorPayloads.Update updateIndicator(
            @NonNull @Name("input") @Description("What to write.") IndicatorInputs.Update input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new IndicatorPayloads.Update(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("deleteIndicator")
    @NonNull
    @Description("Deletes an indicator no figure or programme refers to (editor). CONFLICT when version is not the "
            + "current one.")
    public IndicatorPayloads.Delete deleteIndicator(
            @NonNull @Name("input") @Description("What to write.") IndicatorInputs.Delete input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return new IndicatorPayloads.Delete(GlobalId.encode(Indicator.TYPE, writer.delete(input, actor)),
                input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this indicator through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Indicator> list) {
        return revisions.forObjects(Indicator.TYPE, list.stream().map(Indicator::code).toList());
    }
}
