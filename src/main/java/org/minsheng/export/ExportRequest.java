package org.minsheng.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.observation.DecimalRange;
import org.minsheng.observation.ObservationFilter;
import org.minsheng.observation.ObservationOrder;
import org.minsheng.observation.ObservationOrder.ObservationOrderField;
import org.minsheng.observation.Qualifier;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Theme;

/**
 * An export's filter, order and options, read from query parameters: the GraphQL
 * {@code observations} filter with one parameter per field ({@code indicator}, {@code region},
 * {@code within}, {@code theme}, {@code from}, {@code to}, {@code qualifier}, {@code source},
 * {@code valueGt}, {@code valueGte}, {@code valueLt}, {@code valueLte}); lists repeat the
 * parameter or separate values with commas. {@code orderBy} and {@code direction} are those of
 * {@code ObservationOrder}; {@code lang} (zh, en) chooses the names and display text; {@code bom=true}
 * starts a CSV with a UTF-8 byte order mark for Excel. An unknown parameter or a bad value is
 * refused, naming it.
 */
public record ExportRequest(ObservationFilter filter, ObservationOrder order, Language language, boolean bom) {

    private static final Set<String> PARAMETERS = Set.of("indicator", "region", "within", "theme", "from", "to",
            "qualifier", "source", "valueGt", "valueGte", "valueLt", "valueLte", "orderBy", "direction", "lang", "bom");

    /** Reads the parameters (name to values, as the query string gives them). */
    public static ExportRequest of(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadUserInputException("unknown parameter \"" + name + "\"; the parameters are "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        ObservationFilter filter = new ObservationFilter();
        filter.indicatorCodes = list(parameters, "indicator", Function.identity());
        filter.regionCodes = list(parameters, "region", Function.identity());
        filter.within = single(parameters, "within", Function.identity());
        filter.themes = list(parameters, "theme", v -> Theme.valueOf(v.toUpperCase(Locale.ROOT)));
        filter.from = single(parameters, "from", LocalDate::parse);
        filter.to = single(parameters, "to", LocalDate::parse);
        filter.qualifiers = list(parameters, "qualifier", v -> Qualifier.valueOf(v.toUpperCase(Locale.ROOT)));
        filter.sourceCodes = list(parameters, "source", Function.identity());
        DecimalRange value = new DecimalRange();
        value.gt = single(parameters, "valueGt", DecimalRange::bound);
        value.gte = single(parameters, "valueGte", DecimalRange::bound);
        value.lt = single(parameters, "valueLt", DecimalRange::bound);
        value.lte = single(parameters, "valueLte", DecimalRange::bound);
        if (value.gt != null || value.gte != null || value.lt != null || value.lte != null) {
            filter.value = value;
        }
        ObservationOrder order = null;
        ObservationOrderField field = single(parameters, "orderBy",
                v -> ObservationOrderField.valueOf(v.toUpperCase(Locale.ROOT)));
        OrderDirection direction = single(parameters, "direction",
                v -> OrderDirection.valueOf(v.toUpperCase(Locale.ROOT)));
        if (field != null) {
            order = new ObservationOrder();
            order.field = field;
            order.direction = direction;
        } else if (direction != null) {
            throw new BadUserInputException("direction: give orderBy too");
        }
        Language language = single(parameters, "lang", v -> Language.valueOf(v.toUpperCase(Locale.ROOT)));
        Boolean bom = single(parameters, "bom", v -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(v);
            }
            return Boolean.valueOf(v);
        });
        return new ExportRequest(filter, order, language == null ? Language.ZH : language, Boolean.TRUE.equals(bom));
    }

    /**
     * The query string of {@code filter} and {@code order}, for a link to their export; the
     * parameters in a fixed order, so the same filter gives the same link.
     */
    public static String queryString(ObservationFilter filter, ObservationOrder order, Language language) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (filter != null) {
            put(parameters, "indicator", filter.indicatorCodes);
            put(parameters, "region", filter.regionCodes);
            put(parameters, "within", filter.within);
            put(parameters, "theme", filter.themes);
            put(parameters, "from", filter.from);
            put(parameters, "to", filter.to);
            put(parameters, "qualifier", filter.qualifiers);
            put(parameters, "source", filter.sourceCodes);
            if (filter.value != null) {
                put(parameters, "valueGt", filter.value.gt);
                put(parameters, "valueGte", filter.value.gte);
                put(parameters, "valueLt", filter.value.lt);
                put(parameters, "valueLte", filter.value.lte);
            }
        }
        if (order != null) {
            put(parameters, "orderBy", order.field);
            put(parameters, "direction", order.direction);
        }
        if (language != null && language != Language.ZH) {
            put(parameters, "lang", language.name().toLowerCase(Locale.ROOT));
        }
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(name + "="
                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value instanceof List<?> list) {
            parameters.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (value instanceof BigDecimal decimal) {
            parameters.put(name, decimal.toPlainString());
        } else if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    private static <T> List<T> list(Map<String, List<String>> parameters, String name, Function<String, T> parse) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        List<T> parsed = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                parsed.add(parse(name, part.strip(), parse));
            }
        }
        return parsed;
    }

    private static <T> T single(Map<String, List<String>> parameters, String name, Function<String, T> parse) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadUserInputException(name + ": give it once");
        }
        return parse(name, values.get(0).strip(), parse);
    }

    private static <T> T parse(String name, String value, Function<String, T> parse) {
        if (value.isEmpty()) {
            throw new BadUserInputException(name + ": empty value");
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new BadUserInputException(name + ": \"" + value + "\" is not a valid value" + hint(name));
        }
    }

    private static String hint(String name) {
        return switch (name) {
            case "theme" -> " (" + String.join(", ", Arrays.stream(Theme.values()).map(Enum::name).toList()) + ")";
            case "qualifier" -> " (" + String.join(", ", Arrays.stream(Qualifier.values()).map(Enum::name).toList()) + ")";
            case "from", "to" -> " (a day: 2025-01-31)";
            case "orderBy" -> " ("
                    + String.join(", ", Arrays.stream(ObservationOrderField.values()).map(Enum::name).toList()) + ")";
            case "direction" -> " (ASC, DESC)";
            case "lang" -> " (zh, en)";
            case "bom" -> " (true, false)";
            default -> "";
        };
    }
}
