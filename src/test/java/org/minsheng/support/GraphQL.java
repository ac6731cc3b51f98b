package org.minsheng.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/** Sends GraphQL operations to the running application over HTTP, as a client would. */
public final class GraphQL {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQL() {
    }

    /** The whole response of {@code query}, with data and errors. */
    public static JsonNode execute(String query) {
        return execute(query, Map.of());
    }

    public static JsonNode execute(String query, Map<String, Object> variables) {
        return execute(query, variables, Map.of());
    }

    /** The whole response of {@code query}, sent with these HTTP headers. */
    public static JsonNode execute(String query, Map<String, Object> variables, Map<String, String> headers) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        String response = given().contentType(ContentType.JSON).accept(ContentType.JSON).headers(headers).body(body)
                .when().post("/graphql")
                .then().statusCode(200).extract().asString();
        return parse(response);
    }

    /** The data of the named operation of a document, which must answer without errors. */
    public static JsonNode operationData(String document, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("operationName", operationName);
        JsonNode response = parse(given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql").then().statusCode(200).extract().asString());
        if (response.has("errors")) {
            throw new AssertionError("GraphQL errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    /** The data of a response that must have no errors. */
    public static JsonNode data(String query, Map<String, Object> variables) {
        JsonNode response = execute(query, variables);
        if (response.has("errors")) {
            throw new AssertionError("GraphQL errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    public static JsonNode data(String query) {
        return data(query, Map.of());
    }

    /** A file under src/test/resources, as text. */
    public static String resource(String path) {
        try (InputStream in = GraphQL.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} written as JSON. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
