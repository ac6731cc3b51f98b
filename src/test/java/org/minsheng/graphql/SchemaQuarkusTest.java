package org.minsheng.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchemaQuarkusTest {

    /** The reviewed schema; every change to the API shows up as a diff of this file. */
    private static final Path SNAPSHOT = Path.of("src/test/resources/schema.graphql");

    private static final String INTROSPECTION = GraphQL.resource("graphql/queries/type-descriptions.graphql");

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        List<String> missing = new ArrayList<>();
        for (JsonNode type : GraphQL.data(INTROSPECTION).at("/__schema/types")) {
            String name = type.get("name").asText();
            if (name.startsWith("__")) {
                continue;
            }
            check(missing, name, type);
            for (JsonNode field : type.path("fields")) {
                check(missing, name + "." + field.get("name").asText(), field);
                for (JsonNode arg : field.path("args")) {
                    check(missing, name + "." + field.get("name").asText() + "(" + arg.get("name").asText() + ")", arg);
                }
            }
            for (JsonNode field : type.path("inputFields")) {
                check(missing, name + "." + field.get("name").asText(), field);
            }
            for (JsonNode value : type.path("enumValues")) {
                check(missing, name + "." + value.get("name").asText(), value);
            }
        }
        assertEquals(List.of(), missing, "schema elements without a description");
    }

    @Test
    void theContractTypesHaveTheirNames() {
        String schema = schema();
        for (String type : List.of("type Region implements Node", "type Indicator implements Node",
                "type Observation implements Node", "type Program implements Node", "type Source implements Node",
                "type RegionConnection", "type RegionEdge", "type PageInfo", "type Period", "type Unit",
                "enum Qualifier", "enum RegionLevel", "enum Theme", "input ObservationFilter", "scalar BigDecimal",
                "scalar Date", "interface Node")) {
            assertTrue(schema.contains(type), "the schema has no " + type);
        }
    }

    @Test
    void schemaMatchesTheReviewedSnapshot() throws IOException {
        String schema = schema();
        if (Boolean.getBoolean("update-snapshots")) {
            Files.writeString(SNAPSHOT, schema, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), schema,
                "The schema changed. If the change is intended, run the tests with -Dupdate-snapshots=true "
                        + "and commit src/test/resources/schema.graphql.");
    }

    private static String schema() {
        return given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    private static void check(List<String> missing, String what, JsonNode element) {
        JsonNode description = element.get("description");
        if (description == null || description.isNull() || description.asText().isBlank()) {
            missing.add(what);
        }
    }
}
