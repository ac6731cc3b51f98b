package org.minsheng.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.TestBundle;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Bundles imported over HTTP ({@code POST /import}, admin): the seed import's checks, refused
 * whole with every problem as "file:line: reason", a dry run that writes nothing, and a revision
 * naming the import for every figure it writes. The test ends by importing the seed bundle again.
 */
@QuarkusTest
class BundleImportQuarkusTest {

    private static final String ADMIN = Tokens.of("root@example.org", "admin");

    /** The source this test's bundles declare, and only this test writes. */
    private static final String SOURCE = "bundle-import-test";

    /** The seed bundle, a test bulletin (a source without a text) and 100 figures quoted from it. */
    private static TestBundle hundredRows(Integer badRow) {
        TestBundle bundle = TestBundle.copyOfSeeds();
        bundle.append("sources.yaml", "- code: " + SOURCE + "\n  title: 测试公报\n  publisher: Minsheng tests\n"
                + "  date: 2025-06-30\n  date_precision: DAY\n");
        List<String> townships = bundle.read("regions.csv").lines().filter(l -> l.contains(",TOWNSHIP,"))
                .map(l -> l.split(",")[0]).limit(100).toList();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String region = badRow != null && i == badRow ? "159999" : townships.get(i);
            rows.append("employment.gig_markets,").append(region).append(",2025,").append(i + 1)
                    .append(",EXACT,").append(SOURCE).append(",建成零工市场").append(i + 1).append("个,\n");
        }
        bundle.append("observations.csv", rows.toString());
        return bundle;
    }

    private static byte[] zip(TestBundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(bundle.dir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry("seeds/" + bundle.dir().relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static JsonNode post(String token, TestBundle bundle, String query, boolean asZip, int status) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (asZip) {
            request = request.multiPart("bundle", "bundle.zip", zip(bundle), "application/zip");
        } else {
            for (String file : TestBundle.FILES) {
                request = request.multiPart(file, file.substring(file.lastIndexOf('/') + 1),
                        bundle.read(file).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
            }
        }
        String body = request.when().post("/import" + query).then().statusCode(status).extract().asString();
        return GraphQL.parse(body);
    }

    private static int figures() {
        return GraphQL.data("{ observations { totalCount } }").at("/observations/totalCount").asInt();
    }

    @Test
    void aHundredRowsWithOneBadRowAreRefusedThenImportedOnceWithRevisions() throws InterruptedException {
        java.time.Instant start = java.time.Instant.now();
        Thread.sleep(20);
        int before = figures();
        TestBundle bad = hundredRows(36);
        JsonNode refused = post(ADMIN, bad, "", true, 400);
        assertEquals("BAD_USER_INPUT", refused.at("/errors/0/extensions/code").asText());
        int line = bad.lineOf("observations.csv", ",159999,");
        List<String> problems = new ArrayList<>();
        refused.at("/errors/0/extensions/problems").forEach(p -> problems.add(p.asText()));
        assertEquals(List.of("observations.csv:" + line + ": unknown region code \"159999\""), problems);
        assertEquals(before, figures(), "nothing imported");

        // Without the bad row, a dry run first: it counts and writes nothing.
        TestBundle good = hundredRows(null);
        String withoutRow = good.line("observations.csv", "建成零工市场37个");
        good.replace("observations.csv", withoutRow + "\n", "");
        JsonNode dry = post(ADMIN, good, "?dryRun=true", false, 200);
        assertTrue(dry.get("dryRun").asBoolean());
        assertEquals(99, dry.at("/observations/inserted").asInt(), dry.toString());
        assertEquals(before, figures(), "a dry run writes nothing");

        JsonNode imported = post(ADMIN, good, "?reason=bulletin-7", true, 200);
        assertEquals(99, imported.at("/observations/inserted").asInt(), imported.toString());
        assertEquals(0, imported.at("/observations/deleted").asInt());
        assertEquals(before + 99, figures());

        JsonNode again = post(ADMIN, good, "", true, 200);
        assertEquals(0, again.at("/observations/inserted").asInt());
        assertEquals(0, again.at("/observations/updated").asInt());
        assertEquals(0, again.at("/allRows/inserted").asInt() + again.at("/allRows/updated").asInt()
                + again.at("/allRows/deleted").asInt(), "the same bundle again changes nothing");
        assertEquals(before + 99, again.at("/observations/unchanged").asInt());

        // Every figure the import wrote has a revision naming it.
        JsonNode revisions = GraphQL.data("""
                { observations(filter: {sourceCodes: ["bundle-import-test"]}, first: 100) {
                    totalCount nodes { version revisions { action by reason } } } }""").get("observations");
        assertEquals(99, revisions.get("totalCount").asInt());
        for (JsonNode node : revisions.get("nodes")) {
            assertEquals(0, node.get("version").asInt(), "the second import left the 99 unchanged");
            assertEquals(1, node.get("revisions").size());
            assertEquals("CREATE", node.at("/revisions/0/action").asText());
            assertEquals("root@example.org", node.at("/revisions/0/by").asText());
            assertTrue(node.at("/revisions/0/reason").asText().startsWith("bulletin-7 (bundle sha256 "));
        }

        // The seed bundle alone owns only the article's source: this source's figures are left as they were.
        JsonNode seeds = post(ADMIN, TestBundle.copyOfSeeds(), "", true, 200);
        assertEquals(0, seeds.at("/observations/deleted").asInt(), seeds.toString());
        assertEquals(0, seeds.at("/deletions").size(), seeds.toString());
        assertEquals(before + 99, figures());

        // Declaring the source without its figures deletes them; the dry run lists that and writes nothing.
        TestBundle emptied = hundredRows(null);
        emptied.replace("observations.csv", rowsOf(emptied), "");
        JsonNode wouldDelete = post(ADMIN, emptied, "?dryRun=true", false, 200);
        assertEquals(GraphQL.parse("[{\"type\":\"Observation\",\"source\":\"" + SOURCE + "\",\"count\":99}]"),
                wouldDelete.get("deletions"), wouldDelete.toString());
        assertEquals(before + 99, figures(), "a dry run writes nothing");
        JsonNode deleted = post(ADMIN, emptied, "?reason=withdrawn", false, 200);
        assertEquals(99, deleted.at("/observations/deleted").asInt(), deleted.toString());
        assertEquals(before, figures());
        Map<String, Integer> actions = new java.util.TreeMap<>();
        String after = null;
        do {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("since", start.toString());
            variables.put("after", after);
            JsonNode page = GraphQL.data("""
                    query($since: DateTime!, $after: String) { changes(since: $since, first: 100, after: $after) {
                      nodes { type objectKey action } pageInfo { hasNextPage endCursor } } }""", variables).get("changes");
            page.get("nodes").forEach(r -> {
                if (!r.get("type").asText().equals("Source") || r.get("objectKey").asText().equals(SOURCE)) {
                    actions.merge(r.get("type").asText() + " " + r.get("action").asText(), 1, Integer::sum);
                }
            });
            after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asText() : null;
        } while (after != null);
        // The figures came and went with this source, each with a revision; the repeated import wrote nothing.
        assertEquals(99, actions.get("Observation CREATE"), actions::toString);
        assertEquals(99, actions.get("Observation DELETE"), actions::toString);
        assertEquals(1, actions.get("Source CREATE"), actions::toString);
        assertTrue(Set.of("Observation CREATE", "Observation DELETE", "Source CREATE").containsAll(actions.keySet()),
                actions::toString);
        removeSource();
        // The article's source is again the seed bundle's, as the other tests expect.
        post(ADMIN, TestBundle.copyOfSeeds(), "", true, 200);
    }

    /** The figures' rows this test appends to observations.csv. */
    private static String rowsOf(TestBundle bundle) {
        return bundle.read("observations.csv").lines().filter(l -> l.contains("," + SOURCE + ","))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    /** The source this test made, deleted through the API once it has no figures. */
    private static void removeSource() {
        JsonNode source = GraphQL.data("{ node(id: \"" + org.minsheng.graphql.GlobalId.encode("Source", SOURCE)
                + "\") { ... on Source { version } } }").get("node");
        if (source.isNull()) {
            return;
        }
        JsonNode deleted = GraphQL.execute("mutation($input: DeleteSourceInput!) { deleteSource(input: $input) {"
                + " deletedSourceId } }", Map.of("input", Map.of("code", SOURCE, "version", source.get("version").asInt())),
                Map.of("Authorization", "Bearer " + ADMIN));
        assertTrue(!deleted.has("errors"), deleted::toString);
    }

    @Test
    void onlyAdminsImport() {
        TestBundle bundle = TestBundle.copyOfSeeds();
        assertEquals("UNAUTHENTICATED", post(null, bundle, "?dryRun=true", true, 401).at("/errors/0/extensions/code")
                .asText());
        assertEquals("FORBIDDEN", post(Tokens.of("alice", "editor"), bundle, "?dryRun=true", true, 403)
                .at("/errors/0/extensions/code").asText());
        JsonNode mutation = GraphQL.execute("""
                mutation { importBundle(input: {files: [{path: "regions.csv", content: "code"}], dryRun: true}) {
                  dryRun } }""", Map.of(), Map.of("Authorization", "Bearer " + Tokens.of("alice", "editor")));
        assertEquals("FORBIDDEN", mutation.at("/errors/0/extensions/code").asText());
    }

    @Test
    void theMutationRefusesAnIncompleteBundleWithItsProblems() {
        JsonNode response = GraphQL.execute("""
                mutation { importBundle(input: {files: [{path: "regions.csv", content: "code,name\\n"}], dryRun: true}) {
                  dryRun } }""", Map.of(), Map.of("Authorization", "Bearer " + ADMIN));
        assertEquals("BAD_USER_INPUT", response.at("/errors/0/extensions/code").asText(), response.toString());
        assertTrue(response.at("/errors/0/extensions/problems").size() > 0, response.toString());
        JsonNode escape = GraphQL.execute("""
                mutation { importBundle(input: {files: [{path: "../etc/passwd", content: "x"}], dryRun: true}) {
                  dryRun } }""", Map.of(), Map.of("Authorization", "Bearer " + ADMIN));
        assertEquals("BAD_USER_INPUT", escape.at("/errors/0/extensions/code").asText(), escape.toString());
    }
}
