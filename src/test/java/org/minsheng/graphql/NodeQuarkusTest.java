package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NodeQuarkusTest {

    private static final String NODE = GraphQL.resource("graphql/queries/node.graphql");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Region      | { region(code: \"150403103\") { __typename id code name } }                  | /region",
            "Indicator   | { indicator(code: \"childcare.places\") { __typename id code name } }      | /indicator",
            "Program     | { program(code: \"sanzhi-yifu\") { __typename id code name } }             | /program",
            "Source      | { source(code: \"nmg-minsheng-2025\") { __typename id code title } }       | /source",
            "Observation | { observations(first: 1) { nodes { __typename id value quote indicator { code } } } } | /observations/nodes/0",
    })
    void nodeReturnsTheSameObjectForItsId(String type, String query, String pointer) {
        JsonNode object = GraphQL.data(query).at(pointer);
        assertEquals(type, object.get("__typename").asText());
        JsonNode found = GraphQL.data(NODE, Map.of("id", object.get("id").asText())).get("node");
        assertEquals(object, found);
    }

    @Test
    void idsAreOpaqueAndDistinctAcrossTypes() {
        JsonNode data = GraphQL.data("{ region(code: \"150000\") { id } source(code: \"nmg-minsheng-2025\") { id } }");
        String regionId = data.at("/region/id").asText();
        assertTrue(!regionId.contains("150000"), "the ID should not show the code: " + regionId);
        assertTrue(!regionId.equals(data.at("/source/id").asText()));
    }

    @Test
    void anIdOfNoObjectGivesNull() {
        String unknownRegion = GlobalId.encode("Region", "159999");
        assertTrue(GraphQL.data(NODE, Map.of("id", unknownRegion)).get("node").isNull());
    }

    @Test
    void aMalformedIdIsRefused() {
        JsonNode response = GraphQL.execute(NODE, Map.of("id", "%%%"));
        assertEquals("BAD_USER_INPUT", response.at("/errors/0/extensions/code").asText());
        assertEquals("Not a Minsheng node ID: \"%%%\"", response.at("/errors/0/message").asText());
        JsonNode otherType = GraphQL.execute(NODE, Map.of("id", GlobalId.encode("Car", "1")));
        assertEquals("BAD_USER_INPUT", otherType.at("/errors/0/extensions/code").asText());
    }
}
