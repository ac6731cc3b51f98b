package org.minsheng.live;

import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.InputLists;
import org.minsheng.observation.ObservationFilter;
import org.minsheng.observation.ObservationService;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

@GraphQLApi
public class ObservationSubscriptions {

    @Inject
    ChangeFeed feed;

    @Subscription("observationChanged")
    @NonNull
    @Description("Each change to a figure the filter selects, as it is committed: created, updated or deleted "
            + "through the API, or by an import. An update is delivered when the figure matched the filter before it "
            + "or matches after it. Over WebSocket (graphql-transport-ws) at /graphql; see docs/live.md.")
    public Multi<@NonNull ObservationChange> observationChanged(
            @Name("filter") @Description("Which figures to hear about; all when absent.") ObservationFilter filter) {
        check(filter);
        ChangeMatcher matcher = new ChangeMatcher(filter);
        // The fields of each change resolve in the connection's request context, in its language.
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState state = requests.isActive() ? requests.getState() : null;
        return Multi.createFrom().<ObservationChange> emitter(emitter -> {
            Consumer<List<ChangeLookups.Known>> listener = batch -> deliver(batch, matcher, emitter, requests, state);
            feed.listen(listener);
            emitter.onTermination(() -> feed.unlisten(listener));
        }, BackPressureStrategy.BUFFER);
    }

    private static void deliver(List<ChangeLookups.Known> batch, ChangeMatcher matcher,
            MultiEmitter<? super ObservationChange> emitter, ManagedContext requests,
            InjectableContext.ContextState state) {
        for (ChangeLookups.Known change : batch) {
            if (emitter.isCancelled() || !matcher.matches(change)) {
                continue;
            }
            boolean activated = state != null && !requests.isActive();
            if (activated) {
                requests.activate(state);
            }
            try {
                emitter.emit(new ObservationChange(change.event().action(), change.observation(), change.revision()));
            } finally {
                if (activated) {
                    requests.deactivate();
                }
            }
        }
    }

    private static void check(ObservationFilter filter) {
        if (filter == null) {
            return;
        }
        ObservationService.check(filter);
        InputLists.checked("filter.indicatorCodes", filter.indicatorCodes);
        InputLists.checked("filter.regionCodes", filter.regionCodes);
        InputLists.checked("filter.themes", filter.themes);
        InputLists.checked("filter.qualifiers", filter.qualifiers);
        InputLists.checked("filter.sourceCodes", filter.sourceCodes);
    }
}
