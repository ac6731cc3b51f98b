package org.minsheng.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The bulk export: the figures leave with their qualifier, display text and quote, as the GraphQL
 * API gives them; conditional GETs; bad parameters refused by name.
 */
@QuarkusTest
class ExportQuarkusTest {

    private static List<Map<String, String>> csv(byte[] body) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return rows.readAll();
        }
    }

    @Test
    void theChildcareFiguresAsCsvAreTheGraphQLAnswerFieldByField() throws Exception {
        Response response = given().get("/export/observations.csv?theme=CHILDCARE");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertEquals("attachment; filename=\"minsheng-observations-theme-childcare.csv\"",
                response.header("Content-Disposition"));
        byte[] body = response.asByteArray();
        assertNotEquals((byte) 0xEF, body[0], "no byte order mark unless asked for");
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("indicator_code,indicator_name,region_code,region_name,region_level,period_start,"
                + "period_end,period_label,value,qualifier,status,precision,unit,display,source,quote,note\r\n"), text);
        List<Map<String, String>> rows = csv(body);

        JsonNode nodes = GraphQL.data("""
                { observations(filter: {themes: [CHILDCARE]}, first: 100) { totalCount nodes {
                    indicator { code name unit { code } } region { code name level }
                    period { start end label } value qualifier status precision display quote note source { code } } } }""")
                .at("/observations/nodes");
        assertEquals(3, rows.size(), text);
        assertEquals(nodes.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            JsonNode node = nodes.get(i);
            assertEquals(node.at("/indicator/code").asText(), row.get("indicator_code"));
            assertEquals(node.at("/indicator/name").asText(), row.get("indicator_name"));
            assertEquals(node.at("/region/code").asText(), row.get("region_code"));
            assertEquals(node.at("/region/name").asText(), row.get("region_name"));
            assertEquals(node.at("/region/level").asText(), row.get("region_level"));
            assertEquals(node.at("/period/start").asText(), row.get("period_start"));
            assertEquals(node.at("/period/end").asText(), row.get("period_end"));
            assertEquals(node.at("/period/label").asText(), row.get("period_label"));
            assertEquals(node.get("value").decimalValue().compareTo(new java.math.BigDecimal(row.get("value"))), 0);
            assertEquals(node.get("qualifier").asText(), row.get("qualifier"));
            assertEquals(node.get("status").asText(), row.get("status"));
            assertEquals(node.get("precision").asText(), row.get("precision"));
            assertEquals(node.at("/indicator/unit/code").asText(), row.get("unit"));
            assertEquals(node.get("display").asText(), row.get("display"));
            assertEquals(node.at("/source/code").asText(), row.get("source"));
            assertEquals(node.get("quote").asText(), row.get("quote"));
            assertEquals(node.get("note").isNull() ? "" : node.get("note").asText(), row.get("note"));
        }
        // A bound stays a bound: at least one childcare figure is not EXACT, and says so in words.
        assertTrue(rows.stream().anyMatch(r -> !r.get("qualifier").equals("EXACT")), rows::toString);
    }

    @Test
    void englishJsonLinesWithAByteOrderMarkOnlyForCsv() throws Exception {
        Response response = given().get("/export/observations.jsonl?lang=en&orderBy=VALUE&direction=DESC");
        assertEquals(200, response.statusCode());
        String[] lines = response.asString().split("\n");
        int total = GraphQL.data("{ observations { totalCount } }").at("/observations/totalCount").asInt();
        assertEquals(total, lines.length);
        java.math.BigDecimal last = null;
        for (String line : lines) {
            JsonNode row = GraphQL.parse(line);
            assertTrue(row.get("value").isNumber(), line);
            if (last != null) {
                assertTrue(last.compareTo(row.get("value").decimalValue()) >= 0, "ordered by value, descending");
            }
            last = row.get("value").decimalValue();
        }
        assertTrue(response.asString().contains("\"indicator_name\":\"New urban jobs\""));
        byte[] withBom = given().get("/export/observations.csv?bom=true&region=150302").asByteArray();
        assertEquals((byte) 0xEF, withBom[0]);
        assertEquals((byte) 0xBB, withBom[1]);
        assertEquals((byte) 0xBF, withBom[2]);
    }

    /**
     * Every figure as a JSON-stat 2.0 dataset, read back the way the format defines: a cell's index
     * is its categories' positions in row-major order over size; each holds the value GraphQL gives,
     * with the qualifier as its status.
     */
    @Test
    void allFiguresAsJsonStatReadBackCellByCell() {
        Response response = given().get("/export/observations.json-stat");
        assertEquals(200, response.statusCode());
        assertEquals("attachment; filename=\"minsheng-observations.json-stat\"", response.header("Content-Disposition"));
        JsonNode dataset = GraphQL.parse(response.asString());
        assertEquals("2.0", dataset.get("version").asText());
        assertEquals("dataset", dataset.get("class").asText());
        List<String> ids = new ArrayList<>();
        dataset.get("id").forEach(id -> ids.add(id.asText()));
        assertEquals(List.of("indicator", "region", "time", "source"), ids);
        long[] size = new long[ids.size()];
        long cells = 1;
        for (int d = 0; d < ids.size(); d++) {
            size[d] = dataset.at("/size/" + d).asLong();
            assertEquals(size[d], dataset.at("/dimension/" + ids.get(d) + "/category/index").size());
            cells *= size[d];
        }
        JsonNode first = GraphQL.data("""
                { observations(first: 100) { totalCount nodes { indicator { code name } region { code }
                    period { label } value qualifier status precision source { code } } } }""").at("/observations");
        JsonNode nodes = first.get("nodes");
        int total = first.get("totalCount").asInt();
        assertEquals(total, dataset.get("value").size(), "one value per figure");
        assertEquals(total, dataset.get("status").size(), "one status per figure");
        assertEquals(total, dataset.at("/extension/figureStatus").size(), "how each figure was made");
        for (JsonNode node : nodes) {
            long cell = 0;
            List<String> codes = List.of(node.at("/indicator/code").asText(), node.at("/region/code").asText(),
                    node.at("/period/label").asText(), node.at("/source/code").asText());
            for (int d = 0; d < ids.size(); d++) {
                int position = indexOf(dataset.at("/dimension/" + ids.get(d) + "/category/index"), codes.get(d));
                assertTrue(position >= 0, codes.get(d));
                cell = cell * size[d] + position;
            }
            assertTrue(cell < cells);
            JsonNode value = dataset.at("/value/" + cell);
            assertEquals(0, node.get("value").decimalValue().compareTo(value.decimalValue()), node::toString);
            assertEquals(node.get("qualifier").asText(), dataset.at("/status/" + cell).asText());
            assertEquals(node.get("status").asText(), dataset.at("/extension/figureStatus/" + cell).asText());
            assertEquals(node.get("precision"), dataset.at("/extension/precision/" + cell), node::toString);
            assertEquals(node.at("/indicator/name").asText(),
                    dataset.at("/dimension/indicator/category/label/" + codes.get(0)).asText());
        }
        assertTrue(dataset.at("/extension/status/MORE_THAN").asText().contains("lower bound"));
    }

    /**
     * SDMX-CSV 2.0: the structure columns first, then one row per figure keyed by its dimensions,
     * with the unit and the qualifier beside the value, as GraphQL gives them.
     */
    @Test
    void theChildcareFiguresAsSdmxCsvKeepUnitAndQualifier() throws Exception {
        Response response = given().get("/export/observations.sdmx.csv?theme=CHILDCARE&lang=en");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/vnd.sdmx.data+csv; version=2.0.0"),
                response.contentType());
        assertEquals("attachment; filename=\"minsheng-observations-theme-childcare-lang-en.sdmx.csv\"",
                response.header("Content-Disposition"));
        String text = response.asString();
        assertTrue(text.startsWith("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,SOURCE,OBS_VALUE,"
                + "UNIT_MEASURE,OBS_QUALIFIER,OBS_STATUS,FIGURE_STATUS,DECIMALS,COMMENT_OBS\r\n"), text);
        List<Map<String, String>> rows = csv(response.asByteArray());
        JsonNode nodes = GraphQL.data("""
                { observations(filter: {themes: [CHILDCARE]}, first: 100) { nodes {
                    indicator { code unit { code } } region { code } period { start end } value qualifier quote
                    source { code } } } }""").at("/observations/nodes");
        assertEquals(3, rows.size(), text);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            JsonNode node = nodes.get(i);
            assertEquals("dataflow", row.get("STRUCTURE"));
            assertEquals("MINSHENG:OBSERVATIONS(1.0)", row.get("STRUCTURE_ID"));
            assertEquals("I", row.get("ACTION"));
            assertEquals(node.at("/indicator/code").asText(), row.get("INDICATOR"));
            assertEquals(node.at("/region/code").asText(), row.get("REF_AREA"));
            assertEquals(SdmxCsv.timePeriod(java.time.LocalDate.parse(node.at("/period/start").asText()),
                    java.time.LocalDate.parse(node.at("/period/end").asText())), row.get("TIME_PERIOD"));
            assertEquals(node.at("/source/code").asText(), row.get("SOURCE"));
            assertEquals(0, node.get("value").decimalValue().compareTo(new java.math.BigDecimal(row.get("OBS_VALUE"))));
            assertEquals(node.at("/indicator/unit/code").asText(), row.get("UNIT_MEASURE"));
            assertEquals(node.get("qualifier").asText(), row.get("OBS_QUALIFIER"));
            assertEquals(node.get("quote").asText(), row.get("COMMENT_OBS"));
        }
        assertTrue(rows.stream().anyMatch(r -> !r.get("OBS_QUALIFIER").equals("EXACT")), rows::toString);
    }

    @Test
    void sdmxTimePeriodsNameYearsHalvesQuartersMonthsDaysAndRanges() {
        java.util.function.BiFunction<String, String, String> period = (a, b) -> SdmxCsv
                .timePeriod(java.time.LocalDate.parse(a), java.time.LocalDate.parse(b));
        assertEquals("2024", period.apply("2024-01-01", "2024-12-31"));
        assertEquals("2024-S2", period.apply("2024-07-01", "2024-12-31"));
        assertEquals("2025-Q1", period.apply("2025-01-01", "2025-03-31"));
        assertEquals("2025-04", period.apply("2025-04-01", "2025-04-30"));
        assertEquals("2025-04-03", period.apply("2025-04-03", "2025-04-03"));
        assertEquals("2021-01-01/P1826D", period.apply("2021-01-01", "2025-12-31"));
        assertEquals("2025-02-01/P59D", period.apply("2025-02-01", "2025-03-31"));
    }

    private static int indexOf(JsonNode array, String id) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theExportUrlOfAListGivesTheWholeList() throws Exception {
        JsonNode connection = GraphQL.data("""
                { observations(filter: {themes: [CHILDCARE]}, orderBy: {field: VALUE, direction: DESC}, first: 1) {
                    exportUrl(format: CSV) nodes { quote } } }""").get("observations");
        assertEquals("/export/observations.csv?theme=CHILDCARE&orderBy=VALUE&direction=DESC",
                connection.get("exportUrl").asText());
        List<Map<String, String>> rows = csv(given().get(connection.get("exportUrl").asText()).asByteArray());
        assertEquals(3, rows.size());
        assertEquals(connection.at("/nodes/0/quote").asText(), rows.get(0).get("quote"));
        assertTrue(GraphQL.data("""
                { region(code: "150302") { observations { exportUrl(format: JSONL) } } }""")
                .at("/region/observations/exportUrl").isNull());
    }

    @Test
    void aConditionalGetAnswers304UntilTheDataChange() {
        Response first = given().get("/export/observations.csv?region=150302");
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
        assertEquals(304, given().header("If-None-Match", etag).get("/export/observations.csv?region=150302")
                .statusCode());
        assertNotEquals(etag, given().get("/export/observations.csv?region=150303").header("ETag"),
                "another filter, another tag");

        // A write through the API changes the data, and so the tag.
        String editor = Tokens.of("alice@example.org", "editor");
        JsonNode created = GraphQL.execute("""
                mutation { createSource(input: {code: "export-test", title: "导出测试"}) { source { code } } }""",
                Map.of(), Map.of("Authorization", "Bearer " + editor));
        assertTrue(!created.has("errors"), created::toString);
        Response after = given().header("If-None-Match", etag).get("/export/observations.csv?region=150302");
        assertEquals(200, after.statusCode());
        assertNotEquals(etag, after.header("ETag"));
        GraphQL.execute("""
                mutation { deleteSource(input: {code: "export-test", version: 0}) { deletedSourceId } }""", Map.of(),
                Map.of("Authorization", "Bearer " + editor));
    }

    @Test
    void badParametersAreRefusedByName() {
        Map<String, String> cases = new HashMap<>();
        cases.put("/export/observations.csv?theme=PARKS", "theme: \"PARKS\" is not a valid value");
        cases.put("/export/observations.csv?colour=red", "unknown parameter \"colour\"");
        cases.put("/export/observations.csv?from=2025-13-01", "from: \"2025-13-01\" is not a valid value");
        cases.put("/export/observations.csv?from=2025-02-01&to=2025-01-01", "from (2025-02-01) is after to");
        List<String> failures = new ArrayList<>();
        cases.forEach((url, message) -> {
            Response response = given().get(url);
            JsonNode body = GraphQL.parse(response.asString());
            if (response.statusCode() != 400 || !body.at("/errors/0/message").asText().contains(message)
                    || !body.at("/errors/0/extensions/code").asText().equals("BAD_USER_INPUT")) {
                failures.add(url + " -> " + response.statusCode() + " " + response.asString());
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(404, given().get("/export/observations.xlsx").statusCode());
    }

    /**
     * The census's figures of one indicator in each of the four formats: a row or cell for each of the
     * 108 counties, with how the figure was made and its precision.
     */
    @Test
    void theCensusIndicatorsExportInAllFourFormats() throws Exception {
        String filter = "?source=census-2020&indicator=employment.employment_ratio";
        List<Map<String, String>> csv = csv(given().get("/export/observations.csv" + filter).asByteArray());
        assertEquals(108, csv.size());
        assertTrue(csv.stream().allMatch(r -> r.get("status").equals("SAMPLE_ESTIMATE") && r.get("precision").equals("2")
                && r.get("unit").equals("PERCENT")), csv.get(0)::toString);
        List<Map<String, String>> sdmx = csv(given().get("/export/observations.sdmx.csv" + filter).asByteArray());
        assertEquals(108, sdmx.size());
        assertTrue(sdmx.stream().allMatch(r -> r.get("OBS_STATUS").equals("E") && r.get("FIGURE_STATUS")
                .equals("SAMPLE_ESTIMATE") && r.get("DECIMALS").equals("2")), sdmx.get(0)::toString);
        String[] lines = given().get("/export/observations.jsonl" + filter).asString().split("\n");
        assertEquals(108, lines.length);
        JsonNode line = GraphQL.parse(lines[0]);
        assertEquals("SAMPLE_ESTIMATE", line.get("status").asText(), line::toString);
        assertEquals(line.get("quote").asText().split(",")[0], line.get("region_code").asText(), "the quote is the row");
        JsonNode stat = GraphQL.parse(given().get("/export/observations.json-stat" + filter).asString());
        assertEquals(108, stat.get("value").size());
        assertEquals(108, stat.at("/extension/figureStatus").size());
        assertEquals(108, stat.at("/dimension/region/category/index").size());
    }
}
