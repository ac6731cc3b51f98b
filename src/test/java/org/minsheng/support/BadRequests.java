package org.minsheng.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an attacker or a broken client sends: malformed JSON, wrong media types, invalid UTF-8,
 * empty and huge bodies, bombs, invalid variables and scalars, foreign IDs and cursors, and
 * injection strings in every string argument. The table of the bad-input suite.
 */
public final class BadRequests {

    private static final String JSON = "application/json";

    private BadRequests() {
    }

    /** One request of the suite; {@code body} null for a GET, whose query string is {@code query}. */
    public record Case(String name, String method, String contentType, byte[] body, String query, String accept) {
        @Override
        public String toString() {
            return name;
        }

        /** This request, sent to {@code endpoint}. */
        public HttpRequest to(URI endpoint) {
            URI uri = query == null ? endpoint : URI.create(endpoint + "?" + query);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (accept != null) {
                builder.header("Accept", accept);
            }
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            return builder.method(method, publisher).build();
        }
    }

    /** A 4xx or a GraphQL error with a code that is not INTERNAL_SERVER_ERROR, and no internals. */
    public static void assertAnsweredCleanly(BadRequests.Case request, HttpResponse<String> response) {
        assertTrue(response.statusCode() < 500, request.name() + " answered " + response.statusCode() + ": "
                + response.body());
        for (String leak : new String[] { "java.", "Exception", "org.hibernate", "org.minsheng", "SQL", "\tat " }) {
            assertFalse(response.body().contains(leak), request.name() + " leaks " + leak + ": " + response.body());
        }
        if (response.statusCode() == 204) {
            return;
        }
        JsonNode body = GraphQL.parse(response.body());
        assertTrue(body.has("errors") || body.has("data"), request.name() + ": " + response.body());
        for (JsonNode error : body.path("errors")) {
            assertTrue(error.at("/extensions/code").isTextual(), request.name() + ": error without a code: " + error);
            assertFalse(error.at("/extensions/code").asText().equals("INTERNAL_SERVER_ERROR"),
                    request.name() + ": bad input is not an internal error: " + error);
        }
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), request.name() + ": no request ID");
    }

    /** Every request of the suite. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        malformedJson(cases);
        mediaTypesAndMethods(cases);
        bodies(cases);
        bombs(cases);
        variablesAndScalars(cases);
        idsAndCursors(cases);
        injections(cases);
        return cases;
    }

    // ---- the cases ---------------------------------------------------------------------------

    private static void malformedJson(List<Case> cases) {
        String[] bodies = { "{", "}", "[]", "null", "\"{ __typename }\"", "123", "true", "{\"query\":}",
                "{'query':'{ __typename }'}", "{\"query\":\"{ __typename }\"} {}", "{\"query\":\"{ __typename }\",}",
                "{\"query\":\"{ __typename }\",\"query\":\"{ __typename }\"}", "{\"query\":\"\\u12\"}",
                "{\"query\" \"{ __typename }\"}", "\uFEFF{\"query\":\"{ __typename }\"}" };
        for (int i = 0; i < bodies.length; i++) {
            cases.add(post("malformed JSON " + i + ": " + bodies[i], bodies[i]));
        }
        cases.add(post("query is a number", "{\"query\": 1}"));
        cases.add(post("query is an object", "{\"query\": {\"a\": 1}}"));
        cases.add(post("query is an array", "{\"query\": [\"{ __typename }\"]}"));
        cases.add(post("query is null", "{\"query\": null}"));
        cases.add(post("query is empty", "{\"query\": \"\"}"));
        cases.add(post("query is missing", "{\"qeury\": \"{ __typename }\"}"));
        cases.add(post("variables is a string", "{\"query\": \"{ __typename }\", \"variables\": \"x\"}"));
        cases.add(post("variables is an array", "{\"query\": \"{ __typename }\", \"variables\": [1]}"));
        cases.add(post("variables is a number", "{\"query\": \"{ __typename }\", \"variables\": 1}"));
        cases.add(post("operationName is a number", "{\"query\": \"{ __typename }\", \"operationName\": 1}"));
        cases.add(post("extensions is a string", "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}"));
        cases.add(post("JSON nested 1,000 deep", "{\"query\": \"{ __typename }\", \"variables\": {\"a\": "
                + "[".repeat(1000) + "]".repeat(1000) + "}}"));
        cases.add(post("JSON nested 100 deep in variables", "{\"query\": \"{ __typename }\", \"variables\": "
                + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}"));
    }

    private static void mediaTypesAndMethods(List<Case> cases) {
        byte[] ok = GraphQL.json(Map.of("query", "{ __typename }")).getBytes(StandardCharsets.UTF_8);
        String[] types = { null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "application/json; charset=latin1", "application/graphql", "text/html", "*/*", "json" };
        for (String type : types) {
            cases.add(new Case("Content-Type " + type, "POST", type, ok, null, null));
        }
        cases.add(new Case("Accept text/html only", "POST", JSON, ok, null, "text/html"));
        cases.add(new Case("Accept image/png", "POST", JSON, ok, null, "image/png"));
        for (String method : new String[] { "PUT", "DELETE", "PATCH" }) {
            cases.add(new Case(method, method, JSON, ok, null, null));
        }
        cases.add(new Case("OPTIONS", "OPTIONS", null, null, null, null));
        cases.add(get("GET without a query", ""));
        cases.add(get("GET with an empty query", "query="));
        cases.add(get("GET with a mutation", "query=" + encode("mutation { __typename }")));
        cases.add(get("GET with malformed variables", "query=" + encode("{ __typename }") + "&variables=" + encode("{")));
        cases.add(get("GET with a parse error", "query=" + encode("{ region(")));
    }

    private static void bodies(List<Case> cases) {
        cases.add(new Case("empty body", "POST", JSON, new byte[0], null, null));
        cases.add(new Case("whitespace body", "POST", JSON, "   ".getBytes(StandardCharsets.UTF_8), null, null));
        cases.add(new Case("invalid UTF-8 bytes", "POST", JSON, new byte[] { '{', '"', 'q', '"', ':', '"', (byte) 0xff,
                (byte) 0xfe, '"', '}' }, null, null));
        cases.add(new Case("overlong UTF-8 sequence", "POST", JSON, new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':',
                '"', (byte) 0xc0, (byte) 0xaf, '"', '}' }, null, null));
        cases.add(new Case("lone UTF-8 continuation byte in a query", "POST", JSON, concat(
                "{\"query\":\"{ regions(search: \\\"", new byte[] { (byte) 0x80 }, "\\\") { totalCount } }\"}"), null,
                null));
        cases.add(post("body over the size limit (70 KB)", "{\"query\": \"{ __typename }\", \"x\": \""
                + "a".repeat(70_000) + "\"}"));
        cases.add(post("body of 2 MB", "{\"query\": \"" + "{ __typename }".repeat(150_000) + "\"}"));
        cases.add(query("a 60 KB string literal", "{ regions(search: \"" + "长".repeat(20_000) + "\") { totalCount } }"));
        cases.add(post("a 60 KB string variable", GraphQL.json(Map.of("query",
                "query($s: String) { regions(search: $s) { totalCount } }", "variables", Map.of("s", "x".repeat(60_000))))));
        cases.add(query("a 100,000-code list (over the body limit)", "{ observations(filter: {regionCodes: ["
                + String.join(",", Collections.nCopies(100_000, "\"150000\"")) + "]}) { totalCount } }"));
        cases.add(post("a 100,000-code list in variables", GraphQL.json(Map.of("query",
                "query($c: [String!]) { observations(filter: {regionCodes: $c}) { totalCount } }", "variables",
                Map.of("c", Collections.nCopies(100_000, "150000"))))));
        cases.add(query("1,001 codes (over the list-items limit)", "{ observations(filter: {regionCodes: ["
                + String.join(",", Collections.nCopies(1001, "\"1\"")) + "]}) { totalCount } }"));
    }

    private static void bombs(List<Case> cases) {
        cases.add(query("selections nested 1,000 deep", "{ region(code: \"150000\") {" + " children {".repeat(1000)
                + " code" + " }".repeat(1000) + " } }"));
        cases.add(query("selections nested 12 deep", "{ region(code: \"150403103\") {" + " parent {".repeat(11)
                + " code" + " }".repeat(11) + " } }"));
        cases.add(query("list literal nested 500 deep", "{ regions(search: " + "[".repeat(500) + "]".repeat(500)
                + ") { totalCount } }"));
        cases.add(query("400 aliases", "{" + aliases(400, "regions(first: 100) { nodes { code } }") + " }"));
        cases.add(query("400 aliases over a fragment", "{" + aliases(400, "regions(first: 100) { ...R }")
                + " } fragment R on RegionConnection { nodes { code name children { code } } }"));
        cases.add(query("1,000 directives", "{ __typename" + " @include(if: true)".repeat(1000) + " }"));
        cases.add(query("an unknown directive", "{ __typename @bomb }"));
        StringBuilder spreads = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 30; i++) {
            spreads.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }");
        }
        spreads.append(" fragment F30 on Query { __typename }");
        cases.add(query("a fragment bomb (2^30 spreads)", spreads.toString()));
        cases.add(query("cyclic fragments", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
        cases.add(query("a self-spreading fragment", "{ ...A } fragment A on Query { __typename ...A }"));
        cases.add(query("the region tree cycled 7 levels", "{ region(code: \"150000\") { children { ancestors { children"
                + " { parent { children { ancestors { children { code } } } } } } } } }"));
        cases.add(query("introspection nested 10 deep", "{ __schema { types { fields { type { fields { type { fields"
                + " { type { fields { name } } } } } } } } } }"));
        cases.add(query("two operations without operationName", "query A { __typename } query B { __typename }"));
        cases.add(post("an unknown operationName", GraphQL.json(Map.of("query", "query A { __typename }",
                "operationName", "B"))));
        cases.add(query("two operations with one name", "query A { __typename } query A { __typename }"));
        cases.add(query("6,000 tokens", "{" + " __typename".repeat(6000) + " }"));
        cases.add(query("a subscription", "subscription { __typename }"));
        cases.add(query("a mutation", "mutation { __typename }"));
    }

    private static void variablesAndScalars(List<Case> cases) {
        String firstQuery = "query($f: Int) { regions(first: $f) { totalCount } }";
        Object[] firsts = { "x", 4294967297L, 2147483648L, 1.5, -1, 101, List.of(1), Map.of("a", 1), true };
        for (Object first : firsts) {
            cases.add(post("variable first = " + first, GraphQL.json(Map.of("query", firstQuery, "variables",
                    Map.of("f", first)))));
        }
        cases.add(query("literal first: 2147483648", "{ regions(first: 2147483648) { totalCount } }"));
        cases.add(query("literal first: -2147483649", "{ regions(first: -2147483649) { totalCount } }"));
        cases.add(query("literal first: 1e3", "{ regions(first: 1e3) { totalCount } }"));
        cases.add(post("a missing required variable", GraphQL.json(Map.of("query",
                "query($c: String!) { region(code: $c) { name } }"))));
        cases.add(post("null for a required variable", "{\"query\": \"query($c: String!) { region(code: $c) { name } }\","
                + " \"variables\": {\"c\": null}}"));
        cases.add(post("an undeclared variable", GraphQL.json(Map.of("query", "{ region(code: $c) { name } }",
                "variables", Map.of("c", "150000")))));
        String[] dates = { "2024-13-01", "2024-02-30", "x", "2024/01/01", "", "20240101", "2024-1-1", "+99999-01-01",
                "2024-01-01T00:00:00Z" };
        for (String date : dates) {
            cases.add(query("Date literal \"" + date + "\"", "{ observations(filter: {from: \"" + date
                    + "\"}) { totalCount } }"));
            cases.add(post("Date variable \"" + date + "\"", GraphQL.json(Map.of("query",
                    "query($f: ObservationFilter) { observations(filter: $f) { totalCount } }", "variables",
                    Map.of("f", Map.of("to", date))))));
        }
        cases.add(query("Date as a number", "{ observations(filter: {from: 20240101}) { totalCount } }"));
        cases.add(query("enum in lower case", "{ observations(filter: {themes: [childcare]}) { totalCount } }"));
        cases.add(query("enum as a string", "{ observations(filter: {themes: [\"CHILDCARE\"]}) { totalCount } }"));
        cases.add(query("unknown enum value", "{ regions(level: CITY) { totalCount } }"));
        cases.add(query("unknown qualifier", "{ observations(filter: {qualifiers: [ABOUT]}) { totalCount } }"));
        cases.add(post("enum variable of the wrong case", GraphQL.json(Map.of("query",
                "query($l: RegionLevel) { regions(level: $l) { totalCount } }", "variables", Map.of("l", "county")))));
        cases.add(query("display language unknown", "{ observations(first: 1) { nodes { display(language: FR) } } }"));
        cases.add(query("an unknown filter field", "{ observations(filter: {region: \"150000\"}) { totalCount } }"));
        cases.add(
                query("from after to", "{ observations(filter: {from: \"2025-01-01\", to: \"2024-01-01\"}) { totalCount } }"));
    }

    private static void idsAndCursors(List<Case> cases) {
        String[] ids = { "", "!!!", "%%%", "bm9jb2xvbg", "UmVnaW9uOg", "T2JzZXJ2YXRpb246YWJj", "Q2FyOjE",
                "x".repeat(10_000), "T2JzZXJ2YXRpb246OTk5OTk5OTk5OTk5OTk5OTk5OTk5" };
        for (String id : ids) {
            cases.add(query("node(id: \"" + abbreviate(id) + "\")", "{ node(id: \"" + id + "\") { id } }"));
        }
        String[] cursors = { "", "%%%", "!!", "Y3Vyc29yOnYxOg", "Y3Vyc29yOnYxOmFiYw", "x".repeat(10_000) };
        for (String cursor : cursors) {
            cases.add(query("regions(after: \"" + abbreviate(cursor) + "\")", "{ regions(after: \"" + cursor
                    + "\") { totalCount } }"));
            cases.add(query("observations(after: \"" + abbreviate(cursor) + "\")", "{ observations(after: \"" + cursor
                    + "\") { totalCount } }"));
        }
    }

    private static void injections(List<Case> cases) {
        String[] payloads = { "' OR '1'='1", "\\\"; DROP TABLE region; --", "%", "_", "\\\\", "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/x}", "\\u0000", "../../etc/passwd", "🏃‍♀️" };
        String[] arguments = {
                "{ region(code: \"%s\") { name } }",
                "{ regions(search: \"%s\") { totalCount } }",
                "{ regions(parentCode: \"%s\") { totalCount } }",
                "{ indicator(code: \"%s\") { name } }",
                "{ indicators(search: \"%s\") { totalCount } }",
                "{ program(code: \"%s\") { name } }",
                "{ programs(regionCode: \"%s\") { totalCount } }",
                "{ source(code: \"%s\") { title } }",
                "{ observations(filter: {within: \"%s\"}) { totalCount } }",
                "{ observations(filter: {regionCodes: [\"%s\"], indicatorCodes: [\"%s\"]}) { totalCount } }" };
        for (String argument : arguments) {
            for (String payload : payloads) {
                cases.add(query("injection " + payload + " in " + argument.substring(2, argument.indexOf('(')),
                        argument.replace("%s", payload)));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Case post(String name, String body) {
        return new Case(name, "POST", JSON, body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static Case query(String name, String query) {
        return post(name, GraphQL.json(Map.of("query", query)));
    }

    private static Case get(String name, String queryString) {
        return new Case(name, "GET", null, null, queryString, null);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String aliases(int count, String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(" a").append(i).append(": ").append(field);
        }
        return text.toString();
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…(" + text.length() + ")" : text;
    }
}
