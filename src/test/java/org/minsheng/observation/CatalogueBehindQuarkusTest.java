package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.indicator.IndicatorService;
import org.minsheng.persistence.Catalogue;
import org.minsheng.persistence.Queries;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A replica's catalogue in memory may be a moment behind the database: an indicator or a source
 * created through another replica, with figures of it, is read before the notification is acted on.
 * Its figures are answered all the same, in every list of figures: the indicator read from the
 * database, the catalogue read again for the source. Here the rows are written past the service, so
 * that no notification comes at all.
 */
@QuarkusTest
class CatalogueBehindQuarkusTest {

    private static final String CODE = "test.not_yet_in_catalogue";

    private static final String SOURCE = "test-source-not-yet-in-catalogue";

    @BeforeEach
    void writeAnIndicatorASourceAndAFigurePastTheService() {
        QuarkusTransaction.requiringNew().run(() -> {
            Queries.em().createNativeQuery("insert into source (code, title, publisher) values ('" + SOURCE
                    + "', '测试来源', 'Minsheng tests')").executeUpdate();
            Queries.em().createNativeQuery("insert into indicator (code, name, name_en, theme, unit, additive)"
                    + " values ('" + CODE + "', '测试指标', 'Test indicator', 'EMPLOYMENT', 'PERSON', true)").executeUpdate();
            Queries.em().createNativeQuery("insert into observation (id, indicator_code, region_code, period_start,"
                    + " period_end, amount, qualifier, source_code, quote) values (900000001, '" + CODE + "', '150302',"
                    + " date '2024-01-01', date '2024-12-31', 42, 'EXACT', '" + SOURCE + "', '测试')").executeUpdate();
        });
        assertEquals(Map.of(), Arc.container().instance(IndicatorService.class).get().byCodes(List.of(CODE)),
                "the catalogue in memory does not hold the indicator");
    }

    @AfterEach
    void removeThem() {
        QuarkusTransaction.requiringNew().run(() -> {
            Queries.em().createNativeQuery("delete from observation where indicator_code = '" + CODE + "'").executeUpdate();
            Queries.em().createNativeQuery("delete from indicator where code = '" + CODE + "'").executeUpdate();
            Queries.em().createNativeQuery("delete from source where code = '" + SOURCE + "'").executeUpdate();
        });
        Arc.container().instance(Catalogue.class).get().reload("test indicator and source removed");
    }

    @Test
    void aRegionsFiguresOfThatIndicator() {
        JsonNode response = GraphQL.execute("""
                { region(code: "150302") { observations(filter: {indicatorCodes: ["%s"]}, first: 5) {
                  nodes { value indicator { code name } } } } }""".formatted(CODE));
        assertFalse(response.has("errors"), response::toString);
        JsonNode node = response.at("/data/region/observations/nodes/0");
        assertEquals("42", node.at("/value").asText(), response::toString);
        assertEquals(CODE, node.at("/indicator/code").asText());
        assertEquals("测试指标", node.at("/indicator/name").asText());
    }

    @Test
    void theChildrensFiguresOfAPrefecture() {
        JsonNode response = GraphQL.execute("""
                { region(code: "150300") { children { code observations(filter: {indicatorCodes: ["%s"]}, first: 5) {
                  nodes { value indicator { name } } } } } }""".formatted(CODE));
        assertFalse(response.has("errors"), response::toString);
        JsonNode haibowan = response.at("/data/region/children/0");
        assertEquals("150302", haibowan.at("/code").asText(), response::toString);
        assertEquals("测试指标", haibowan.at("/observations/nodes/0/indicator/name").asText(), response::toString);
    }

    @Test
    void theFiguresList() {
        JsonNode response = GraphQL.execute(
                """
                        { observations(filter: {indicatorCodes: ["%s"]}, first: 5) { totalCount nodes { value indicator { name } } } }"""
                        .formatted(CODE));
        assertFalse(response.has("errors"), response::toString);
        assertEquals(1, response.at("/data/observations/totalCount").asInt(), response::toString);
        assertEquals("测试指标", response.at("/data/observations/nodes/0/indicator/name").asText(), response::toString);
    }

    @Test
    void theSourceOfAFigure() {
        JsonNode response = GraphQL.execute("""
                { observations(filter: {sourceCodes: ["%s"]}, first: 5) { nodes { value source { code title } } } }"""
                .formatted(SOURCE));
        assertFalse(response.has("errors"), response::toString);
        assertEquals("测试来源", response.at("/data/observations/nodes/0/source/title").asText(), response::toString);
    }
}
