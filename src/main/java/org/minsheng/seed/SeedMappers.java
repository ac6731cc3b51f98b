package org.minsheng.seed;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mappers that bind the bundle's files to the rows of {@link SeedBundle}: snake-case
 * names, the bundle's own notations for decimals, periods and partial dates, and {@link Cells}, which
 * turns a value that does not fit its column into a problem with its file and line and goes on, so
 * that every problem of a row is reported.
 */
final class SeedMappers {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int MAX_SCALE = 6;
    private static final int MAX_INTEGER_DIGITS = 24;

    private static final SimpleModule NOTATIONS = new SimpleModule("minsheng-seed")
            .addDeserializer(BigDecimal.class, new Notation<>(BigDecimal.class, SeedMappers::decimal))
            .addDeserializer(PeriodNotation.Interval.class, new Notation<>(PeriodNotation.Interval.class,
                    PeriodNotation::parse))
            .addDeserializer(PeriodNotation.PartialDate.class, new Notation<>(PeriodNotation.PartialDate.class,
                    PeriodNotation::partial));

    static final CsvMapper CSV = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.EMPTY_STRING_AS_NULL,
                    CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .addModule(NOTATIONS)
            .addModule(new JavaTimeModule())
            .build();

    static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .addModule(NOTATIONS)
            .addModule(new JavaTimeModule())
            .build();

    private SeedMappers() {
    }

    /** A value in base units: plain digits, at most 6 decimals; IllegalArgumentException otherwise. */
    static BigDecimal decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "is not a decimal number in base units (e.g. 201000 for 20.1万, 98.2 for 98.2%)");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("has more than " + MAX_SCALE + " decimals or " + MAX_INTEGER_DIGITS
                    + " integer digits");
        }
        return value;
    }

    /** A bundle notation read from text; a text it refuses is a problem of its cell, not an exception. */
    private static final class Notation<T> extends JsonDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;

        Notation(Class<T> type, Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                text = p.getText();
            }
            try {
                return parse.apply(text.strip());
            } catch (IllegalArgumentException e) {
                @SuppressWarnings("unchecked")
                T handled = (T) ctxt.handleWeirdStringValue(type, text, e.getMessage());
                return handled;
            }
        }
    }

    /**
     * Collects the problems of the values of one file: each goes to {@code problems} as
     * {@code file:line: column "value" reason}, and the value is read as empty.
     */
    static final class Cells extends DeserializationProblemHandler {

        private final String file;
        private final List<Problem> problems;
        private int line;
        private Set<String> invalid = new HashSet<>();

        Cells(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        String file() {
            return file;
        }

        /** The line that the next problems are reported at: the row's or the entry's first line. */
        void at(int line) {
            this.line = line;
            this.invalid = new HashSet<>();
        }

        /** A located row or entry: the columns of its line whose values did not fit. */
        <T> Located<T> located(T row) {
            return new Located<>(line, row, Set.copyOf(invalid));
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) throws IOException {
            String column = ctxt.getParser().currentName();
            invalid.add(column);
            problems.add(new Problem(file, line, column + " \"" + value + "\" " + reason(targetType, failureMsg)));
            return null;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            problems.add(new Problem(file, line, "unknown field \"" + propertyName + "\" (known: "
                    + deserializer.getKnownPropertyNames().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", "))
                    + ")"));
            p.skipChildren();
            return true;
        }

        private static String reason(Class<?> type, String failureMsg) {
            if (type.isEnum()) {
                return "is not one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            if (type == Boolean.class || type == boolean.class) {
                return "is not true or false";
            }
            if (type == LocalDate.class) {
                return "is not a date (YYYY-MM-DD)";
            }
            if (type == BigDecimal.class || type == PeriodNotation.Interval.class
                    || type == PeriodNotation.PartialDate.class) {
                return failureMsg;
            }
            return "is not a " + type.getSimpleName();
        }
    }
}
