package org.minsheng.observation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.graphql.InputReader;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.observation.ObservationOrder.ObservationOrderField;
import org.minsheng.vocabulary.Theme;

import io.quarkus.arc.Unremovable;

/**
 * The filter and order of the figure lists, read from graphql-java's values as SmallRye would bind
 * them (JSON-B: ISO dates, enum names, lists as lists); a value range, or anything else, is left to
 * SmallRye.
 */
final class ObservationInputReaders {

    private ObservationInputReaders() {
    }

    @ApplicationScoped
    @Unremovable
    static class FilterReader implements InputReader<ObservationFilter> {

        @Override
        public Class<ObservationFilter> type() {
            return ObservationFilter.class;
        }

        @Override
        public ObservationFilter read(Map<String, Object> fields) {
            ObservationFilter filter = new ObservationFilter();
            return withFields(filter, fields, (name, value) -> {
                switch (name) {
                    case "indicatorCodes" -> filter.indicatorCodes = list(value, String.class::cast);
                    case "regionCodes" -> filter.regionCodes = list(value, String.class::cast);
                    case "within" -> filter.within = (String) value;
                    case "themes" -> filter.themes = list(value, v -> Theme.valueOf((String) v));
                    case "from" -> filter.from = LocalDate.parse((String) value);
                    case "to" -> filter.to = LocalDate.parse((String) value);
                    case "qualifiers" -> filter.qualifiers = list(value, v -> Qualifier.valueOf((String) v));
                    case "sourceCodes" -> filter.sourceCodes = list(value, String.class::cast);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    @ApplicationScoped
    @Unremovable
    static class OrderReader implements InputReader<ObservationOrder> {

        @Override
        public Class<ObservationOrder> type() {
            return ObservationOrder.class;
        }

        @Override
        public ObservationOrder read(Map<String, Object> fields) {
            ObservationOrder order = new ObservationOrder();
            return withFields(order, fields, (name, value) -> {
                switch (name) {
                    case "field" -> order.field = ObservationOrderField.valueOf((String) value);
                    case "direction" -> order.direction = OrderDirection.valueOf((String) value);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    /**
     * {@code input} with each given field set by {@code field} (which answers false for a field it does
     * not know); null when a field is unknown or its value cannot be read (a wrong type, a date or enum
     * name that names nothing, a null in a list).
     */
    private static <T> T withFields(T input, Map<String, Object> fields, BiPredicate<String, Object> field) {
        try {
            for (Map.Entry<String, Object> given : fields.entrySet()) {
                if (given.getValue() != null && !field.test(given.getKey(), given.getValue())) {
                    return null;
                }
            }
        } catch (ClassCastException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return null;
        }
        return input;
    }

    /** A list of values, each read by {@code element}; a null element is refused (the schema's lists hold none). */
    private static <T> List<T> list(Object value, Function<Object, T> element) {
        List<T> list = new ArrayList<>();
        for (Object v : (List<?>) value) {
            list.add(element.apply(java.util.Objects.requireNonNull(v)));
        }
        return list;
    }
}
