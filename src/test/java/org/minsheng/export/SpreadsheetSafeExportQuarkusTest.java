package org.minsheng.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minsheng.support.GraphQL;
import org.minsheng.support.OutsideTests;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.junit.QuarkusTest;

/**
 * CSV exports open safely in a spreadsheet: a note that a spreadsheet would run as a formula
 * ({@code =HYPERLINK(…)}, {@code +…cmd|}, {@code -2+3}, {@code @SUM(…)}, a leading tab or carriage
 * return) is exported with a leading apostrophe, in CSV and SDMX-CSV, with and without a byte order
 * mark; a negative value stays a number. JSON Lines keeps the text as it is. The test makes its own
 * source and figures, and deletes them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetSafeExportQuarkusTest {

    private static final String EDITOR = Tokens.of("csv-test@example.org", "editor");
    private static final String SOURCE = "csv-injection-test";

    /** Each note as written, by the year of its figure. */
    private static final Map<Integer, String> NOTES = new LinkedHashMap<>();
    static {
        NOTES.put(2001, "=HYPERLINK(\"http://example.org/x\",\"click\")");
        NOTES.put(2002, "+1+cmd|' /C calc'!A0");
        NOTES.put(2003, "-2+3");
        NOTES.put(2004, "@SUM(A1:A9)");
        NOTES.put(2005, "\tleading tab");
        NOTES.put(2006, "\rleading carriage return");
        NOTES.put(2007, "a plain note, = inside");
    }

    private final List<String> IDS = new ArrayList<>();

    private static JsonNode write(String query, Map<String, Object> input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        JsonNode response = GraphQL.execute(query, variables, Map.of("Authorization", "Bearer " + EDITOR));
        assertFalse(response.has("errors"), response::toString);
        return response.get("data");
    }

    @BeforeAll
    void figuresWithFormulaNotes() {
        OutsideTests.call(this::createThem);
    }

    private void createThem() {
        write("mutation($input: CreateSourceInput!) { createSource(input: $input) { source { code } } }",
                Map.of("code", SOURCE, "title", "=HYPERLINK(\"http://example.org\") 测试", "publisher", "Minsheng tests"));
        NOTES.forEach((year, note) -> IDS.add(create(year, year == 2007 ? -2 : 3, note)));
    }

    private String create(int year, int value, String note) {
        Map<String, Object> input = new HashMap<>();
        input.put("indicatorCode", "employment.gig_markets");
        input.put("regionCode", "150302");
        input.put("periodStart", year + "-01-01");
        input.put("periodEnd", year + "-12-31");
        input.put("value", value);
        input.put("qualifier", "EXACT");
        input.put("sourceCode", SOURCE);
        input.put("quote", "海勃湾区零工市场变化" + value + "个");
        input.put("note", note);
        return write("mutation($input: CreateObservationInput!) { createObservation(input: $input) { observation { id } } }",
                input).at("/createObservation/observation/id").asText();
    }

    @AfterAll
    void deleteThem() {
        OutsideTests.call(this::removeThem);
    }

    private void removeThem() {
        for (String id : IDS) {
            write("mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) { deletedObservationId } }",
                    Map.of("id", id, "version", 0));
        }
        write("mutation($input: DeleteSourceInput!) { deleteSource(input: $input) { deletedSourceId } }",
                Map.of("code", SOURCE, "version", 0));
    }

    private static List<Map<String, String>> csv(String path) throws Exception {
        byte[] body = given().get(path).then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text.startsWith("\uFEFF") ? text.substring(1)
                        : text)) {
            return rows.readAll();
        }
    }

    private static String expected(String note) {
        return note.startsWith("a plain") ? note : "'" + note;
    }

    @Test
    void formulaNotesGetALeadingApostropheInCsvWithAndWithoutAByteOrderMark() throws Exception {
        for (String bom : List.of("", "&bom=true")) {
            List<Map<String, String>> rows = csv("/export/observations.csv?source=" + SOURCE + "&orderBy=PERIOD_END" + bom);
            assertEquals(NOTES.size(), rows.size());
            List<String> notes = new ArrayList<>(NOTES.values());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expected(notes.get(i)), rows.get(i).get("note"), rows.get(i).toString());
            }
            assertEquals("-2", rows.get(6).get("value"), "a negative value is a number, left alone");
            assertEquals("3", rows.get(2).get("value"));
        }
    }

    @Test
    void sdmxCsvNeutralisesItsTextCellsButNotTheValue() throws Exception {
        List<Map<String, String>> rows = csv("/export/observations.sdmx.csv?source=" + SOURCE + "&orderBy=PERIOD_END");
        assertEquals(NOTES.size(), rows.size());
        assertEquals("-2", rows.get(6).get("OBS_VALUE"));
        rows.forEach(row -> assertFalse(row.values().stream().anyMatch(cell -> !cell.isEmpty()
                && "=+@\t\r".indexOf(cell.charAt(0)) >= 0), row::toString));
    }

    @Test
    void jsonLinesKeepTheTextAsWritten() {
        String body = given().get("/export/observations.jsonl?source=" + SOURCE + "&orderBy=PERIOD_END").then()
                .statusCode(200).extract().asString();
        List<String> notes = new ArrayList<>();
        body.lines().forEach(line -> notes.add(GraphQL.parse(line).get("note").asText()));
        assertEquals(new ArrayList<>(NOTES.values()), notes);
    }
}
