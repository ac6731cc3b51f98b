package org.minsheng.graphql;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.minsheng.limits.ExecutionBudget;
import org.minsheng.security.Caller;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;

import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs one GraphQL operation with SmallRye's execution service, whole on the calling thread, in a
 * request context of its own, set up the way Quarkus' own GraphQL handler does it: activated for
 * the operation, its state handed to SmallRye ({@code "state"}, which its data fetchers reactivate
 * should a fetch leave the thread's context inactive), and terminated after it. The operation's HTTP
 * request, caller (its Authorization header) and language are set in it first. Its reads use the
 * request's session (see {@code persistence/ReadOnlyInterceptor}) and are held to its
 * {@link ExecutionBudget}.
 *
 * <p>
 * CDI's {@code @ActivateRequestContext} would be shorter and is not safe here: SmallRye's batch
 * fetchers can leave the context deactivated when they return, and the interceptor's terminate then
 * ends nothing, so the request's Hibernate session and its pooled connection were never closed (the
 * test suite ran out of connections within seconds).
 */
@ApplicationScoped
public class OperationRunner {

    @Inject
    ExecutionService executionService;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    CallerLanguage callerLanguage;

    @Inject
    Caller caller;

    public ExecutionResult run(RoutingContext request, JsonObject operation, Map<String, Object> context,
            ExecutionBudget budget, Language language, String authorization) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        InjectableContext.ContextState state = requests.getState();
        context.put("state", state);
        Capture capture = new Capture();
        try {
            currentRequest.setCurrent(request);
            callerLanguage.set(language);
            caller.authorization(authorization);
            budget.during(() -> {
                executionService.executeSync(operation, context, capture);
                return null;
            });
        } finally {
            if (!requests.isActive()) {
                requests.activate(state);
            }
            requests.terminate();
        }
        if (capture.failure != null) {
            throw new IllegalStateException("GraphQL execution failed", capture.failure);
        }
        return capture.response.getExecutionResult();
    }

    private static final class Capture implements ExecutionResponseWriter {
        ExecutionResponse response;
        Throwable failure;

        @Override
        public void write(ExecutionResponse response) {
            this.response = response;
        }

        @Override
        public void fail(Throwable failure) {
            this.failure = failure;
        }
    }
}
