package org.minsheng.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.minsheng.support.GraphQL;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Editors write indicators, programmes and sources, admins regions: the same rules as the seed
 * bundle, versions, revisions, and refusals that change nothing.
 */
@QuarkusTest
class CatalogueEditingQuarkusTest {

    private static final String EDITOR = Tokens.of("alice@example.org", "editor");
    private static final String ADMIN = Tokens.of("root@example.org", "admin");

    /** Regions the tests create: there is no mutation that deletes one, so they are removed at the end. */
    private static final List<String> CREATED_REGIONS = new ArrayList<>();

    @AfterAll
    static void removeCreatedRegions() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String code : CREATED_REGIONS) {
                Panache.getEntityManager().createQuery("delete from RegionAncestorEntity a where a.regionCode = :c")
                        .setParameter("c", code).executeUpdate();
                Panache.getEntityManager().createQuery("delete from RegionEntity r where r.code = :c")
                        .setParameter("c", code).executeUpdate();
            }
        });
        // Written past the API: the catalogue is told by hand.
        Arc.container().instance(Catalogue.class).get().reload("test regions removed");
    }

    private static JsonNode send(String token, String mutation, Map<String, Object> input) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        return GraphQL.execute(mutation, variables, headers);
    }

    private static JsonNode ok(JsonNode response) {
        assertFalse(response.has("errors"), () -> "errors: " + response.get("errors"));
        return response.get("data");
    }

    private static void assertRefused(JsonNode response, String code, String field) {
        assertEquals(code, response.at("/errors/0/extensions/code").asText(), response::toString);
        if (field != null) {
            assertEquals(field, response.at("/errors/0/extensions/field").asText(), response::toString);
        }
    }

    private static String mutation(String name, String selection) {
        String input = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
        return "mutation($input: " + input + "!) { " + name + "(input: $input) { " + selection + " } }";
    }

    private static final String INDICATOR = "indicator { code version name nameEn unit { code } additive "
            + "revisions { action by before after } }";

    private static Map<String, Object> indicator(String code) {
        return new HashMap<>(Map.of("code", code, "name", "测试指标", "theme", "EMPLOYMENT", "unit", "ITEM", "additive",
                true));
    }

    @Test
    void anEditorWritesAnIndicatorWithVersionsAndRevisions() {
        String code = "test.gig_fairs";
        JsonNode created = ok(send(EDITOR, mutation("createIndicator", INDICATOR), indicator(code)))
                .at("/createIndicator/indicator");
        assertEquals(0, created.get("version").asInt());
        assertEquals("CREATE", created.at("/revisions/0/action").asText());
        assertEquals("alice@example.org", created.at("/revisions/0/by").asText());
        assertEquals(code, GraphQL.data("{ indicator(code: \"" + code + "\") { code } }").at("/indicator/code").asText());

        String update = mutation("updateIndicator", INDICATOR);
        assertRefused(send(EDITOR, update, Map.of("code", code, "version", 3, "nameEn", "Gig fairs")), "CONFLICT", null);
        JsonNode updated = ok(send(EDITOR, update, Map.of("code", code, "version", 0, "nameEn", "Gig fairs",
                "reason", "English name"))).at("/updateIndicator/indicator");
        assertEquals(1, updated.get("version").asInt());
        assertEquals("Gig fairs", updated.get("nameEn").asText());
        assertEquals("测试指标", updated.get("name").asText(), "a field left out keeps its value");
        assertEquals(2, updated.get("revisions").size());
        JsonNode before = GraphQL.parse(updated.at("/revisions/1/before").asText());
        JsonNode after = GraphQL.parse(updated.at("/revisions/1/after").asText());
        assertTrue(before.get("nameEn").isNull());
        assertEquals("Gig fairs", after.get("nameEn").asText());

        // An indicator that figures use keeps its unit, and cannot be deleted.
        JsonNode jobs = GraphQL.data("{ indicator(code: \"employment.urban_new_jobs\") { version } }");
        int version = jobs.at("/indicator/version").asInt();
        assertRefused(send(EDITOR, update, Map.of("code", "employment.urban_new_jobs", "version", version, "unit",
                "ITEM")), "BAD_USER_INPUT", "input.unit");
        String delete = mutation("deleteIndicator", "deletedIndicatorId");
        assertRefused(send(EDITOR, delete, Map.of("code", "employment.urban_new_jobs", "version", version)),
                "BAD_USER_INPUT", "input.code");
        assertEquals(version, GraphQL.data("{ indicator(code: \"employment.urban_new_jobs\") { version } }")
                .at("/indicator/version").asInt());

        // Bad input names its field.
        assertRefused(send(EDITOR, mutation("createIndicator", INDICATOR), indicator("NotDotted")),
                "BAD_USER_INPUT", "input.code");
        Map<String, Object> longName = indicator("test.long_name");
        longName.put("nameEn", "x".repeat(201));
        assertRefused(send(EDITOR, mutation("createIndicator", INDICATOR), longName), "BAD_USER_INPUT",
                "input.nameEn");
        assertRefused(send(EDITOR, mutation("createIndicator", INDICATOR), indicator(code)),
                "BAD_USER_INPUT", "input.code");

        assertEquals(code,
                ok(send(EDITOR, delete, Map.of("code", code, "version", 1))).at("/deleteIndicator/deletedIndicatorId")
                        .asText().isEmpty() ? "" : code);
        assertTrue(GraphQL.data("{ indicator(code: \"" + code + "\") { code } }").get("indicator").isNull());
    }

    @Test
    void aProgrammeIsWrittenWithItsRegionsAndIndicators() {
        String create = mutation("createProgram", "program { code version regions { code } "
                + "indicators { code } revisions { action after } }");
        Map<String, Object> input = new HashMap<>(Map.of("code", "test-gig-fairs", "name", "零工招聘会", "theme",
                "EMPLOYMENT", "kind", "CAMPAIGN", "regionCodes", List.of("150302"), "indicatorCodes",
                List.of("employment.gig_markets"), "startedOn", "2025-03-01", "startPrecision", "MONTH"));
        Map<String, Object> unknownRegion = new HashMap<>(input);
        unknownRegion.put("regionCodes", List.of("150302", "159999"));
        assertRefused(send(EDITOR, create, unknownRegion), "BAD_USER_INPUT", "input.regionCodes");
        Map<String, Object> midMonth = new HashMap<>(input);
        midMonth.put("startedOn", "2025-03-15");
        assertRefused(send(EDITOR, create, midMonth), "BAD_USER_INPUT", "input.startedOn");

        JsonNode program = ok(send(EDITOR, create, input)).at("/createProgram/program");
        assertEquals("150302", program.at("/regions/0/code").asText(), program::toString);
        assertEquals("employment.gig_markets", program.at("/indicators/0/code").asText());
        assertEquals(List.of("150302"), List.of(GraphQL.parse(program.at("/revisions/0/after").asText())
                .at("/regionCodes/0").asText()));

        JsonNode moved = ok(send(EDITOR, mutation("updateProgram", "program { version regions { code } revisions { action } }"),
                Map.of("code", "test-gig-fairs", "version", 0,
                        "regionCodes", List.of("150303", "150304"))))
                .at("/updateProgram/program");
        assertEquals(1, moved.get("version").asInt());
        assertEquals(2, moved.get("regions").size());
        assertEquals(2, moved.get("revisions").size());
        ok(send(EDITOR, mutation("deleteProgram", "deletedProgramId"), Map.of("code", "test-gig-fairs",
                "version", 1)));
        assertTrue(GraphQL.data("{ program(code: \"test-gig-fairs\") { code } }").get("program").isNull());
    }

    @Test
    void anAdminAddsATownshipWhereTheRulesOfTheTreeHold() {
        String create = mutation("createRegion", "region { code level version parent { code } "
                + "revisions { action by } }");
        Map<String, Object> township = new HashMap<>(Map.of("code", "150302901", "name", "测试街道", "level", "TOWNSHIP",
                "parentCode", "150302"));
        Map<String, Object> wrongParent = new HashMap<>(township);
        wrongParent.put("parentCode", "150303");
        assertRefused(send(ADMIN, create, wrongParent), "BAD_USER_INPUT", "input.code");
        Map<String, Object> wrongLevel = new HashMap<>(township);
        wrongLevel.put("level", "COUNTY");
        assertRefused(send(ADMIN, create, wrongLevel), "BAD_USER_INPUT", "input.level");

        CREATED_REGIONS.add("150302901");
        JsonNode region = ok(send(ADMIN, create, township)).at("/createRegion/region");
        assertEquals("150302", region.at("/parent/code").asText());
        assertEquals("root@example.org", region.at("/revisions/0/by").asText());
        // It is in the tree: the autonomous region's townships below Haibowan include it.
        JsonNode within = GraphQL.data("""
                { region(code: "150302901") { ancestors { code } } }""");
        List<String> ancestors = new ArrayList<>();
        within.at("/region/ancestors").forEach(a -> ancestors.add(a.get("code").asText()));
        assertEquals(List.of("150000", "150300", "150302"), ancestors.stream().sorted().toList());

        JsonNode renamed = ok(send(ADMIN, mutation("updateRegion", "region { name nameEn version }"),
                Map.of("code", "150302901", "version", 0, "nameEn", "Test Subdistrict"))).at("/updateRegion/region");
        assertEquals("Test Subdistrict", renamed.get("nameEn").asText());
        assertEquals("测试街道", renamed.get("name").asText());
        assertEquals(1, renamed.get("version").asInt());
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

    /** What the caller's writes may touch, read back: unchanged where a write was refused. */
    private static JsonNode state(String n) {
        return GraphQL.data("{ indicator(code: \"test.matrix_" + n + "\") { version nameEn }"
                + " source(code: \"matrix-" + n + "\") { version titleEn }"
                + " program(code: \"matrix-" + n + "\") { version nameEn }"
                + " region(code: \"1503029" + n + "\") { version nameEn }"
                + " targetRegion: region(code: \"1503028" + n + "\") { version nameEn }"
                + " target: indicator(code: \"test.target_" + n + "\") { version nameEn }"
                + " targetSource: source(code: \"target-" + n + "\") { version titleEn }"
                + " targetProgram: program(code: \"target-" + n + "\") { version nameEn } }");
    }

    /** Every catalogue mutation for every kind of caller: refused ones change nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void authMatrix(String caller, String token, String editorRefusal, String adminRefusal) {
        String n = Integer.toString(10 + (int) callers().map(a -> a.get()[0]).toList().indexOf(caller));
        // Objects to update and delete, made by an editor.
        ok(send(EDITOR, mutation("createIndicator", "indicator { code }"), indicator("test.target_" + n)));
        ok(send(EDITOR, mutation("createSource", "source { code }"), Map.of("code", "target-" + n, "title", "目标")));
        ok(send(EDITOR, mutation("createProgram", "program { code }"), Map.of("code", "target-" + n, "name",
                "目标", "theme", "EMPLOYMENT", "kind", "CAMPAIGN", "regionCodes", List.of("150302"))));
        CREATED_REGIONS.add("1503028" + n);
        ok(send(ADMIN, mutation("createRegion", "region { code }"), Map.of("code", "1503028" + n, "name", "目标街道",
                "level", "TOWNSHIP", "parentCode", "150302")));
        JsonNode before = state(n);

        Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
        answers.put("createIndicator", send(token, mutation("createIndicator", "indicator { code }"),
                indicator("test.matrix_" + n)));
        answers.put("updateIndicator", send(token, mutation("updateIndicator", "indicator { code }"),
                Map.of("code", "test.target_" + n, "version", 0, "nameEn", "Changed")));
        answers.put("createSource", send(token, mutation("createSource", "source { code }"),
                Map.of("code", "matrix-" + n, "title", "矩阵")));
        answers.put("updateSource", send(token, mutation("updateSource", "source { code }"),
                Map.of("code", "target-" + n, "version", 0, "titleEn", "Changed")));
        answers.put("createProgram", send(token, mutation("createProgram", "program { code }"),
                Map.of("code", "matrix-" + n, "name", "矩阵", "theme", "EMPLOYMENT", "kind", "CAMPAIGN", "regionCodes",
                        List.of("150302"))));
        answers.put("updateProgram", send(token, mutation("updateProgram", "program { code }"),
                Map.of("code", "target-" + n, "version", 0, "nameEn", "Changed")));
        Map<String, JsonNode> adminAnswers = new java.util.LinkedHashMap<>();
        adminAnswers.put("createRegion", send(token, mutation("createRegion", "region { code }"),
                Map.of("code", "1503029" + n, "name", "矩阵街道", "level", "TOWNSHIP", "parentCode", "150302")));
        CREATED_REGIONS.add("1503029" + n);
        adminAnswers.put("updateRegion", send(token, mutation("updateRegion", "region { code }"),
                Map.of("code", "1503028" + n, "version", 0, "nameEn", "Changed")));

        answers.forEach((name, answer) -> {
            if (editorRefusal != null) {
                assertRefused(answer, editorRefusal, null);
                assertFalse(answer.at("/errors/0/message").asText().toLowerCase().contains("signature"));
            } else {
                assertFalse(answer.has("errors"), () -> name + ": " + answer);
            }
        });
        adminAnswers.forEach((name, answer) -> {
            if (adminRefusal != null) {
                assertRefused(answer, adminRefusal, null);
            } else {
                assertFalse(answer.has("errors"), () -> name + ": " + answer);
            }
        });
        JsonNode after = state(n);
        if (editorRefusal != null) {
            assertEquals(before, after, "nothing changed");
        } else {
            assertEquals(1, after.at("/target/version").asInt());
            assertEquals("Changed", after.at("/targetSource/titleEn").asText());
            assertEquals(0, after.at("/program/version").asInt());
        }
        assertEquals(adminRefusal == null, !after.get("region").isNull(), after::toString);
        assertEquals(adminRefusal == null ? 1 : 0, after.at("/targetRegion/version").asInt(), after::toString);

        // The deletes, last: refused ones leave the objects there.
        List<String> deletes = List.of("deleteIndicator:test.target_", "deleteSource:target-", "deleteProgram:target-");
        for (String delete : deletes) {
            String name = delete.substring(0, delete.indexOf(':'));
            String code = delete.substring(delete.indexOf(':') + 1) + n;
            int version = editorRefusal == null ? 1 : 0;
            JsonNode answer = send(token, mutation(name, "clientMutationId"), Map.of("code", code, "version",
                    version));
            if (editorRefusal != null) {
                assertRefused(answer, editorRefusal, null);
                ok(send(EDITOR, mutation(name, "clientMutationId"), Map.of("code", code, "version", version)));
            } else {
                assertFalse(answer.has("errors"), answer::toString);
            }
        }
        if (editorRefusal == null) {
            ok(send(EDITOR, mutation("deleteIndicator", "clientMutationId"), Map.of("code", "test.matrix_" + n,
                    "version", 0)));
            ok(send(EDITOR, mutation("deleteSource", "clientMutationId"), Map.of("code", "matrix-" + n, "version", 0)));
            ok(send(EDITOR, mutation("deleteProgram", "clientMutationId"), Map.of("code", "matrix-" + n,
                    "version", 0)));
        }
        JsonNode gone = state(n);
        assertTrue(gone.get("target").isNull() && gone.get("targetSource").isNull()
                && gone.get("targetProgram").isNull() && gone.get("indicator").isNull(), gone::toString);
    }
}
