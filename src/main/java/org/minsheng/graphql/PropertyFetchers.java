package org.minsheng.graphql;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * The fetchers of plain fields (a record's components, an object's getters): read the property and,
 * where SmallRye would convert the value (a date formatted, a value adapted), convert it the way
 * SmallRye does. SmallRye's own field fetcher also fills its per-field request context before each
 * read (the field's path and selected sub-fields, which nothing here reads): that was the largest
 * single cost of a list of objects (17 % of W3's samples). These fetchers are graphql-java's light
 * fetchers, so a plain field builds no fetching environment either.
 *
 * <p>
 * Registered in {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}; SmallRye asks
 * its services for a field's fetcher before it makes its own.
 */
public class PropertyFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new Property<>(field, owner);
    }

    static final class Property<T> extends FieldHelper
            implements PlugableDataFetcher<T>, LightDataFetcher<T>, TrivialDataFetcher<T> {

        private final Field field;
        private final Reference owner;
        private final boolean converted;
        private volatile Accessor accessor;

        Property(Field field, Reference owner) {
            super(field);
            this.field = field;
            this.owner = owner;
            this.converted = shouldTransform(field) || shouldAdapt(field);
        }

        @Override
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            Object value = accessor().read(source);
            if (!converted) {
                return cast(value);
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

        @SuppressWarnings("unchecked")
        private static <T> T cast(Object value) {
            return (T) value;
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
                    return javaField::get;
                }
                Method method = type.getMethod(field.getMethodName());
                return method::invoke;
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }
}
