package org.minsheng.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.support.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What no route answers is answered in the error contract's JSON, never a framework's page: an
 * unknown path 404 NOT_FOUND, a method the dashboard's routes or the exports do not take 405 with Allow.
 */
@QuarkusTest
class FallbackRoutesQuarkusTest {

    @ParameterizedTest(name = "{0} {1} answers {2} {3}")
    @CsvSource({
            "GET, /nope, 404, NOT_FOUND",
            "GET, /region/, 404, NOT_FOUND",
            "GET, /region/150302/figures, 404, NOT_FOUND",
            "GET, /app/missing.js, 404, NOT_FOUND",
            "GET, /export/observations, 404, NOT_FOUND",
            "GET, /export/observations.xml, 404, NOT_FOUND",
            "POST, /, 405, BAD_USER_INPUT",
            "POST, /region/150302, 405, BAD_USER_INPUT",
            "DELETE, /indicator/employment.urban_new_jobs, 405, BAD_USER_INPUT",
            "PUT, /search, 405, BAD_USER_INPUT",
            "POST, /export/observations.csv, 405, BAD_USER_INPUT",
            "DELETE, /export/observations.jsonl, 405, BAD_USER_INPUT" })
    void answersInTheErrorContract(String method, String path, int status, String code) {
        Response response = given().request(method, path);
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(code, GraphQL.parse(response.asString()).at("/errors/0/extensions/code").asText());
        if (status == 405) {
            assertEquals("GET, HEAD", response.header("Allow"));
        }
    }
}
