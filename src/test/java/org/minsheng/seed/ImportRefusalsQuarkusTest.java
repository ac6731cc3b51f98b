package org.minsheng.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.minsheng.support.GraphQL;
import org.minsheng.support.TestBundle;
import org.minsheng.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What {@code POST /import} refuses, each with its status and the error contract's JSON, before
 * anything is held or written: archives that inflate past {@code minsheng.limits.import-bytes},
 * more files than {@code import-files} (as parts or zip entries, however many the multipart
 * decoder would take), a body that is not multipart, other methods, unknown parameters, broken
 * archives, a path twice. Files the bundle does not use are named in the answer.
 */
@QuarkusTest
class ImportRefusalsQuarkusTest {

    private static final String ADMIN = Tokens.of("root@example.org", "admin");

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN);
    }

    private static JsonNode refused(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonNode body = GraphQL.parse(response.asString());
        assertEquals(code, body.at("/errors/0/extensions/code").asText(), body.toString());
        assertTrue(body.at("/errors/0/message").asText().length() > 10, body.toString());
        return body;
    }

    private static int figures() {
        return GraphQL.data("{ observations { totalCount } }").at("/observations/totalCount").asInt();
    }

    /** A zip whose one entry, {@code name}, is {@code size} zero bytes: a few kilobytes that inflate to {@code size}. */
    private static byte[] bomb(String name, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aZipThatInflatesPastTheLimitIsRefused413BeforeItIsHeld() throws IOException {
        int before = figures();
        byte[] zip = bomb("observations.csv", 80L << 20);
        assertTrue(zip.length < 1 << 20, "a small archive: " + zip.length + " bytes");
        JsonNode body = refused(admin().multiPart("bundle", "bundle.zip", zip, "application/zip").post("/import"), 413,
                "LIMIT_EXCEEDED");
        assertEquals("import-bytes", body.at("/errors/0/extensions/limit").asText());
        assertEquals(67108864, body.at("/errors/0/extensions/maximum").asLong());
        assertTrue(body.at("/errors/0/message").asText().contains("observations.csv"), body.toString());
        assertEquals(before, figures());
    }

    @Test
    void moreFilesThanTheLimitAreRefused413AsPartsOrAsEntries() throws IOException {
        for (int parts : new int[] { 101, 300, 1000 }) {
            RequestSpecification request = admin();
            for (int i = 0; i < parts; i++) {
                request = request.multiPart("f" + i + ".txt", "f" + i + ".txt", new byte[] { 'x' }, "text/plain");
            }
            JsonNode body = refused(request.post("/import"), 413, "LIMIT_EXCEEDED");
            assertEquals("import-files", body.at("/errors/0/extensions/limit").asText(), parts + " parts: " + body);
            assertEquals(100, body.at("/errors/0/extensions/maximum").asInt());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 101; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                zip.write('x');
                zip.closeEntry();
            }
        }
        JsonNode entries = refused(admin().multiPart("bundle", "bundle.zip", bytes.toByteArray(), "application/zip")
                .post("/import"), 413, "LIMIT_EXCEEDED");
        assertEquals("import-files", entries.at("/errors/0/extensions/limit").asText());
    }

    @Test
    void moreFiguresThanTheRowLimitAreRefused413AndNothingIsWritten() {
        int before = figures();
        TestBundle bundle = TestBundle.copyOfSeeds();
        StringBuilder rows = new StringBuilder("indicator,region,period,value,qualifier,source,quote,note\n");
        for (int i = 0; i <= 250_000; i++) {
            rows.append("x,150000,2024,").append(i).append(",EXACT,s,q,\n");
        }
        RequestSpecification request = admin();
        for (String file : List.of("regions.csv", "sources.yaml", "indicators.yaml", "programs.yaml")) {
            request = request.multiPart(file, file, bundle.read(file).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        request = request.multiPart("observations.csv", "observations.csv",
                rows.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        JsonNode body = refused(request.post("/import"), 413, "LIMIT_EXCEEDED");
        assertEquals("import-rows", body.at("/errors/0/extensions/limit").asText(), body.toString());
        assertEquals(250000, body.at("/errors/0/extensions/maximum").asInt(), body.toString());
        assertTrue(body.at("/errors/0/message").asText().contains("observations.csv"), body.toString());
        assertEquals(before, figures());
    }

    @Test
    void aBodyThatIsNotMultipartIs415AndOtherMethods405() {
        refused(admin().contentType("application/json").body("{}").post("/import"), 415, "BAD_USER_INPUT");
        Response get = admin().get("/import");
        refused(get, 405, "BAD_USER_INPUT");
        assertEquals("POST", get.header("Allow"));
        refused(admin().put("/import"), 405, "BAD_USER_INPUT");
    }

    @Test
    void unknownParametersAndValuesAreNamed() {
        JsonNode colour = refused(admin().multiPart("a.csv", "a.csv", new byte[] { 'x' }, "text/plain")
                .post("/import?colour=red"), 400, "BAD_USER_INPUT");
        assertTrue(colour.at("/errors/0/message").asText().contains("\"colour\""), colour.toString());
        JsonNode replace = refused(admin().multiPart("a.csv", "a.csv", new byte[] { 'x' }, "text/plain")
                .post("/import?replace=everything"), 400, "BAD_USER_INPUT");
        assertTrue(replace.at("/errors/0/message").asText().startsWith("replace:"), replace.toString());
        refused(admin().multiPart("a.csv", "a.csv", new byte[] { 'x' }, "text/plain").post("/import?dryRun=maybe"), 400,
                "BAD_USER_INPUT");
    }

    @Test
    void aBrokenArchiveAndAPathTwiceAreBadInput() {
        byte[] notAZip = "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1);
        refused(admin().multiPart("bundle", "bundle.zip", notAZip, "application/zip").post("/import"), 400,
                "BAD_USER_INPUT");
        JsonNode twice = refused(admin().multiPart("regions.csv", "regions.csv", new byte[] { 'x' }, "text/plain")
                .multiPart("regions.csv", "regions.csv", new byte[] { 'y' }, "text/plain").post("/import"), 400,
                "BAD_USER_INPUT");
        assertTrue(twice.at("/errors/0/message").asText().contains("twice"), twice.toString());
        refused(admin().multiPart("../x.csv", "../x.csv", new byte[] { 'x' }, "text/plain").post("/import"), 400,
                "BAD_USER_INPUT");
    }

    @Test
    void filesTheBundleDoesNotUseAreNamedAsIgnored() {
        TestBundle bundle = TestBundle.copyOfSeeds();
        RequestSpecification request = admin();
        for (String file : TestBundle.FILES) {
            request = request.multiPart(file, file.substring(file.lastIndexOf('/') + 1),
                    bundle.read(file).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        request = request.multiPart("README.md", "README.md", "notes".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("observation.csv", "observation.csv", "typo".getBytes(StandardCharsets.UTF_8), "text/plain");
        Response response = request.post("/import?dryRun=true");
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode body = GraphQL.parse(response.asString());
        assertEquals(GraphQL.parse("[\"README.md\",\"observation.csv\"]"), body.get("ignored"), body.toString());
        assertEquals(0, body.at("/observations/inserted").asInt() + body.at("/observations/updated").asInt()
                + body.at("/observations/deleted").asInt(), body.toString());
    }

    @Test
    void withoutAnAdminTokenNothingIsRead() {
        refused(given().multiPart("a.csv", "a.csv", new byte[] { 'x' }, "text/plain").post("/import"), 401,
                "UNAUTHENTICATED");
        refused(given().header("Authorization", "Bearer " + Tokens.of("alice", "editor"))
                .multiPart("a.csv", "a.csv", new byte[] { 'x' }, "text/plain").post("/import"), 403, "FORBIDDEN");
    }
}
