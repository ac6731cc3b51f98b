package org.minsheng.observation;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.editing.Conflicts;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;

/** Writes of figures, for editors; each write is recorded as a revision. */
@GraphQLApi
public class ObservationMutations {

    @Inject
    ObservationWriter writer;

    @Inject
    RevisionService revisions;

    @Inject
    Caller caller;

    @Mutation("createObservation")
    @NonNull
    @Description("Adds a figure (editor). Refused with BAD_USER_INPUT, naming the field, when a rule of the seed "
            + "bundle does not hold.")
    public ObservationPayloads.Create createObservation(
            @NonNull @Name("input") @Description("The new figure.") ObservationInputs.Create input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.create(input, actor));
    }

    @Mutation("updateObservation")
    @NonNull
    @Description("Changes a figure (editor). CONFLICT when version is not the current one.")
    public ObservationPayloads.Update updateObservation(
            @NonNull @Name("input") @Description("The figure, the version read, and the fields to change.") ObservationInputs.Update input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.update(input, actor));
    }

    @Mutation("deleteObservation")
    @NonNull
    @Description("Retires a figure (editor); its revisions keep what it said. CONFLICT when version is not the "
            + "current one.")
    public ObservationPayloads.Delete deleteObservation(
            @NonNull @Name("input") @Description("The figure and the version read.") ObservationInputs.Delete input) {
        String actor = caller.require(Caller.EDITOR).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.delete(input, actor));
    }

    @Mutation("restoreObservation")
    @NonNull
    @Description("Brings back a deleted figure as it was, under its old ID (admin).")
    public ObservationPayloads.Restore restoreObservation(
            @NonNull @Name("input") @Description("The deleted figure.") ObservationInputs.Restore input) {
        String actor = caller.require(Caller.ADMIN).subject();
        return Conflicts.answered(Observation.TYPE, () -> writer.restore(input, actor));
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this figure through the API, oldest first; empty for a figure as the seed bundle "
            + "loaded it.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Observation> list) {
        return revisions.forObjects(Observation.TYPE, list.stream().map(o -> o.key().toString()).toList());
    }
}
