package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter and order readers make what SmallRye makes of the same values: SmallRye writes
 * graphql-java's values as JSON and binds them with JSON-B, which this test does too, and compares
 * every field. Values the readers leave to SmallRye are declined (null), so that SmallRye's error or
 * conversion applies.
 */
class ObservationInputReadersTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    static Stream<Map<String, Object>> filters() {
        return Stream.of(
                Map.of(),
                Map.of("themes", List.of("EMPLOYMENT"), "from", "2024-01-01", "to", "2025-12-31"),
                Map.of("indicatorCodes", List.of("synthetic.i1", "employment.urban_new_jobs")),
                Map.of("indicatorCodes", List.of()),
                Map.of("regionCodes", List.of("150102", "150203"), "within", "150000", "sourceCodes", List.of("census-2020")),
                Map.of("qualifiers", List.of("MORE_THAN", "EXACT"), "themes", List.of("EMPLOYMENT", "INCOME")),
                withNull("within"));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void aFilterIsReadAsSmallRyeBindsIt(Map<String, Object> fields) {
        ObservationFilter read = new ObservationInputReaders.FilterReader().read(fields);
        ObservationFilter bound = JSONB.fromJson(JSONB.toJson(fields), ObservationFilter.class);
        assertNotNull(read);
        assertEquals(bound.indicatorCodes, read.indicatorCodes);
        assertEquals(bound.regionCodes, read.regionCodes);
        assertEquals(bound.within, read.within);
        assertEquals(bound.themes, read.themes);
        assertEquals(bound.from, read.from);
        assertEquals(bound.to, read.to);
        assertEquals(bound.qualifiers, read.qualifiers);
        assertEquals(bound.sourceCodes, read.sourceCodes);
        assertNull(read.value);
    }

    @Test
    void whatTheReaderDoesNotReadExactlyIsLeftToSmallRye() {
        var reader = new ObservationInputReaders.FilterReader();
        assertNull(reader.read(Map.of("value", Map.of("gt", 1))), "a value range");
        assertNull(reader.read(Map.of("from", "2024-02-30")), "a day that does not exist");
        assertNull(reader.read(Map.of("from", "2024-1-1")), "a date not in ISO form");
        assertNull(reader.read(Map.of("themes", List.of("NO_SUCH_THEME"))), "an enum name of no constant");
        assertNull(reader.read(Map.of("unknown", "x")), "a field the reader does not know");
        assertNull(reader.read(Map.of("regionCodes", "150102")), "a single value where a list belongs");
    }

    @Test
    void anOrderIsReadAsSmallRyeBindsIt() {
        Map<String, Object> fields = Map.of("field", "VALUE", "direction", "DESC");
        ObservationOrder read = new ObservationInputReaders.OrderReader().read(fields);
        ObservationOrder bound = JSONB.fromJson(JSONB.toJson(fields), ObservationOrder.class);
        assertEquals(bound.field, read.field);
        assertEquals(bound.direction, read.direction);
        assertNull(new ObservationInputReaders.OrderReader().read(Map.of("field", "SIZE")));
    }

    private static Map<String, Object> withNull(String key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(key, null);
        fields.put("from", "2020-01-01");
        return fields;
    }
}
