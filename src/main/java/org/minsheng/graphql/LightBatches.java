package org.minsheng.graphql;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
                        changed.dataFetcher(coordinates, new Load(type.getName() + "_" + field.getName()));
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
    private record Load(String loader) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) {
            // SmallRye's loader keys its cache on the arguments' hash: graphql-java's values hash as
            // the converted ones would, and the loader converts them once per batch.
            HashMap<String, Object> context = new HashMap<>(4);
            context.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, environment);
            context.put(BatchLoaderHelper.ARGUMENTS, arguments(environment));
            context.put(RAW_ARGUMENTS, Boolean.TRUE);
            return environment.getDataLoader(loader).load(environment.getSource(), context);
        }
    }

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
