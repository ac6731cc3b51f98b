package org.minsheng.limits;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import io.smallrye.graphql.execution.QueryCache;

/**
 * Holds every request to its {@link ExecutionBudget}, counted per object: before a field that
 * resolves objects is fetched the budget is checked (its rows and its time), and the objects it
 * resolves are counted after. Once the budget is spent every later object field answers null at
 * once, so nothing below it is fetched, no batch is queued and no error is made per field (the
 * response carries the one {@code LIMIT_EXCEEDED}). Scalar fields are not wrapped: they are read from
 * objects already fetched, and graphql-java's light path (no fetching environment) stays theirs.
 *
 * <p>
 * It is the engine's only instrumentation. SmallRye's own (its document cache, which acts when a
 * document is validated) is called from here for the hooks of a whole operation; graphql-java's
 * chain would otherwise call both for every field, and that chain was 5 % of a 100-object list's
 * samples. Should SmallRye's instrumentation be more than the document cache (query depth or
 * complexity, federated tracing, when configured), the two are chained as before.
 */
public final class BudgetInstrumentation extends SimplePerformantInstrumentation {

    /** The budget with SmallRye's instrumentation {@code existing} (null for none). */
    public static Instrumentation around(Instrumentation existing) {
        if (existing == null) {
            return new BudgetInstrumentation(new SimplePerformantInstrumentation());
        }
        if (actsOnlyOnOperations(existing)) {
            return new BudgetInstrumentation(existing);
        }
        return new ChainedInstrumentation(List.of(existing, new BudgetInstrumentation(new SimplePerformantInstrumentation())));
    }

    private static boolean actsOnlyOnOperations(Instrumentation instrumentation) {
        if (instrumentation instanceof QueryCache) {
            return true;
        }
        return instrumentation instanceof ChainedInstrumentation chain
                && chain.getInstrumentations().stream().allMatch(BudgetInstrumentation::actsOnlyOnOperations);
    }

    /** SmallRye's instrumentation, which has no per-field hook of its own. */
    private final Instrumentation operations;

    /**
     * Each data fetcher (one per schema field) wrapped once, so that a field costs a map lookup:
     * asking the parameters for the field would build its whole fetching environment, which
     * graphql-java otherwise skips for simple fields.
     */
    private final Map<DataFetcher<?>, DataFetcher<?>> wrapped = new ConcurrentHashMap<>();

    private BudgetInstrumentation(Instrumentation operations) {
        this.operations = operations;
    }

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
        return fetcher;
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

    private static long count(Object value) {
        Object data = value instanceof DataFetcherResult<?> result ? result.getData() : value;
        if (data == null) {
            return 0;
        }
        return data instanceof Collection<?> collection ? collection.size() : 1;
    }

    // The hooks of a whole operation, handed to SmallRye's instrumentation with the state it made.

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return operations.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return operations.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return operations.beginParse(parameters, state);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        return operations.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        return operations.beginExecuteOperation(parameters, state);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return operations.instrumentExecutionInput(input, parameters, state);
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return operations.instrumentDocumentAndVariables(documentAndVariables, parameters, state);
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return operations.instrumentSchema(schema, parameters, state);
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return operations.instrumentExecutionContext(context, parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return operations.instrumentExecutionResult(result, parameters, state);
    }
}
