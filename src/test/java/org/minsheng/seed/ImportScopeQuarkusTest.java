package org.minsheng.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minsheng.graphql.GlobalId;
import org.minsheng.support.GraphQL;
import org.minsheng.support.ImportHold;
import org.minsheng.support.TestBundle;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What an import may replace: with {@code ?replace=all} the whole database becomes the bundle's
 * (its dry run lists the deletions by type and source, and writes nothing); and an import held
 * between its read and its write cannot write over an edit made in between: it fails whole with
 * CONFLICT naming the row. The test's figures are under its own source, removed at the end.
 */
@QuarkusTest
class ImportScopeQuarkusTest {

    private static final String ADMIN = Tokens.of("root@example.org", "admin");
    private static final String EDITOR = Tokens.of("alice@example.org", "editor");
    private static final String SOURCE = "import-scope-test";

    @Inject
    ImportHold hold;

    /** The seed bundle with this test's source and a figure a year for {@code years}, each with {@code note}. */
    private static TestBundle bundle(List<Integer> years, String note) {
        TestBundle bundle = TestBundle.copyOfSeeds();
        bundle.append("sources.yaml", "- code: " + SOURCE + "\n  title: 范围测试\n  publisher: Minsheng tests\n");
        StringBuilder rows = new StringBuilder();
        for (int year : years) {
            rows.append("employment.gig_markets,150302,").append(year).append(",3,EXACT,").append(SOURCE)
                    .append(",建成零工市场3个,").append(note).append('\n');
        }
        bundle.append("observations.csv", rows.toString());
        return bundle;
    }

    private static Response post(TestBundle bundle, String query) {
        RequestSpecification request = given().header("Authorization", "Bearer " + ADMIN);
        for (String file : TestBundle.FILES) {
            request = request.multiPart(file, file.substring(file.lastIndexOf('/') + 1),
                    bundle.read(file).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        return request.post("/import" + query);
    }

    private static JsonNode ok(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return GraphQL.parse(response.asString());
    }

    /** This test's figures: year to {id, version, note}. */
    private static JsonNode figures() {
        return GraphQL.data("{ observations(filter: {sourceCodes: [\"" + SOURCE + "\"]}, orderBy: {field: PERIOD_END},"
                + " first: 100) { nodes { id version note period { start } } } }").at("/observations/nodes");
    }

    @AfterEach
    void removeTheTestSource() {
        ok(post(bundle(List.of(), ""), ""));
        JsonNode source = GraphQL.data("{ node(id: \"" + GlobalId.encode("Source", SOURCE)
                + "\") { ... on Source { version } } }").get("node");
        if (!source.isNull()) {
            JsonNode deleted = GraphQL.execute("mutation($input: DeleteSourceInput!) { deleteSource(input: $input) {"
                    + " deletedSourceId } }", Map.of("input", Map.of("code", SOURCE, "version", source.get("version").asInt())),
                    Map.of("Authorization", "Bearer " + ADMIN));
            assertFalse(deleted.has("errors"), deleted::toString);
        }
        ok(post(TestBundle.copyOfSeeds(), ""));
    }

    @Test
    void replacingEverythingDeletesWhatTheBundleLacksAndItsDryRunListsIt() {
        ok(post(bundle(List.of(2001, 2002, 2003), "imported"), ""));
        assertEquals(3, figures().size());

        JsonNode dry = ok(post(TestBundle.copyOfSeeds(), "?replace=all&dryRun=true"));
        assertEquals("all", dry.get("replace").asText());
        List<String> deletions = new ArrayList<>();
        dry.get("deletions").forEach(d -> deletions.add(d.get("type").asText() + " " + d.get("source").asText() + " "
                + d.get("count").asInt() + " " + d.path("codes")));
        assertTrue(deletions.contains("Observation " + SOURCE + " 3 "), deletions::toString);
        assertTrue(deletions.contains("Source " + SOURCE + " 1 [\"" + SOURCE + "\"]"), deletions::toString);
        assertEquals(3, figures().size(), "a dry run writes nothing");

        JsonNode replaced = ok(post(TestBundle.copyOfSeeds(), "?replace=all"));
        assertTrue(replaced.at("/observations/deleted").asInt() >= 3, replaced::toString);
        assertEquals(0, figures().size());
        assertTrue(GraphQL.data("{ node(id: \"" + GlobalId.encode("Source", SOURCE) + "\") { id } }").get("node").isNull(),
                "the source the bundle lacks is gone");
    }

    @Test
    void anEditBetweenTheImportsReadAndItsWriteFailsTheImportWholeWithConflict() throws Exception {
        ok(post(bundle(List.of(2001, 2002, 2003), "imported"), ""));
        JsonNode before = figures();
        JsonNode edited = before.get(1);

        hold.arm();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(
                () -> post(bundle(List.of(2001, 2002, 2003, 2004), "rewritten"), "?reason=held"));
        hold.awaitHeld();
        Map<String, Object> input = Map.of("id", edited.get("id").asText(), "version", edited.get("version").asInt(),
                "note", "the editor's note");
        JsonNode update = GraphQL.execute("mutation($input: UpdateObservationInput!) { updateObservation(input: $input)"
                + " { observation { version note } } }", Map.of("input", input), Map.of("Authorization", "Bearer " + EDITOR));
        assertFalse(update.has("errors"), update::toString);
        hold.release();

        Response answer = held.get();
        assertEquals(409, answer.statusCode(), answer.asString());
        JsonNode error = GraphQL.parse(answer.asString()).at("/errors/0");
        assertEquals("CONFLICT", error.at("/extensions/code").asText(), error.toString());
        assertEquals(1, error.at("/extensions/conflicts").size(), error.toString());
        assertTrue(error.at("/extensions/conflicts/0").asText().contains("2002-01-01/2002-12-31"), error.toString());

        JsonNode after = figures();
        assertEquals(3, after.size(), "the figure the import would have added is not there");
        assertEquals("imported", after.get(0).get("note").asText(), "nothing of the import was written");
        assertEquals("the editor's note", after.get(1).get("note").asText(), "the edit stands");
        assertEquals("imported", after.get(2).get("note").asText());
    }
}
