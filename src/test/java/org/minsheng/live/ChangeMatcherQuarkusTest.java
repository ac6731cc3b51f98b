package org.minsheng.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.minsheng.graphql.GlobalId;
import org.minsheng.observation.DecimalRange;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationEvent;
import org.minsheng.observation.ObservationFilter;
import org.minsheng.observation.ObservationState;
import org.minsheng.observation.Qualifier;
import org.minsheng.support.GraphQL;
import org.minsheng.vocabulary.Theme;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A subscription's filter is matched in Java, the {@code observations} query's in SQL: for every
 * seed figure and a range of filters, the two select the same figures.
 */
@QuarkusTest
class ChangeMatcherQuarkusTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper FILTERS = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();

    @Inject
    ChangeLookups lookups;

    @Test
    void theMatcherSelectsWhatTheQuerySelects() {
        List<ObservationEvent> events = QuarkusTransaction.requiringNew().call(() -> ObservationEntity
                .<ObservationEntity> listAll().stream()
                .map(e -> ObservationEvent.created(e.id, null, ObservationState.of(e))).toList());
        List<ChangeLookups.Known> all = lookups.know(events);
        assertEquals(events.size(), all.size());

        List<ObservationFilter> filters = new ArrayList<>();
        filters.add(filter(f -> f.within = "150300"));
        filters.add(filter(f -> f.within = "150000"));
        filters.add(filter(f -> f.themes = List.of(Theme.CHILDCARE, Theme.EMPLOYMENT)));
        filters.add(filter(f -> f.qualifiers = List.of(Qualifier.MORE_THAN, Qualifier.AT_LEAST)));
        filters.add(filter(f -> {
            f.from = LocalDate.parse("2025-01-01");
            f.to = LocalDate.parse("2025-06-30");
        }));
        filters.add(filter(f -> {
            f.value = new DecimalRange();
            f.value.gte = new BigDecimal("100");
            f.value.lt = new BigDecimal("200000");
        }));
        filters.add(filter(f -> {
            f.regionCodes = List.of("150302", "150000");
            f.indicatorCodes = all.stream().map(k -> k.event().state().indicatorCode()).limit(5).toList();
        }));
        for (ObservationFilter filter : filters) {
            ChangeMatcher matcher = new ChangeMatcher(filter);
            Set<String> matched = all.stream().filter(matcher::matches)
                    .map(k -> GlobalId.encode(Observation.TYPE, Long.toString(k.event().id())))
                    .collect(Collectors.toCollection(TreeSet::new));
            // Every page of the query's answer (the census puts 1,512 figures under 150000).
            Set<String> queried = new TreeSet<>();
            String after = null;
            do {
                Map<String, Object> variables = new java.util.HashMap<>();
                variables.put("f", FILTERS.convertValue(filter, Map.class));
                variables.put("after", after);
                JsonNode page = GraphQL.data("query($f: ObservationFilter, $after: String) { observations(filter: $f,"
                        + " first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }", variables)
                        .at("/observations");
                page.get("nodes").forEach(n -> queried.add(n.get("id").asText()));
                after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asText() : null;
            } while (after != null);
            assertEquals(queried, matched, () -> "filter " + FILTERS.valueToTree(filter));
            assertTrue(!queried.isEmpty() && (queried.size() < all.size() || filter.within != null),
                    () -> "the filter selects some figures, not all: " + queried.size());
        }
    }

    private static ObservationFilter filter(java.util.function.Consumer<ObservationFilter> set) {
        ObservationFilter filter = new ObservationFilter();
        set.accept(filter);
        return filter;
    }
}
