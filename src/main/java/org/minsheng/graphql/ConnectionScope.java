package org.minsheng.graphql;

import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;

/**
 * The request context of one GraphQL WebSocket connection: made when the connection opens (with the
 * language of its upgrade request), entered for each message the connection receives, and ended
 * when it closes. SmallRye's subscription handler is given its {@link #state()} (as {@code "state"}),
 * and events delivered later run in it too (see {@code live/ObservationSubscriptions}). A connection
 * outlives any one message, so CDI's per-call {@code @ActivateRequestContext} cannot hold it.
 */
public final class ConnectionScope {

    private final ManagedContext requests = Arc.container().requestContext();
    private final InjectableContext.ContextState state;

    public ConnectionScope(Language language) {
        requests.activate();
        try {
            Arc.container().instance(CallerLanguage.class).get().set(language);
            state = requests.getState();
        } finally {
            requests.deactivate();
        }
    }

    public InjectableContext.ContextState state() {
        return state;
    }

    /** Runs {@code work} (one message) in the connection's context. */
    public void run(Runnable work) {
        requests.activate(state);
        try {
            work.run();
        } finally {
            requests.deactivate();
        }
    }

    /** Runs {@code last} (the close) in the connection's context, then ends the context. */
    public void close(Runnable last) {
        requests.activate(state);
        try {
            last.run();
        } finally {
            requests.terminate();
        }
    }
}
