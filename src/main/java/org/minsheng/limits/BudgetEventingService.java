package org.minsheng.limits;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adds the {@link BudgetInstrumentation} to the GraphQL engine SmallRye builds, after SmallRye's own
 * instrumentation (its document cache). SmallRye finds this service with {@code ServiceLoader}
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
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation existing = existing(builder);
        if (existing != null) {
            chain.add(existing);
        }
        chain.add(new BudgetInstrumentation());
        return builder.instrumentation(new ChainedInstrumentation(chain));
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
