package org.minsheng.limits;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;

/**
 * Holds every request to its {@link ExecutionBudget}. Before an object field is fetched the budget
 * is checked, and the objects it resolves are counted. Once the budget is spent, every later field
 * answers null at once: nothing below it is fetched or completed, no error is made per field (the
 * response carries the one {@code LIMIT_EXCEEDED}), and a scalar field checks the time as well, so
 * that a large last level stops at the time limit too. A scalar field's check is a thread-local
 * read and a clock read, and keeps graphql-java's light path: its fetching environment is still
 * not built.
 */
public class BudgetInstrumentation extends SimplePerformantInstrumentation {

    /**
     * Whether each data fetcher (one per schema field) resolves objects. Decided once per fetcher, so
     * that a field costs a map lookup: asking the parameters for the field would build its whole
     * fetching environment, which graphql-java otherwise skips for simple fields.
     */
    private final Map<DataFetcher<?>, DataFetcher<?>> wrapped = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return wrapped.computeIfAbsent(fetcher, f -> wrap(f, parameters));
    }

    private static DataFetcher<?> wrap(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters) {
        if (parameters.getField().getName().startsWith("__")) {
            return fetcher;
        }
        if (GraphQLTypeUtil.unwrapAll(parameters.getField().getType()) instanceof GraphQLFieldsContainer) {
            return new Counted(fetcher);
        }
        return fetcher instanceof LightDataFetcher<?> light ? new TimedLight(light) : new Timed(fetcher);
    }

    /** An object field: checked before, its objects counted after. */
    private record Counted(DataFetcher<?> fetcher) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            ExecutionBudget budget = ExecutionBudget.current();
            if (budget == null) {
                return fetcher.get(environment);
            }
            if (budget.spent()) {
                return null;
            }
            Object result;
            try {
                result = fetcher.get(environment);
            } catch (Exception | Error failure) {
                budget.failed(failure);
                throw failure;
            }
            if (result instanceof CompletionStage<?> stage) {
                return stage.toCompletableFuture().whenComplete((value, failure) -> {
                    if (failure != null) {
                        budget.failed(failure);
                    } else {
                        budget.resolved(count(value));
                    }
                });
            }
            budget.resolved(count(result));
            return result;
        }
    }

    /** A scalar field read from its parent: null once the budget is spent. */
    private record TimedLight(LightDataFetcher<?> fetcher) implements LightDataFetcher<Object> {

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            return ExecutionBudget.stopped() ? null : fetcher.get(field, source, environment);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return ExecutionBudget.stopped() ? null : fetcher.get(environment);
        }
    }

    /** A scalar field with its own resolver (a name in a language, say): null once the budget is spent. */
    private record Timed(DataFetcher<?> fetcher) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return ExecutionBudget.stopped() ? null : fetcher.get(environment);
        }
    }

    private static long count(Object value) {
        Object data = value instanceof DataFetcherResult<?> result ? result.getData() : value;
        if (data == null) {
            return 0;
        }
        return data instanceof Collection<?> collection ? collection.size() : 1;
    }
}
