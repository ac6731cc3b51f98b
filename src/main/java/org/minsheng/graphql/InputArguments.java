package org.minsheng.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.util.TypeLiteral;

import graphql.schema.DataFetchingEnvironment;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.spi.ClassloadingService;

/**
 * The arguments of a resolver, read without SmallRye's conversion where each one given is a single
 * simple value (a string, number, boolean or enum name) or an input object an {@link InputReader}
 * reads; otherwise null, and the caller converts them with SmallRye's helper.
 */
final class InputArguments {

    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Integer.class, Boolean.class);

    /** How each argument is read, worked out at the first call; none when one of them is left to SmallRye. */
    private volatile Reader[] readers;

    private static final Reader[] NONE = new Reader[0];

    private interface Reader {

        /** The argument's value; {@link #DECLINED} when it is left to SmallRye. */
        Object read(Object raw);
    }

    private static final Object DECLINED = new Object();

    private final List<Argument> arguments;

    InputArguments(List<Argument> arguments) {
        this.arguments = arguments;
    }

    private Reader[] readers() {
        Reader[] found = readers;
        if (found == null) {
            found = new Reader[arguments.size()];
            boolean any = false;
            for (int i = 0; i < found.length; i++) {
                Reader reader = reader(arguments.get(i));
                any |= reader != null;
                // an argument of another type is left to SmallRye when it is given
                found[i] = reader != null ? reader : raw -> DECLINED;
            }
            found = any ? found : NONE;
            readers = found;
        }
        return found;
    }

    /**
     * The arguments for the resolver ({@code withSource}: the source object where the resolver takes
     * it), or null when SmallRye is to convert them.
     */
    Object[] read(DataFetchingEnvironment environment, boolean withSource) {
        Reader[] readers = readers();
        if (readers == NONE) {
            return null;
        }
        Object[] values = new Object[arguments.size()];
        int n = 0;
        for (int i = 0; i < readers.length; i++) {
            Argument argument = arguments.get(i);
            if (argument.isSourceArgument()) {
                if (withSource) {
                    values[n++] = environment.getSource();
                }
                continue;
            }
            Object raw = environment.getArgument(argument.getName());
            Object value;
            try {
                value = raw == null ? null : readers[i].read(raw);
            } catch (RuntimeException e) {
                // an enum name that names no constant, say: SmallRye makes the error
                return null;
            }
            if (value == DECLINED) {
                return null;
            }
            values[n++] = value;
        }
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Reader reader(Argument argument) {
        if (argument.isSourceArgument()) {
            return raw -> raw;
        }
        if (argument.hasWrapper() || argument.hasTransformation() || argument.isAdaptingTo() || argument.isAdaptingWith()
                || argument.getReference().isAdaptingTo() || argument.getReference().isAdaptingWith()) {
            return null;
        }
        Class<?> type;
        try {
            type = ClassloadingService.get().loadClass(argument.getReference().getClassName());
        } catch (RuntimeException e) {
            return null;
        }
        if (SIMPLE.contains(type)) {
            return raw -> type.isInstance(raw) ? raw : DECLINED;
        }
        if (type.isEnum()) {
            return raw -> raw instanceof String name ? Enum.valueOf((Class<? extends Enum>) type, name)
                    : type.isInstance(raw) ? raw : DECLINED;
        }
        InputReader<?> input = inputReader(type);
        if (input == null) {
            return null;
        }
        return raw -> {
            if (!(raw instanceof Map<?, ?> fields)) {
                return DECLINED;
            }
            Object read = input.read((Map<String, Object>) fields);
            return read == null ? DECLINED : read;
        };
    }

    /** The reader registered for {@code type}, or null. */
    static InputReader<?> inputReader(Class<?> type) {
        // A wildcard: a reader's bean type is InputReader<ItsInput>, which a raw InputReader does not match.
        for (InstanceHandle<InputReader<?>> handle : Arc.container().listAll(new TypeLiteral<InputReader<?>>() {
        })) {
            InputReader<?> reader = handle.get();
            if (reader.type() == type) {
                return reader;
            }
        }
        return null;
    }
}
