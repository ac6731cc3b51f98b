package org.minsheng.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.persistence.Catalogue;
import org.minsheng.source.SourceEntity;
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The 2020 census through the API, checked against the tables as they are in the bundle (read here
 * with a plain split, not the loader): figures picked at random, the counties' roll-ups, a figure a
 * second source gives too, per-capita values and rankings.
 */
@QuarkusTest
class CensusQuarkusTest {

    private static final Path TABLES = Path.of("seeds/census-2020");
    private static final String CENSUS = "census-2020";
    /** A source of this test's own, standing in for a press report of a census figure; removed after. */
    private static final String REPORT = "census-test-report";
    private static final String EDITOR = Tokens.of("census-test@example.org", "editor");

    /** A column of a table, the indicator it gives, what turns its cell into the value, and its status. */
    record Column(String table, String column, String indicator, int factor, String status) {
    }

    /** The columns the bundle reads, as census-2020/README.md describes them. */
    static final List<Column> COLUMNS = List.of(
            new Column("population.csv", "POPU", "population.resident", 1, "COUNT"),
            new Column("population.csv", "POPU_WM", "population.sex_ratio", 1, "COUNT"),
            new Column("population.csv", "POPU_ETHNIC", "population.ethnic_minority_share", 100, "COUNT"),
            new Column("population.csv", "POPU_URB", "population.urbanisation_rate", 100, "COUNT"),
            new Column("ages.csv", "AGES_0-14", "population.aged_0_14_share", 100, "COUNT"),
            new Column("ages.csv", "AGES_15-64", "population.aged_15_64_share", 100, "COUNT"),
            new Column("ages.csv", "AGES_65P", "population.aged_65_plus_share", 100, "COUNT"),
            new Column("households.csv", "HHLD_S", "households.average_size", 1, "COUNT"),
            new Column("households.csv", "HHLD_65", "households.with_member_65_plus_share", 100, "COUNT"),
            new Column("education.csv", "EDUC_AVGY", "education.average_years_of_schooling", 1, "COUNT"),
            new Column("education.csv", "EDUC_LITR", "education.illiteracy_rate", 100, "COUNT"),
            new Column("employment.csv", "EMPL_OCCU", "employment.employment_ratio", 100, "SAMPLE_ESTIMATE"),
            new Column("housing.csv", "HOUS_SMPP", "housing.floor_area_per_person", 1, "COUNT"));

    private static final String FIGURE = """
            query($indicator: String!, $region: String!) {
              observations(filter: {indicatorCodes: [$indicator], regionCodes: [$region], sourceCodes: ["census-2020"]}) {
                nodes { value status quote period { start end } source { code } preferred } } }""";

    private static List<String> lines(String table) {
        try {
            return Files.readAllLines(TABLES.resolve(table), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void tenFiguresPickedAtRandomFromTheTablesAreWhatTheApiServes() {
        long seed = Long.getLong("census.seed", System.nanoTime());
        System.out.println("census figures picked with -Dcensus.seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10; i++) {
            Column column = COLUMNS.get(random.nextInt(COLUMNS.size()));
            List<String> lines = lines(column.table());
            List<String> header = List.of(lines.get(0).split(","));
            String row = lines.get(1 + random.nextInt(lines.size() - 1));
            String[] cells = row.split(",", -1);
            BigDecimal expected = new BigDecimal(cells[header.indexOf(column.column())])
                    .multiply(BigDecimal.valueOf(column.factor()));
            String what = column.indicator() + " of " + cells[0] + " (" + column.table() + " " + column.column() + ")";
            JsonNode nodes = GraphQL.data(FIGURE, Map.of("indicator", column.indicator(), "region", cells[0]))
                    .at("/observations/nodes");
            assertEquals(1, nodes.size(), what + ": " + nodes);
            JsonNode figure = nodes.get(0);
            assertEquals(0, expected.compareTo(figure.get("value").decimalValue()), what + ": " + figure);
            assertEquals(column.status(), figure.get("status").asText(), what);
            assertEquals(CENSUS, figure.at("/source/code").asText(), what);
            assertEquals(row, figure.get("quote").asText(), what + ": the quote is the table's row");
            assertEquals("2020-11-01", figure.at("/period/start").asText(), what);
            assertEquals("2020-11-01", figure.at("/period/end").asText(), what);
            assertTrue(figure.get("preferred").asBoolean(), what);
        }
    }

    @Test
    void everyCountyHasEveryCensusIndicator() {
        JsonNode census = GraphQL.data("""
                { observations(filter: {sourceCodes: ["census-2020"]}, first: 0) { totalCount }
                  indicator(code: "population.aged_65_plus") { coverage { regions observations levels } } }""");
        assertEquals(108 * (COLUMNS.size() + 1), census.at("/observations/totalCount").asInt(),
                "108 counties × 13 columns and the derived count aged 65 and over");
        assertEquals(108, census.at("/indicator/coverage/regions").asInt());
        assertEquals("COUNTY", census.at("/indicator/coverage/levels/0").asText());
    }

    /** The resident population of each county, by the code of its prefecture ("1503" + "00"). */
    private static Map<String, Map<String, Long>> populationByPrefecture() {
        Map<String, Map<String, Long>> byPrefecture = new TreeMap<>();
        List<String> lines = lines("population.csv");
        int popu = List.of(lines.get(0).split(",")).indexOf("POPU");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            byPrefecture.computeIfAbsent(cells[0].substring(0, 4) + "00", k -> new TreeMap<>()).put(cells[0],
                    Long.parseLong(cells[popu]));
        }
        return byPrefecture;
    }

    private static final String ROLLUP = """
            query($code: String!) { region(code: $code) { rollup(indicatorCode: "population.resident") {
              sum qualifier reporting expected missing { code } parts { region { code } status }
              published { value source { code } } discrepancy } } }""";

    @Test
    void theResidentPopulationRollsUpOverTheProvinceAndEachPrefecture() {
        Map<String, Map<String, Long>> counties = populationByPrefecture();
        long province = 0;
        for (Map.Entry<String, Map<String, Long>> prefecture : counties.entrySet()) {
            long sum = prefecture.getValue().values().stream().mapToLong(Long::longValue).sum();
            province += sum;
            JsonNode rollup = GraphQL.data(ROLLUP, Map.of("code", prefecture.getKey())).at("/region/rollup");
            assertEquals(sum, rollup.get("sum").asLong(), prefecture.getKey() + ": " + rollup);
            assertEquals(prefecture.getValue().size(), rollup.get("reporting").asInt(), prefecture.getKey());
            assertEquals(prefecture.getValue().size(), rollup.get("expected").asInt(), prefecture.getKey());
            assertEquals("EXACT", rollup.get("qualifier").asText(), prefecture.getKey());
            List<String> parts = new ArrayList<>();
            rollup.get("parts").forEach(p -> parts.add(p.at("/region/code").asText()));
            assertEquals(List.copyOf(prefecture.getValue().keySet()), parts, prefecture.getKey());
            assertTrue(rollup.get("published").isNull(), "the census publishes no prefecture totals");
        }
        assertEquals(12, counties.size(), "the twelve prefecture-level units");
        JsonNode whole = GraphQL.data(ROLLUP, Map.of("code", "150000")).at("/region/rollup");
        assertEquals(province, whole.get("sum").asLong(), whole.toString());
        assertEquals(108, whole.get("reporting").asInt());
        assertEquals(108, whole.get("expected").asInt(), "no prefecture total: the sum goes down to the counties");
        assertEquals(0, whole.get("missing").size());
    }

    private static JsonNode write(String mutation, Map<String, Object> input) {
        JsonNode response = GraphQL.execute(mutation, Map.of("input", input), Map.of("Authorization", "Bearer " + EDITOR));
        assertTrue(!response.has("errors"), response::toString);
        return response.get("data");
    }

    private static final String CREATE = """
            mutation($input: CreateObservationInput!) { createObservation(input: $input) {
              observation { id version status precision } } }""";
    private static final String DELETE = """
            mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) { deletedObservationId } }""";

    /** The test's own source, dated after the census, as a report quoting a census figure would be. */
    private static void reportSource() {
        JsonNode response = GraphQL.execute("""
                mutation { createSource(input: {code: "census-test-report", title: "人口普查数据报道（测试）",
                  date: "2023-05-01", datePrecision: DAY}) { source { code } } }""", Map.of(),
                Map.of("Authorization", "Bearer " + EDITOR));
        if (response.has("errors")) {
            assertTrue(response.toString().contains("already"), response::toString);
        }
    }

    @AfterAll
    static void removeReportSource() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, ObservationEntity.count("sourceCode", REPORT), "the tests deleted their figures");
            SourceEntity.deleteById(REPORT);
        });
        // Deleted past the API: the catalogue in memory is told by hand, or the next test still counts the source.
        Arc.container().instance(Catalogue.class).get().reload("test source removed");
    }

    private static Map<String, Object> reported(String region, long value, String quote) {
        return Map.of("indicatorCode", "population.resident", "regionCode", region, "periodStart", "2020-11-01",
                "periodEnd", "2020-11-01", "value", value, "qualifier", "EXACT", "sourceCode", REPORT, "quote", quote);
    }

    @Test
    void aPublishedTotalIsShownBesideTheSumOfItsCountiesWithTheDifference() {
        reportSource();
        JsonNode created = write(CREATE, reported("150300", 556000, "乌海市常住人口55.6万人"))
                .at("/createObservation/observation");
        assertEquals("REPORTED", created.get("status").asText());
        assertEquals(-3, created.get("precision").asInt(), "55.6万 is published to the thousand");
        try {
            JsonNode rollup = GraphQL.data(ROLLUP, Map.of("code", "150300")).at("/region/rollup");
            long sum = populationByPrefecture().get("150300").values().stream().mapToLong(Long::longValue).sum();
            assertEquals(sum, rollup.get("sum").asLong());
            assertEquals(556000, rollup.at("/published/value").asLong());
            assertEquals(REPORT, rollup.at("/published/source/code").asText());
            assertEquals(556000 - sum, rollup.get("discrepancy").asLong(), rollup.toString());
            // The province now sums Wuhai through its published total, not its counties.
            JsonNode whole = GraphQL.data(ROLLUP, Map.of("code", "150000")).at("/region/rollup");
            assertEquals(108 - 3 + 1, whole.get("expected").asInt(), whole.toString());
        } finally {
            write(DELETE, Map.of("id", created.get("id").asText(), "version", created.get("version").asInt()));
        }
    }

    @Test
    void whenAReportAndTheCensusGiveTheSameFigureTheCountIsPreferredAndBothAreKept() {
        reportSource();
        JsonNode created = write(CREATE, reported("150302", 339000, "海勃湾区常住人口33.9万人"))
                .at("/createObservation/observation");
        try {
            JsonNode region = GraphQL.data("""
                    { region(code: "150302") {
                        observations(filter: {indicatorCodes: ["population.resident"]}) {
                          nodes { value status preferred source { code } } }
                        latest(indicatorCode: "population.resident") { value status source { code } }
                        series(indicatorCode: "population.resident") { value source { code } } } }""").get("region");
            JsonNode all = region.at("/observations/nodes");
            assertEquals(2, all.size(), "both figures are kept: " + all);
            for (JsonNode figure : all) {
                boolean census = figure.at("/source/code").asText().equals(CENSUS);
                assertEquals(census, figure.get("preferred").asBoolean(), "a count over a report, though the report "
                        + "is the later publication: " + figure);
                assertEquals(census ? "COUNT" : "REPORTED", figure.get("status").asText());
            }
            assertEquals(339155, region.at("/latest/value").asLong(), "latest is the preferred figure");
            assertEquals(CENSUS, region.at("/latest/source/code").asText());
            assertEquals(1, region.get("series").size(), "one figure a period in a series: " + region.get("series"));
            assertEquals(CENSUS, region.at("/series/0/source/code").asText());
            JsonNode rollup = GraphQL.data(ROLLUP, Map.of("code", "150300")).at("/region/rollup");
            assertEquals(populationByPrefecture().get("150300").values().stream().mapToLong(Long::longValue).sum(),
                    rollup.get("sum").asLong(), "the roll-up sums the preferred figures");
        } finally {
            write(DELETE, Map.of("id", created.get("id").asText(), "version", created.get("version").asInt()));
        }
    }

    /** The README's per-capita example: Haibowan's gig workers per 10,000 residents. */
    static final String PER_CAPITA = """
            { region(code: "150302") {
                latest(indicatorCode: "employment.gig_workers_placed") {
                  display
                  perCapita(per: 10000) { value per population { value period { label } source { code title } } }
                } } }""";

    @Test
    void perCapitaDividesByThePreferredPopulationAndNamesItsSource() {
        JsonNode latest = GraphQL.data(PER_CAPITA).at("/region/latest");
        JsonNode perCapita = latest.get("perCapita");
        assertEquals(0, new BigDecimal("0.589701").compareTo(perCapita.get("value").decimalValue()),
                "20 / 339155 × 10000 to 6 decimals: " + perCapita);
        assertEquals(10000, perCapita.get("per").asInt());
        assertEquals(339155, perCapita.at("/population/value").asLong());
        assertEquals(CENSUS, perCapita.at("/population/source/code").asText());
        assertEquals("2020-11-01", perCapita.at("/population/period/label").asText());
        JsonNode share = GraphQL.data("""
                { region(code: "150302") { latest(indicatorCode: "population.urbanisation_rate") {
                    value perCapita { value } } } }""").at("/region/latest");
        assertTrue(share.get("perCapita").isNull(), "a share per person means nothing: " + share);
    }

    @Test
    void theCountiesOfAPrefectureAreRankedByTheirFigure() {
        Map<String, Long> wuhai = populationByPrefecture().get("150300");
        List<String> expected = wuhai.entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        JsonNode ranking = GraphQL.data("""
                { indicator(code: "population.resident") { ranking(within: "150300") {
                    rank observation { value region { code } } } } }""").at("/indicator/ranking");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < ranking.size(); i++) {
            codes.add(ranking.get(i).at("/observation/region/code").asText());
            assertEquals(i + 1, ranking.get(i).get("rank").asInt());
        }
        assertEquals(expected, codes);
        JsonNode lowest = GraphQL.data("""
                { indicator(code: "population.resident") { ranking(within: "150300", descending: false) {
                    observation { region { code } } } } }""").at("/indicator/ranking");
        assertEquals(expected.get(expected.size() - 1), lowest.at("/0/observation/region/code").asText());
    }
}
