package org.minsheng.limits;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLTypeUtil;

/**
 * Holds every request to its {@link ExecutionBudget}: before an object field is fetched the budget
 * is checked, and the objects it resolves are counted. Scalar fields are left alone: they read
 * what their parent already holds.
 */
public class BudgetInstrumentation extends SimplePerformantInstrumentation {

    /**
     * Whether each data fetcher (one per schema field) resolves objects. Decided once per fetcher, so
     * that a scalar field costs a map lookup: asking the parameters for the field would build its
     * whole fetching environment, which graphql-java otherwise skips for simple fields.
     */
    private final Map<DataFetcher<?>, Boolean> resolvesObjects = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        boolean counted = resolvesObjects.computeIfAbsent(fetcher, f -> !parameters.getField().getName().startsWith("__")
                && GraphQLTypeUtil.unwrapAll(parameters.getField().getType()) instanceof GraphQLFieldsContainer);
        if (!counted) {
            return fetcher;
        }
        return environment -> {
            ExecutionBudget budget = environment.getGraphQlContext().get(ExecutionBudget.KEY);
            if (budget == null) {
                return fetcher.get(environment);
            }
            budget.beforeFetch();
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
        };
    }

    private static long count(Object value) {
        Object data = value instanceof DataFetcherResult<?> result ? result.getData() : value;
        if (data == null) {
            return 0;
        }
        return data instanceof Collection<?> collection ? collection.size() : 1;
    }
}
