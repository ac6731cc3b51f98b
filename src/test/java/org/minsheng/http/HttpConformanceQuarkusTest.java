package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The GraphQL-over-HTTP rules clients rely on: media types, status codes, GET, headers and request IDs. */
@QuarkusTest
class HttpConformanceQuarkusTest {

    private static final Map<String, String> TYPENAME = Map.of("query", "{ __typename }");

    @Test
    void getRunsQueries() {
        given().queryParam("query", "{ region(code: \"150000\") { name } }").when().get("/graphql").then()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("data.region.name", equalTo("内蒙古自治区"));
    }

    @Test
    void getRefusesMutationsWith405() {
        given().queryParam("query", "mutation { __typename }").when().get("/graphql").then()
                .statusCode(405).header("Allow", "POST");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded" }) {
            given().contentType(type).body("{\"query\":\"{ __typename }\"}").when().post("/graphql").then()
                    .statusCode(415).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
    }

    @Test
    void graphqlResponseJsonGetsItsMediaTypeAnd400ForRequestErrors() {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json").body(Map.of("query", "{"))
                .when().post("/graphql").then().statusCode(400)
                .contentType(startsWith("application/graphql-response+json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ nothing }")).when().post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        given().contentType(ContentType.JSON).accept("application/json").body(Map.of("query", "{ nothing }"))
                .when().post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void everyResponseCarriesSecurityHeadersARequestIdAndTheCost() {
        Response response = given().contentType(ContentType.JSON).body(TYPENAME).when().post("/graphql");
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("default-src 'none'; frame-ancestors 'none'", response.header("Content-Security-Policy"));
        assertFalse(response.header("X-Request-Id").isBlank());
        assertEquals(0, response.jsonPath().getInt("extensions.cost.requested"));
        Response health = given().when().get("/q/health/live");
        assertEquals("nosniff", health.header("X-Content-Type-Options"));
        assertFalse(health.header("X-Request-Id").isBlank());
    }

    @Test
    void graphiqlGetsACspThatLetsItRun() {
        String csp = given().queryParam("query", "{ __typename }").when().get("/q/graphql-ui/").then().statusCode(200)
                .extract().header("Content-Security-Policy");
        assertNotEquals("default-src 'none'; frame-ancestors 'none'", csp);
        assertFalse(csp.contains("default-src 'none'"), csp);
    }

    @Test
    void aCallersRequestIdIsKeptAndAForeignOneReplaced() {
        given().header("X-Request-Id", "dashboard-42").contentType(ContentType.JSON).body(TYPENAME).when()
                .post("/graphql").then().header("X-Request-Id", "dashboard-42");
        String replaced = given().header("X-Request-Id", "<script>").contentType(ContentType.JSON).body(TYPENAME)
                .when().post("/graphql").then().extract().header("X-Request-Id");
        assertNotEquals("<script>", replaced);
    }

    @Test
    void corsIsOffByDefault() {
        Response response = given().header("Origin", "https://elsewhere.example").contentType(ContentType.JSON)
                .body(TYPENAME).when().post("/graphql");
        assertEquals(null, response.header("Access-Control-Allow-Origin"));
    }
}
