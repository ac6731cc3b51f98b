package org.minsheng.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.program.ProgramEntity;
import org.minsheng.region.RegionEntity;
import org.minsheng.source.SourceEntity;

/**
 * Each row type of the bundle fills every column of its table, and every field of the row reaches
 * the table: a field added to a row but not mapped, or to an entity but not to its row, fails here.
 * The check varies one row field at a time and watches which entity fields change.
 */
class SeedMappingTest {

    /**
     * A bundle file's row type and its table. {@code bundleOnly}: row fields that go elsewhere;
     * {@code filledElsewhere}: columns SeedWriter fills from elsewhere in the bundle.
     */
    record Table<R, E>(Class<R> row, Class<E> entity, Supplier<E> create, BiConsumer<R, E> apply,
            Set<String> bundleOnly, Set<String> filledElsewhere) {

        Table(Class<R> row, Class<E> entity, Supplier<E> create, BiConsumer<R, E> apply, Set<String> bundleOnly) {
            this(row, entity, create, apply, bundleOnly, Set.of());
        }

        @Override
        public String toString() {
            return row.getSimpleName() + " -> " + entity.getSimpleName();
        }
    }

    static Stream<Table<?, ?>> tables() {
        return Stream.of(
                new Table<>(SeedBundle.RegionRow.class, RegionEntity.class, RegionEntity::new,
                        SeedBundle.RegionRow::applyTo, Set.of()),
                // text names the file quotes are checked against; SeedWriter stores that file's text.
                new Table<>(SeedBundle.SourceDef.class, SourceEntity.class, SourceEntity::new,
                        SeedBundle.SourceDef::applyTo, Set.of("text", "tables"), Set.of("fullText")),
                new Table<>(SeedBundle.IndicatorDef.class, IndicatorEntity.class, IndicatorEntity::new,
                        SeedBundle.IndicatorDef::applyTo, Set.of()),
                // regions and indicators are rows of the link tables, written by SeedWriter.
                new Table<>(SeedBundle.ProgramDef.class, ProgramEntity.class, ProgramEntity::new,
                        SeedBundle.ProgramDef::applyTo, Set.of("regions", "indicators")),
                new Table<>(SeedBundle.ObservationRow.class, ObservationEntity.class, ObservationEntity::new,
                        SeedBundle.ObservationRow::applyTo, Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <R, E> void everyRowFieldFillsAColumnAndEveryColumnIsFilled(Table<R, E> table) throws ReflectiveOperationException {
        RecordComponent[] components = table.row().getRecordComponents();
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            base[i] = sample(components[i], 0);
        }
        Map<String, Object> baseState = state(table, base);

        Set<String> unused = new TreeSet<>();
        Set<String> filled = new TreeSet<>();
        for (int i = 0; i < components.length; i++) {
            Object[] varied = base.clone();
            varied[i] = sample(components[i], 1);
            Map<String, Object> state = state(table, varied);
            List<String> changed = baseState.keySet().stream()
                    .filter(f -> !same(baseState.get(f), state.get(f))).toList();
            if (changed.isEmpty() && !table.bundleOnly().contains(components[i].getName())) {
                unused.add(components[i].getName());
            }
            filled.addAll(changed);
        }
        Set<String> unfilled = new TreeSet<>(baseState.keySet());
        unfilled.removeAll(filled);
        unfilled.removeAll(table.filledElsewhere());

        assertEquals(Set.of(), unused, table + ": row fields that reach no column (map them in applyTo)");
        assertEquals(Set.of(), unfilled, table + ": columns no row field fills (add the field to the row and to applyTo)");
    }

    private static <R, E> Map<String, Object> state(Table<R, E> table, Object[] values) throws ReflectiveOperationException {
        Class<?>[] types = Arrays.stream(table.row().getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        R row = table.row().getDeclaredConstructor(types).newInstance(values);
        E entity = table.create().get();
        table.apply().accept(row, entity);
        Map<String, Object> state = new LinkedHashMap<>();
        for (Field field : persistentFields(table.entity())) {
            state.put(field.getName(), field.get(entity));
        }
        return state;
    }

    /** The entity's columns: its public instance fields and those of its mapped superclasses, but not generated IDs. */
    private static List<Field> persistentFields(Class<?> entity) {
        List<Field> fields = new ArrayList<>();
        List<Field> declared = new ArrayList<>();
        for (Class<?> type = entity; type.isAnnotationPresent(Entity.class)
                || type.isAnnotationPresent(MappedSuperclass.class); type = type.getSuperclass()) {
            declared.addAll(Arrays.asList(type.getDeclaredFields()));
        }
        for (Field field : declared) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                    && !field.isAnnotationPresent(Transient.class) && !field.isAnnotationPresent(GeneratedValue.class)
                    && !field.isAnnotationPresent(Version.class)) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A value of the component's type; variant 0 and 1 differ. */
    private static Object sample(RecordComponent component, int variant) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return component.getName() + variant;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(10 + variant);
        }
        if (type == Integer.class) {
            return 5 + variant;
        }
        if (type == Boolean.class) {
            return variant == 1;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2024, 1, 1 + variant);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[variant];
        }
        if (type == List.class) {
            return List.of("item" + variant);
        }
        if (type == PeriodNotation.Interval.class) {
            // Both ends move, so that a forgotten end would show.
            return new PeriodNotation.Interval(LocalDate.of(2024, 1, 1 + variant), LocalDate.of(2024, 12, 30 + variant));
        }
        if (type == PeriodNotation.PartialDate.class) {
            return variant == 0 ? PeriodNotation.partial("2024") : PeriodNotation.partial("2023-06-15");
        }
        throw new IllegalArgumentException("no sample values for " + type + " (field " + component.getName()
                + "): add them here");
    }
}
