package org.minsheng.http;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The parameters of one GraphQL-over-HTTP request, read from a JSON body or from a GET query string. */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions) {

    /** JSON nesting a request may use; deeper bodies are refused before they are read whole. */
    static final int MAX_JSON_DEPTH = 64;

    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A request whose form is wrong: answered with 400 and a GraphQL error, never run. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static GraphQLRequest fromBody(byte[] body) throws Malformed {
        if (body == null || body.length == 0) {
            throw new Malformed("The request body is empty; send a JSON object with a query");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Malformed("The request body is not valid JSON in UTF-8 (at most " + MAX_JSON_DEPTH
                    + " levels deep)");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("The request body must be a JSON object with a query");
        }
        return new GraphQLRequest(string(root.get("query"), "query", true),
                string(root.get("operationName"), "operationName", false),
                object(root.get("variables"), "variables"), object(root.get("extensions"), "extensions"));
    }

    static GraphQLRequest fromQueryString(String query, String operationName, String variables, String extensions)
            throws Malformed {
        if (query == null || query.isBlank()) {
            throw new Malformed("query is missing: send the GraphQL document as the query parameter");
        }
        return new GraphQLRequest(query, operationName == null || operationName.isEmpty() ? null : operationName,
                parseObject(variables, "variables"), parseObject(extensions, "extensions"));
    }

    private static String string(JsonNode node, String name, boolean required) throws Malformed {
        if (node == null || node.isNull()) {
            if (required) {
                throw new Malformed(name + " is missing: send the GraphQL document as a string");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new Malformed(name + " must be a string");
        }
        if (required && node.asText().isBlank()) {
            throw new Malformed(name + " is empty");
        }
        return node.asText();
    }

    private static Map<String, Object> object(JsonNode node, String name) throws Malformed {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Malformed(name + " must be a JSON object");
        }
        return JSON.convertValue(node, MAP);
    }

    private static Map<String, Object> parseObject(String text, String name) throws Malformed {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return object(JSON.readTree(text), name);
        } catch (IOException e) {
            throw new Malformed(name + " is not valid JSON");
        }
    }
}
