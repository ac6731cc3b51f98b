package org.minsheng.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.RequestContextHelper;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * Fetchers for the two kinds of field a list of objects is mostly made of, without SmallRye's
 * per-field work. SmallRye's own fetchers fill its request context before each call (the field's
 * path and its selected sub-fields, which nothing here reads) and convert every argument through its
 * helpers: in a list of 100 observations with their indicator, region and source that was the larger
 * part of the time (W3: 17 % for the context alone).
 * <ul>
 * <li>Plain fields (a record's components, an object's getters) read the property, and convert it where
 * SmallRye would (a date formatted, a value adapted) the way SmallRye does. They are graphql-java's
 * light fetchers: a plain field builds no fetching environment either.</li>
 * <li>Single-object fields with simple arguments ({@code name(@Source Region, language)},
 * {@code display(@Source Observation, language)}), and root query fields with simple arguments
 * ({@code region(code)}), call their resolver with the source and the arguments as graphql-java
 * coerced them (strings, numbers, booleans, enum names). What a resolver throws reaches graphql-java
 * as it would through SmallRye's fetcher; only the exceptions that fetcher turns into partial results
 * (MicroProfile GraphQL's, bean validation's) are left to it, by calling it. At the root, SmallRye's fetcher walked the whole
 * selection
 * below the field to fill its context before each call: 8 % of a series request (W5).</li>
 * <li>Root query fields with input objects or lists that answer one object ({@code observations(filter,
 * first, after)}: a page) call their resolver without the context (10 % of a paging request, W6), with
 * the arguments the {@link InputReader}s read, or else those SmallRye's helper converts; failures as
 * above.</li>
 * </ul>
 * Every other field (root fields answering lists or scalars, mutations, subscriptions, batched lists)
 * keeps SmallRye's fetcher.
 *
 * <p>
 * Registered in {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}; SmallRye asks
 * its services for a field's fetcher before it makes its own.
 */
public class LightFetchers implements DataFetcherService {

    /** Argument types a resolver here may take besides its source, as graphql-java hands them over. */
    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Integer.class, int.class, Boolean.class,
            boolean.class);

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new Property<>(field, owner);
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getOtherFieldDataFetcher(Operation operation, Type type) {
        return sourceField(operation, type);
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getOtherWrappedDataFetcher(Operation operation, Type type) {
        return sourceField(operation, type);
    }

    /**
     * A fetcher for a field of one source object; null for root fields, mutations and batches (whose
     * loaders SmallRye asks for here on every request: the answer is decided from the model alone).
     */
    private static PlugableBatchableDataFetcher<?, ?> sourceField(Operation operation, Type type) {
        boolean query = operation.getOperationType() == OperationType.QUERY && !operation.isSourceField();
        if (!(operation.isSourceField() || query)
                || operation.getArguments().stream().anyMatch(a -> a.isSourceArgument() && a.hasWrapper())) {
            return null;
        }
        Method method = resolver(operation, true);
        if (method != null) {
            return new SourceField<>(operation, type, method, false);
        }
        // A root query field with input objects or lists, answering one object (a page of figures):
        // its arguments converted by SmallRye's helper, its context left unfilled.
        method = query && !operation.hasWrapper() && operation.getReference().getType() == ReferenceType.TYPE
                ? resolver(operation, false)
                : null;
        return method == null ? null : new SourceField<>(operation, type, method, true);
    }

    /**
     * The resolver's method, when it is the only one of its name, takes one source object (not a list
     * of them: a batch, whose loader SmallRye asks for here too) and, when {@code simple}, simple
     * arguments only, and answers at once (not a future).
     */
    private static Method resolver(Operation operation, boolean simpleOnly) {
        Class<?> type = ClassloadingService.get().loadClass(operation.getClassName());
        List<Method> named = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(operation.getMethodName()))
                .toList();
        if (named.size() != 1 || named.get(0).getParameterCount() != operation.getArguments().size()) {
            return null;
        }
        Method method = named.get(0);
        if (CompletionStage.class.isAssignableFrom(method.getReturnType())
                || method.getReturnType().getName().startsWith("io.smallrye.mutiny.")) {
            return null;
        }
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            boolean simple = SIMPLE.contains(parameters[i]) || parameters[i].isEnum();
            boolean source = operation.getArguments().get(i).isSourceArgument();
            if (source ? Collection.class.isAssignableFrom(parameters[i]) : simpleOnly && !simple) {
                return null;
            }
        }
        return method;
    }

    static final class Property<T> extends FieldHelper
            implements PlugableDataFetcher<T>, LightDataFetcher<T>, TrivialDataFetcher<T> {

        private final Field field;
        private final Reference owner;
        private final boolean converted;
        private final boolean isoDate;
        private volatile Accessor accessor;

        Property(Field field, Reference owner) {
            super(field);
            this.field = field;
            this.owner = owner;
            this.converted = shouldTransform(field) || shouldAdapt(field);
            this.isoDate = LocalDate.class.getName().equals(field.getReference().getClassName())
                    && !field.hasTransformation() && !field.hasWrapper() && !shouldAdapt(field);
        }

        @Override
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            Object value = accessor().read(source);
            if (!converted) {
                return cast(value);
            }
            if (isoDate) {
                // What SmallRye's date transformer writes (ISO_LOCAL_DATE), without its formatter.
                return cast(value == null ? null : value.toString());
            }
            try {
                return cast(transformOrAdaptResponse(value, environment.get()));
            } catch (AbstractDataFetcherException e) {
                // As SmallRye's fetcher: the value as read, which graphql-java then reports if it cannot use it.
                return cast(value);
            }
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        private Accessor accessor() {
            Accessor found = accessor;
            if (found == null) {
                found = Accessor.of(owner, field);
                accessor = found;
            }
            return found;
        }
    }

    /** A public field or accessor method of the owning class, as SmallRye's schema names it. */
    private interface Accessor {

        Object read(Object source) throws ReflectiveOperationException;

        static Accessor of(Reference owner, Field field) {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field javaField = type.getField(field.getPropertyName());
                    javaField.setAccessible(true);
                    return javaField::get;
                }
                Method method = type.getMethod(field.getMethodName());
                method.setAccessible(true);
                return method::invoke;
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }

    /**
     * A resolver of one source object with simple arguments, called directly. The request context is
     * made active for it first (SmallRye's fetchers leave it inactive after each call, and a resolver
     * may read the caller's language from it).
     */
    static final class SourceField<K, T> extends QuarkusDefaultDataFetcher<K, T> {

        private final Method method;
        private final Class<?>[] parameters;
        private final List<Argument> arguments;
        private final boolean converted;
        private final InputArguments inputs;
        private final ManagedContext requests = Arc.container().requestContext();
        private volatile Object bean;

        /** {@code converted}: the arguments are converted by SmallRye's helper, not taken as they come. */
        SourceField(Operation operation, Type type, Method method, boolean converted) {
            super(operation, type);
            // Public: no access to grant, only the check at every call to skip (the caller's class
            // looked up and verified, about 2 % of W6's samples).
            method.setAccessible(true);
            this.method = method;
            this.parameters = method.getParameterTypes();
            this.arguments = operation.getArguments();
            this.converted = converted;
            this.inputs = converted ? new InputArguments(operation.getArguments()) : null;
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            Object[] values;
            try {
                values = converted ? converted(environment) : simple(environment);
            } catch (AbstractDataFetcherException | RuntimeException e) {
                return super.get(environment);
            }
            RequestContextHelper.reactivate(requests, environment);
            Object bean;
            try {
                bean = bean();
            } catch (RuntimeException e) {
                return super.get(environment);
            }
            try {
                return cast(method.invoke(bean, values));
            } catch (InvocationTargetException e) {
                // What the resolver threw goes to graphql-java, whose error handler is SmallRye's, as
                // SmallRye's fetcher passes it on. The MicroProfile GraphQL exceptions and bean-validation
                // failures, which that fetcher turns into partial results, are left to it by calling it
                // (they are raised before any work is done). Nothing else runs twice: a read that failed
                // because the database is down would otherwise wait for a connection twice.
                Throwable cause = e.getCause();
                if (cause instanceof org.eclipse.microprofile.graphql.GraphQLException
                        || cause instanceof jakarta.validation.ConstraintViolationException) {
                    return super.get(environment);
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw cause instanceof Exception exception ? exception : new GraphQLException(cause);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return super.get(environment);
            }
        }

        /** The arguments as the input readers read them, or else as SmallRye's helper converts them. */
        private Object[] converted(DataFetchingEnvironment environment) throws AbstractDataFetcherException {
            Object[] values = inputs.read(environment, true);
            return values != null ? values : argumentHelper.getArguments(environment).toArray();
        }

        private Object[] simple(DataFetchingEnvironment environment) {
            Object[] values = new Object[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                Argument argument = arguments.get(i);
                values[i] = argument.isSourceArgument() ? environment.getSource()
                        : coerced(parameters[i], environment.getArgument(argument.getName()));
            }
            return values;
        }

        private Object bean() {
            Object found = bean;
            if (found == null) {
                found = Arc.container().instance(method.getDeclaringClass()).get();
                bean = found;
            }
            return found;
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        private static Object coerced(Class<?> parameter, Object value) {
            if (value instanceof String name && parameter.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) parameter, name);
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
