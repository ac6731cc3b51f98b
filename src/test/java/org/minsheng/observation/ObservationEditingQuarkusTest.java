package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minsheng.persistence.Catalogue;
import org.minsheng.source.SourceEntity;
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Editors write figures through the API: every rule of the seed bundle holds, a stale version is
 * refused, each write leaves a revision, and the figures can be read as they stood at a moment.
 */
@QuarkusTest
class ObservationEditingQuarkusTest {

    private static final String CREATE = """
            mutation($input: CreateObservationInput!) { createObservation(input: $input) {
              clientMutationId
              observation { id version value qualifier display region { code } revisions { by action reason before after } } } }""";

    private static final String UPDATE = """
            mutation($input: UpdateObservationInput!) { updateObservation(input: $input) {
              observation { id version value quote revisions { by action before after } } } }""";

    private static final String DELETE = """
            mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) { deletedObservationId } }""";

    private static final String IN_HAIBOWAN = """
            query($asOf: DateTime) { observations(filter: {regionCodes: ["150302"]}, asOf: $asOf, first: 100) {
              totalCount nodes { id value version } } }""";

    private static final String EDITOR = Tokens.of("alice@example.org", "editor");

    /** A source without a full text, made by an editor unless it is there: the figures below quote it. */
    static void testBulletin() {
        JsonNode response = GraphQL.execute("""
                mutation { createSource(input: {code: "test-bulletin", title: "测试公报", publisher: "Minsheng tests"}) {
                  source { code } } }""", Map.of(), Map.of("Authorization", "Bearer " + EDITOR));
        if (response.has("errors")) {
            assertTrue(response.at("/errors/0/message").asText().contains("there is already a Source test-bulletin"),
                    response::toString);
        }
    }

    /**
     * Every test deletes the figures it made; the source goes last, so that the class leaves the
     * catalogue as it found it (a test run after this one counts the seed's sources and rows). It is
     * deleted through the entity: after the last test the HTTP client no longer points at the app.
     */
    @AfterAll
    static void removeTestBulletin() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, ObservationEntity.count("sourceCode", "test-bulletin"), "the tests deleted their figures");
            SourceEntity.deleteById("test-bulletin");
        });
        // Deleted past the API: the catalogue in memory is told by hand, or the next test still counts the source.
        Arc.container().instance(Catalogue.class).get().reload("test source removed");
    }

    /** Gig-work markets in Haibowan in 2025, as a test bulletin could say it. */
    private static Map<String, Object> newFigure(int markets) {
        return newFigure(markets, 2025);
    }

    private static Map<String, Object> newFigure(int markets, int year) {
        testBulletin();
        Map<String, Object> input = new HashMap<>();
        input.put("indicatorCode", "employment.gig_markets");
        input.put("regionCode", "150302");
        input.put("periodStart", year + "-01-01");
        input.put("periodEnd", year + "-12-31");
        input.put("value", markets);
        input.put("qualifier", "EXACT");
        input.put("sourceCode", "test-bulletin");
        input.put("quote", "海勃湾区建成零工市场" + markets + "个");
        input.put("reason", "test bulletin");
        return input;
    }

    private static JsonNode send(String token, String query, Map<String, Object> input) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        return GraphQL.execute(query, variables, headers);
    }

    private static JsonNode ok(JsonNode response) {
        assertFalse(response.has("errors"), () -> "errors: " + response.get("errors"));
        return response.get("data");
    }

    private static JsonNode haibowan(Instant asOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("asOf", asOf == null ? null : asOf.toString());
        return GraphQL.data(IN_HAIBOWAN, variables).get("observations");
    }

    private static JsonNode node(JsonNode connection, String id) {
        for (JsonNode node : connection.get("nodes")) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        return null;
    }

    @Test
    void anEditorAddsAFigureUpdatesItAndReadsItsHistory() throws InterruptedException {
        Instant start = Instant.now();
        Thread.sleep(20);
        int before = haibowan(null).get("totalCount").asInt();
        JsonNode created = ok(send(EDITOR, CREATE, newFigure(2))).at("/createObservation/observation");
        String id = created.get("id").asText();
        assertEquals(0, created.get("version").asInt());
        assertEquals("2个", created.get("display").asText());
        assertEquals(1, created.get("revisions").size());
        assertEquals("alice@example.org", created.at("/revisions/0/by").asText());
        assertEquals("CREATE", created.at("/revisions/0/action").asText());
        assertEquals("test bulletin", created.at("/revisions/0/reason").asText());
        assertEquals(before + 1, haibowan(null).get("totalCount").asInt());
        assertEquals(2, node(haibowan(null), id).get("value").asInt());

        // A stale version: CONFLICT, and nothing changes.
        Map<String, Object> change = new HashMap<>(Map.of("id", id, "version", 7, "value", 3, "quote",
                "海勃湾区建成零工市场3个"));
        JsonNode stale = send(EDITOR, UPDATE, change);
        assertEquals("CONFLICT", stale.at("/errors/0/extensions/code").asText());
        assertEquals(2, node(haibowan(null), id).get("value").asInt());
        assertEquals(0, node(haibowan(null), id).get("version").asInt());

        Thread.sleep(20);
        Instant beforeUpdate = Instant.now();
        Thread.sleep(20);
        change.put("version", 0);
        JsonNode updated = ok(send(EDITOR, UPDATE, change)).at("/updateObservation/observation");
        assertEquals(1, updated.get("version").asInt());
        assertEquals(3, updated.get("value").asInt());
        JsonNode revisions = updated.get("revisions");
        assertEquals(2, revisions.size());
        assertEquals(2, GraphQL.parse(revisions.at("/0/after").asText()).get("value").asInt());
        assertEquals(2, GraphQL.parse(revisions.at("/1/before").asText()).get("value").asInt());
        assertEquals(3, GraphQL.parse(revisions.at("/1/after").asText()).get("value").asInt());

        // As the figures stood before the update: the old value.
        assertEquals(2, node(haibowan(beforeUpdate), id).get("value").asInt());
        assertEquals(3, node(haibowan(null), id).get("value").asInt());
        // Before it was created, it was not there.
        assertEquals(null, node(haibowan(start), id));

        Thread.sleep(20);
        Instant beforeDelete = Instant.now();
        Thread.sleep(20);
        JsonNode deleted = ok(send(EDITOR, DELETE, Map.of("id", id, "version", 1, "reason", "retired")));
        assertEquals(id, deleted.at("/deleteObservation/deletedObservationId").asText());
        assertEquals(null, node(haibowan(null), id));
        assertEquals(before, haibowan(null).get("totalCount").asInt());
        // A deleted figure is still there as it stood before its deletion.
        assertEquals(3, node(haibowan(beforeDelete), id).get("value").asInt());
        assertEquals(before + 1, haibowan(beforeDelete).get("totalCount").asInt());

        // The change feed lists the three writes, in order.
        Map<String, Object> since = new HashMap<>();
        since.put("since", start.toString());
        JsonNode feed = GraphQL.data("""
                query($since: DateTime!) { changes(since: $since, first: 100) { nodes { objectId action by } } }""",
                since).at("/changes/nodes");
        List<String> actions = new ArrayList<>();
        for (JsonNode revision : feed) {
            if (revision.get("objectId").asText().equals(id)) {
                actions.add(revision.get("action").asText());
            }
        }
        assertEquals(List.of("CREATE", "UPDATE", "DELETE"), actions);
    }

    @Test
    void aBrokenRuleNamesItsFieldAndChangesNothing() {
        int before = haibowan(null).get("totalCount").asInt();
        Map<String, Object> wrongQuote = newFigure(2);
        wrongQuote.put("quote", "海勃湾区建成零工市场5个");
        assertRefused(send(EDITOR, CREATE, wrongQuote), "input.quote");
        Map<String, Object> unknownRegion = newFigure(2);
        unknownRegion.put("regionCode", "159999");
        assertRefused(send(EDITOR, CREATE, unknownRegion), "input.regionCode");
        Map<String, Object> reversed = newFigure(2);
        reversed.put("periodEnd", "2024-12-31");
        assertRefused(send(EDITOR, CREATE, reversed), "input.periodEnd");
        // A source with a full text: the quote must be in it, character for character.
        Map<String, Object> notInArticle = newFigure(2);
        notInArticle.put("sourceCode", "nmg-minsheng-2025");
        JsonNode refused = send(EDITOR, CREATE, notInArticle);
        assertRefused(refused, "input.quote");
        assertTrue(refused.at("/errors/0/message").asText().contains("not in the text of source nmg-minsheng-2025"),
                refused::toString);
        Map<String, Object> blankQuote = newFigure(2);
        blankQuote.put("quote", " ");
        assertRefused(send(EDITOR, CREATE, blankQuote), "input.quote");
        assertEquals(before, haibowan(null).get("totalCount").asInt());
    }

    private static void assertRefused(JsonNode response, String field) {
        assertEquals("BAD_USER_INPUT", response.at("/errors/0/extensions/code").asText(), response::toString);
        assertEquals(field, response.at("/errors/0/extensions/field").asText(), response::toString);
    }

    @Test
    void aRepeatedClientMutationIdIsAppliedOnce() {
        int before = haibowan(null).get("totalCount").asInt();
        Map<String, Object> input = newFigure(2, 2023);
        input.put("clientMutationId", "bulletin-7-row-1-" + System.nanoTime());
        JsonNode first = ok(send(EDITOR, CREATE, input)).get("createObservation");
        JsonNode again = ok(send(EDITOR, CREATE, input)).get("createObservation");
        assertEquals(first.at("/observation/id"), again.at("/observation/id"));
        assertEquals(input.get("clientMutationId"), again.get("clientMutationId").asText());
        assertEquals(before + 1, haibowan(null).get("totalCount").asInt());
        ok(send(EDITOR, DELETE, Map.of("id", first.at("/observation/id").asText(), "version", 0)));
    }

    @Test
    void anAdminRestoresADeletedFigureUnderItsOldId() {
        String id = ok(send(EDITOR, CREATE, newFigure(4, 2018))).at("/createObservation/observation/id").asText();
        ok(send(EDITOR, DELETE, Map.of("id", id, "version", 0, "reason", "mistyped")));
        String restore = """
                mutation($input: RestoreObservationInput!) { restoreObservation(input: $input) {
                  observation { id value version revisions { action by } } } }""";
        assertEquals("FORBIDDEN", send(EDITOR, restore, Map.of("id", id)).at("/errors/0/extensions/code").asText());
        assertEquals(null, node(haibowan(null), id));
        JsonNode restored = ok(send(Tokens.of("root@example.org", "admin"), restore, Map.of("id", id, "reason",
                "not mistyped after all"))).at("/restoreObservation/observation");
        assertEquals(id, restored.get("id").asText());
        assertEquals(4, restored.get("value").asInt());
        assertEquals(1, restored.get("version").asInt());
        List<String> actions = new ArrayList<>();
        restored.get("revisions").forEach(r -> actions.add(r.get("action").asText()));
        assertEquals(List.of("CREATE", "DELETE", "RESTORE"), actions);
        assertEquals("root@example.org", restored.at("/revisions/2/by").asText());
        assertEquals(4, node(haibowan(null), id).get("value").asInt());
        // Restoring what is not deleted is refused.
        JsonNode again = send(Tokens.of("root@example.org", "admin"), restore, Map.of("id", id));
        assertEquals("input.id", again.at("/errors/0/extensions/field").asText());
        ok(send(EDITOR, DELETE, Map.of("id", id, "version", 1)));
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("no token", null, "UNAUTHENTICATED", "UNAUTHENTICATED"),
                Arguments.of("expired", Tokens.expired("bob", "editor", "admin"), "UNAUTHENTICATED", "UNAUTHENTICATED"),
                Arguments.of("wrong signature", Tokens.wronglySigned("mallory", "editor", "admin"), "UNAUTHENTICATED",
                        "UNAUTHENTICATED"),
                Arguments.of("reader", Tokens.of("carol"), "FORBIDDEN", "FORBIDDEN"),
                Arguments.of("editor", Tokens.of("dave", "editor"), null, "FORBIDDEN"),
                Arguments.of("admin", Tokens.of("erin", "admin"), null, null));
    }

    private static final String RESTORE = """
            mutation($input: RestoreObservationInput!) { restoreObservation(input: $input) { observation { id } } }""";

    private static final String IMPORT = """
            mutation($input: ImportBundleInput!) { importBundle(input: $input) { dryRun } }""";

    /** The admin-only mutations for every kind of caller: refused ones change nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void adminAuthMatrix(String caller, String token, String editorRefusal, String adminRefusal) {
        String id = ok(send(EDITOR, CREATE, newFigure(5, 2017))).at("/createObservation/observation/id").asText();
        ok(send(EDITOR, DELETE, Map.of("id", id, "version", 0)));
        JsonNode restore = send(token, RESTORE, Map.of("id", id));
        // A bundle of one file: an admin gets past the token checks to the bundle's problems.
        JsonNode importing = send(token, IMPORT, Map.of("files", List.of(Map.of("path", "regions.csv", "content",
                "code\n")), "dryRun", true));
        if (adminRefusal != null) {
            assertEquals(adminRefusal, restore.at("/errors/0/extensions/code").asText(), restore::toString);
            assertEquals(adminRefusal, importing.at("/errors/0/extensions/code").asText(), importing::toString);
            assertEquals(null, node(haibowan(null), id), "still deleted");
        } else {
            assertEquals(id, ok(restore).at("/restoreObservation/observation/id").asText());
            assertEquals("BAD_USER_INPUT", importing.at("/errors/0/extensions/code").asText(), importing::toString);
            ok(send(EDITOR, DELETE, Map.of("id", id, "version", 1)));
        }
    }

    /** The editors' mutations for every kind of caller: refused ones change nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void authMatrix(String caller, String token, String refusal, String adminRefusal) {
        // A figure to update and delete, made by an editor.
        JsonNode target = ok(send(EDITOR, CREATE, newFigure(2, 2022))).at("/createObservation/observation");
        String id = target.get("id").asText();
        int before = haibowan(null).get("totalCount").asInt();

        Map<String, Object> another = newFigure(3, 2021);
        JsonNode create = send(token, CREATE, another);
        JsonNode update = send(token, UPDATE, Map.of("id", id, "version", 0, "value", 3, "quote", "海勃湾区建成零工市场3个"));
        if (refusal != null) {
            assertEquals(refusal, create.at("/errors/0/extensions/code").asText(), create::toString);
            assertEquals(refusal, update.at("/errors/0/extensions/code").asText(), update::toString);
            assertEquals(refusal, send(token, DELETE, Map.of("id", id, "version", 0))
                    .at("/errors/0/extensions/code").asText());
            // No detail of the token checks.
            assertFalse(create.at("/errors/0/message").asText().toLowerCase().contains("signature"));
            assertEquals(before, haibowan(null).get("totalCount").asInt());
            assertEquals(2, node(haibowan(null), id).get("value").asInt());
            assertEquals(0, node(haibowan(null), id).get("version").asInt());
            ok(send(EDITOR, DELETE, Map.of("id", id, "version", 0)));
        } else {
            String createdId = ok(create).at("/createObservation/observation/id").asText();
            assertEquals(3, ok(update).at("/updateObservation/observation/value").asInt());
            assertTrue(ok(send(token, DELETE, Map.of("id", id, "version", 1))).has("deleteObservation"));
            ok(send(token, DELETE, Map.of("id", createdId, "version", 0)));
            assertEquals(before - 1, haibowan(null).get("totalCount").asInt());
        }
    }
}
