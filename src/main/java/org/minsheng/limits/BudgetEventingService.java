package org.minsheng.limits;

import java.lang.reflect.Field;

import org.jboss.logging.Logger;

import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Makes the {@link BudgetInstrumentation} the instrumentation of the GraphQL engine SmallRye builds,
 * around SmallRye's own (its document cache). SmallRye finds this service with {@code ServiceLoader}
 * ({@code META-INF/services}); it is always on and takes part in no per-field event. The builder
 * only lets an instrumentation be replaced, so the existing one is read from the builder's field
 * (registered for reflection for the native image).
 */
@RegisterForReflection(targets = GraphQL.Builder.class, fields = true, methods = false)
public class BudgetEventingService implements EventingService {

    private static final Logger LOG = Logger.getLogger(BudgetEventingService.class);

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return builder.instrumentation(BudgetInstrumentation.around(existing(builder)));
    }

    private static Instrumentation existing(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot read SmallRye's GraphQL instrumentation; its document cache is off");
            return null;
        }
    }
}
