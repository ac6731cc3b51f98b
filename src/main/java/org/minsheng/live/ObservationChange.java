package org.minsheng.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.observation.ChangeAction;
import org.minsheng.observation.Observation;
import org.minsheng.revision.Revision;

/** A change to a figure, delivered to the subscriptions whose filter it matches. */
@Name("ObservationChange")
@Description("A change to a figure: what happened, the figure, and the revision that recorded it.")
public record ObservationChange(
        @NonNull @Description("What happened to the figure.") ChangeAction action,
        @NonNull @Description("The figure after the change; for DELETED, as it was before.") Observation observation,
        @Description("The revision that recorded the change; null for a change made by importing the seed bundle at "
                + "start, which records none.") Revision revision) {
}
