package org.minsheng.graphql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.dataloader.BatchLoaderEnvironment;

import graphql.schema.DataFetchingEnvironment;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * Batch resolvers ({@code @Source List<Parent>}) that take arguments, called once per set of
 * arguments. SmallRye GraphQL gathers every load of a field into one batch and calls the resolver
 * with the arguments of the first load only, so {@code a: observations(first: 1)} and
 * {@code b: observations(first: 5)} (or a region's observations and its children's, when both
 * land in one dispatch) would both get the first one's answer. Here a batch is split by the
 * arguments each load was asked with, as graphql-java received them, and the resolver runs once
 * per distinct set: as many statements as there are sets, never one per parent. It is the loader of
 * every batch resolver, and converts each set's arguments to the resolver's types once (the loads
 * arrive with graphql-java's values, see {@link LightBatches}).
 *
 * <p>
 * The SmallRye behaviour this works around: a batch resolver's extra arguments are taken from the
 * batch's first load ({@code BatchLoaderHelper}, since https://github.com/smallrye/smallrye-graphql/pull/372,
 * which made such arguments possible at all).
 *
 * <p>
 * Registered in {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}, ahead of
 * Quarkus' own service (a lower priority is asked first), whose fetcher it extends.
 */
public class ArgumentGroupedDataFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    /**
     * One loader per batch resolver, made at its first request. SmallRye asks for the loader of every
     * batch resolver of the schema on every request (it makes a DataLoader for each); a new loader
     * each time loaded the resolver's classes again and built its helpers: 8 % of a paging request (W6).
     * A loader keeps nothing of a request.
     */
    private final Map<Identity, Fetcher<?, ?>> fetchers = new ConcurrentHashMap<>();

    /** An operation and its type by identity: SmallRye's model objects compare by value, field by field. */
    private record Identity(Operation operation, Type type) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.operation == operation && that.type == type;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(operation) + System.identityHashCode(type);
        }
    }

    @Override
    public PlugableBatchableDataFetcher getDefaultDataFetcher(Operation operation, Type type) {
        return operation.isSourceField()
                ? fetchers.computeIfAbsent(new Identity(operation, type), key -> new Fetcher<>(operation, type))
                : null;
    }

    static final class Fetcher<K, T> extends QuarkusDefaultDataFetcher<K, T> {

        private final InputArguments inputs;

        Fetcher(Operation operation, Type type) {
            super(operation, type);
            this.inputs = new InputArguments(operation.getArguments());
        }

        @Override
        public CompletionStage<List<T>> load(List<K> loads, BatchLoaderEnvironment environment) {
            List<K> keys = LightBatches.parents(loads);
            List<Object> contexts = environment.getKeyContextsList();
            if (contexts == null || contexts.size() != keys.size()) {
                return super.load(keys, environment);
            }
            Map<Object, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                groups.computeIfAbsent(arguments(contexts.get(i)), k -> new ArrayList<>()).add(i);
            }
            try {
                for (List<Integer> group : groups.values()) {
                    convertArguments(contexts.get(group.get(0)));
                }
            } catch (AbstractDataFetcherException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (groups.size() == 1) {
                return invoke(keys, environment);
            }
            List<CompletableFuture<List<T>>> answers = new ArrayList<>();
            List<List<Integer>> positions = new ArrayList<>(groups.values());
            for (List<Integer> group : positions) {
                List<K> groupKeys = new ArrayList<>(group.size());
                List<Object> groupContexts = new ArrayList<>(group.size());
                for (int i : group) {
                    groupKeys.add(keys.get(i));
                    groupContexts.add(contexts.get(i));
                }
                BatchLoaderEnvironment groupEnvironment = BatchLoaderEnvironment.newBatchLoaderEnvironment()
                        .context(environment.getContext()).keyContexts(groupKeys, groupContexts).build();
                answers.add(invoke(groupKeys, groupEnvironment).toCompletableFuture());
            }
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<T> result = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    result.add(null);
                }
                for (int g = 0; g < positions.size(); g++) {
                    List<T> answer = answers.get(g).join();
                    List<Integer> group = positions.get(g);
                    for (int j = 0; j < group.size(); j++) {
                        result.set(group.get(j), answer.get(j));
                    }
                }
                return result;
            });
        }

        /**
         * Calls the resolver with the batch's parents and its first load's arguments. SmallRye's
         * {@code load} also fills its request context for the field first (path, arguments and the
         * selected sub-fields walked as JSON: 8 % of a request that pages the figures of 12 regions);
         * no resolver here reads that context.
         */
        private CompletionStage<List<T>> invoke(List<K> keys, BatchLoaderEnvironment environment) {
            Map<String, Object> batch = batchLoaderHelper.getBatchContext(keys, environment);
            return invokeBatch(batchLoaderHelper.getDataFetchingEnvironment(batch), batchLoaderHelper.getArguments(batch));
        }

        /**
         * Puts the arguments of a group's first load, as the resolver takes them (read by the
         * {@link InputReader}s, or else converted by SmallRye's helper), where SmallRye's loader
         * reads them: once per group (graphql/LightBatches queues each load with its fetching
         * environment only; SmallRye's own fetcher converted them for every parent).
         */
        @SuppressWarnings("unchecked")
        private void convertArguments(Object keyContext) throws AbstractDataFetcherException {
            if (keyContext instanceof Map<?, ?> context && context.remove(LightBatches.RAW_ARGUMENTS) != null
                    && context.get(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT) instanceof DataFetchingEnvironment dfe) {
                Object[] read = inputs.read(dfe, false);
                ((Map<String, Object>) context).put(BatchLoaderHelper.ARGUMENTS,
                        read != null ? Arrays.asList(read) : argumentHelper.getArguments(dfe, true));
            }
        }

        /**
         * The arguments one load was asked with, as graphql-java coerced them (maps, lists and scalars),
         * before they are converted.
         */
        private static Object arguments(Object keyContext) {
            if (keyContext instanceof Map<?, ?> context) {
                if (context.containsKey(LightBatches.RAW_ARGUMENTS)) {
                    return context.get(BatchLoaderHelper.ARGUMENTS);
                }
                if (context.get(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT) instanceof DataFetchingEnvironment dfe) {
                    return dfe.getArguments();
                }
            }
            return keyContext;
        }
    }
}
