package org.minsheng.graphql;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.spi.EventingService;

/**
 * Two changes to the engine SmallRye builds, made once when it is built:
 * <ul>
 * <li>A batched field ({@code @Source List<Parent>}) queues each parent's load on its DataLoader
 * directly. SmallRye's fetcher also fills its request context for every parent (the field's path and
 * selected sub-fields, walked again for each), converts the arguments for every parent and wraps each
 * load in a Mutiny pipeline with context propagation: 20 % of a request that pages the figures of 12
 * regions (W5). The loader ({@link ArgumentGroupedDataFetchers}) converts the arguments once per
 * batch and fills SmallRye's context once per batch, as before.</li>
 * <li>A batched field's loads are told apart by the parent and the arguments themselves
 * ({@link BatchKey}). SmallRye's DataLoader for a field with arguments keys each load by a number,
 * {@code Objects.hash(hash of the arguments, parent.hashCode())}: two parents with equal hash codes
 * in one batch (the indicators {@code test.keys.qaan} and {@code test.keys.qac0}), or two parents and
 * two sets of arguments whose hashes happen to combine to the same number, got one answer, the first
 * parent's figures shown for the second. Each request's first load of such a field puts a DataLoader
 * without that number in SmallRye's place, with the same batch loader.</li>
 * <li>Field visibility is graphql-java's default. SmallRye reads its default setting, the word
 * {@code default}, as a pattern of fields to hide, and then matches that pattern against every field
 * a request resolves.</li>
 * </ul>
 * The schema itself (types, fields, descriptions) is unchanged. SmallRye finds this service with
 * {@code ServiceLoader} ({@code META-INF/services}); the engine's schema is read from the builder's
 * field (registered for reflection for the native image), as the builder has no getter.
 */
@RegisterForReflection(targets = GraphQL.Builder.class, fields = true, methods = false)
public class LightBatches implements EventingService {

    private static final Logger LOG = Logger.getLogger(LightBatches.class);

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLSchema schema = schema(builder);
        if (schema == null) {
            return builder;
        }
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry light = registry.transform(changed -> {
            for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                    .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
                for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                    if (registry.getDataFetcher(coordinates, field) instanceof BatchDataFetcher<?>) {
                        changed.dataFetcher(coordinates,
                                Load.of(type.getName() + "_" + field.getName(), !field.getArguments().isEmpty()));
                    }
                }
            }
            if (defaultVisibility()) {
                changed.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
            }
        });
        return builder.schema(schema.transformWithoutTypes(changed -> changed.codeRegistry(light)));
    }

    /** Whether field visibility is left at SmallRye's default (no field hidden). */
    private static boolean defaultVisibility() {
        return "default".equals(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-graphql.field-visibility", String.class).orElse("default"));
    }

    private static GraphQLSchema schema(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("graphQLSchema");
            field.setAccessible(true);
            return (GraphQLSchema) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot read the schema SmallRye builds; its batched fields keep SmallRye's fetcher");
            return null;
        }
    }

    /**
     * Queues the parent on the field's DataLoader (named as SmallRye names it: the parent type and the
     * field), with the fetching environment its loader reads the arguments from.
     */
    private record Load(String loader, String keyedLoader) implements DataFetcher<Object> {

        /**
         * SmallRye's loader of a field without arguments keys a load by the parent itself, and is
         * kept; a field with arguments gets one keyed by {@link BatchKey}.
         */
        static Load of(String loader, boolean arguments) {
            return new Load(loader, arguments ? KEYED_LOADER + loader : null);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            // graphql-java's values, converted by the loader once per batch; they tell loads apart as
            // the converted ones would.
            List<Object> arguments = arguments(environment);
            HashMap<String, Object> context = new HashMap<>(4);
            context.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, environment);
            context.put(BatchLoaderHelper.ARGUMENTS, arguments);
            context.put(RAW_ARGUMENTS, Boolean.TRUE);
            if (keyedLoader == null) {
                return environment.getDataLoader(loader).load(environment.getSource(), context);
            }
            return keyed(environment, loader, keyedLoader).load(new BatchKey(environment.getSource(), arguments), context);
        }
    }

    /**
     * A load of a batched field: the parent and the arguments it was asked with, equal to another load
     * for an equal parent and the same arguments (one list per field of the document and request:
     * {@link #arguments}), so that the same load asked twice in one request is answered once. Two
     * aliases with equal arguments are two loads, grouped into one call of the resolver by the loader.
     * Written out rather than a record's: a record's hash code is computed through a method handle (0.4 %
     * of a request that pages the figures of 12 regions, W5).
     */
    static final class BatchKey {

        private final Object parent;
        private final List<Object> arguments;
        private final int hash;

        BatchKey(Object parent, List<Object> arguments) {
            this.parent = parent;
            this.arguments = arguments;
            this.hash = 31 * System.identityHashCode(arguments) + Objects.hashCode(parent);
        }

        Object parent() {
            return parent;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BatchKey that && that.arguments == arguments
                    && Objects.equals(that.parent, parent);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The parents of loads queued as {@link BatchKey}s (other keys are parents already). */
    @SuppressWarnings("unchecked")
    static <K> List<K> parents(List<K> keys) {
        List<K> parents = new ArrayList<>(keys.size());
        for (K key : keys) {
            parents.add(key instanceof BatchKey batchKey ? (K) batchKey.parent() : key);
        }
        return parents;
    }

    /**
     * This request's DataLoader of the field, keyed by {@link BatchKey}: made at the field's first
     * load, with the batch loader of SmallRye's, and registered in its place, so that graphql-java
     * dispatches it with the others.
     */
    @SuppressWarnings("unchecked")
    private static DataLoader<Object, Object> keyed(DataFetchingEnvironment environment, String loader,
            String keyedLoader) {
        return environment.getGraphQlContext().computeIfAbsent(keyedLoader, key -> {
            DataLoaderRegistry registry = environment.getDataLoaderRegistry();
            DataLoader<Object, Object> smallrye = registry.getDataLoader(loader);
            DataLoader<Object, Object> keyed = DataLoaderFactory.newDataLoader(loader,
                    (BatchLoaderWithContext<Object, Object>) smallrye.getBatchLoadFunction(), OPTIONS);
            // The loader registered may be another instance (the registry can wrap it): loads go to that one.
            return registry.registerAndGet(loader, keyed);
        });
    }

    /** The keyed loaders' options: the defaults (a load's key is its cache key). */
    private static final DataLoaderOptions OPTIONS = DataLoaderOptions.newOptions().build();

    /** Where a request keeps a field's DataLoader keyed by {@link BatchKey} (graphql-java's request context). */
    private static final String KEYED_LOADER = "minsheng.keyedLoader.";

    /**
     * The arguments of a field of the operation, as graphql-java coerces them, worked out once per
     * request for every parent the field is asked on: one field of the document and one set of
     * variables give one set of values, and graphql-java would coerce and validate them again for
     * each parent (the 12 counties of a prefecture: 6 % of such a request).
     */
    private static List<Object> arguments(DataFetchingEnvironment environment) {
        Map<graphql.language.Field, List<Object>> known = environment.getGraphQlContext().computeIfAbsent(ARGUMENTS_BY_FIELD,
                key -> new IdentityHashMap<>());
        synchronized (known) {
            return known.computeIfAbsent(environment.getField(),
                    field -> Collections.unmodifiableList(new ArrayList<>(environment.getArguments().values())));
        }
    }

    /** Marks a load whose arguments are still graphql-java's values: its loader converts them. */
    static final String RAW_ARGUMENTS = "minsheng.rawArguments";

    /** Where a request keeps the arguments of its batched fields (graphql-java's request context). */
    private static final String ARGUMENTS_BY_FIELD = "minsheng.batchArguments";
}
