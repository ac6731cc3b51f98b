package org.minsheng.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minsheng.support.Hostile.graphqlRefused;
import static org.minsheng.support.Hostile.refused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.minsheng.support.Hostile.Case;
import org.minsheng.support.Hostile.Check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hostile suite's cases that need only HTTP and WebSocket, on either database: imports (archives,
 * parts, paths, encodings, sizes, scope, races), tokens, exports, the WebSocket, the GraphQL
 * endpoint's edges, and a kill and restart. Each case writes only under codes of its own
 * ({@code hostile-*}), so the seed figures are the same before and after the suite, which the last
 * cases check.
 */
public final class HostileCases {

    private static final String[] BUNDLE = TestBundle.FILES.toArray(String[]::new);

    private static final String FIGURES = "{ observations { totalCount } }";

    private final HostileService service;
    private final String admin;
    private final String editor;
    private final String reader;
    private final List<Case> cases = new ArrayList<>();
    private int seedFigures = -1;

    private HostileCases(HostileService service) {
        this.service = service;
        this.admin = service.token("root@example.org", "admin");
        this.editor = service.token("editor@example.org", "editor");
        this.reader = service.token("reader@example.org", "reader");
    }

    /** Every case, in the order they run (the kill and restart last). */
    public static List<Case> all(HostileService service) {
        HostileCases c = new HostileCases(service);
        c.tokens();
        c.archives();
        c.parts();
        c.paths();
        c.encodings();
        c.sizes();
        c.scope();
        c.races();
        c.exports();
        c.websocket();
        c.graphqlEdges();
        return c.cases;
    }

    /** The cases that stop and start the service: after every other case, browser cases included. */
    public static List<Case> restarts(HostileService service) {
        HostileCases c = new HostileCases(service);
        c.crashAndRestart();
        return c.cases;
    }

    private void add(String area, String sends, String expects, Check check) {
        cases.add(new Case(area, sends, expects, check));
    }

    private int figures() {
        return service.data(FIGURES).at("/observations/totalCount").asInt();
    }

    /** Runs {@code check} and asserts the number of figures did not change. */
    private Check unchanged(Check check) {
        return () -> {
            int before = figures();
            check.run();
            assertEquals(before, figures(), "nothing written");
        };
    }

    private static Map<String, String> seeds() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : BUNDLE) {
            try {
                files.put(file, Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static Map<String, byte[]> bytes(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** The seed bundle plus a source of its own ({@code code}, no text) with {@code rows} figures of it. */
    private static Map<String, String> withSource(String code, int rows, String note) {
        Map<String, String> files = seeds();
        files.put("sources.yaml", files.get("sources.yaml") + "- code: " + code + "\n  title: 敌意测试公报\n"
                + "  publisher: Minsheng hostile suite\n  date: 2025-06-30\n  date_precision: DAY\n");
        StringBuilder csv = new StringBuilder(files.get("observations.csv"));
        for (int i = 0; i < rows; i++) {
            csv.append("employment.gig_markets,150302,").append(2001 + i).append(",").append(i + 1)
                    .append(",EXACT,").append(code).append(",第").append(i + 1).append("项,").append(note).append("\n");
        }
        files.put("observations.csv", csv.toString());
        return files;
    }

    private int figuresOf(String source) {
        return service.data("{ observations(filter: {sourceCodes: [\"" + source + "\"]}) { totalCount } }")
                .at("/observations/totalCount").asInt();
    }

    private HttpResponse<String> importFiles(String query, Map<String, String> files) {
        return service.importBundle(admin, query, new Multipart().files(files));
    }

    private HttpResponse<String> importZip(String query, byte[] zip) {
        return service.importBundle(admin, query, new Multipart().part("bundle", "bundle.zip", "application/zip", zip));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = HostileService.parse(response.body().strip());
        assertFalse(body.has("errors"), body::toString);
        return body;
    }

    private static String mutation(String name, String selection) {
        String input = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
        return "mutation($input: " + input + "!) { " + name + "(input: $input) { " + selection + " } }";
    }

    private JsonNode mutate(String token, String name, String selection, Map<String, Object> input) {
        return HostileService.parse(service.graphql(token, mutation(name, selection), Map.of("input", input)).body());
    }

    // ---- tokens

    private void tokens() {
        Map<String, Object> source = Map.of("code", "hostile-token", "title", "令牌");
        String create = mutation("createSource", "source { code }");
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("no token", null);
        attacks.put("an unsigned token (alg none) claiming admin", service.unsigned("mallory", "admin", "editor"));
        attacks.put("HS256 signed with the service's public key as the secret",
                service.hmacWithThePublicKey("mallory", "admin", "editor"));
        attacks.put("an expired admin token", service.expired("mallory", "admin", "editor"));
        attacks.put("an admin token whose nbf is an hour ahead", service.notYetValid("mallory", "admin", "editor"));
        attacks.put("an admin token from another issuer", service.fromAnotherIssuer("mallory", "admin", "editor"));
        attacks.put("an admin token signed by another key", service.signedByStranger("mallory", "admin", "editor"));
        attacks.put("a reader's token edited to claim admin, signature kept", service.tamperedToAdmin("mallory"));
        attacks.put("a token that is not a JWT", "not-a-token");
        attacks.put("Bearer with nothing after it", "Bearer ");
        attacks.put("a Basic credential", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()));
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            String code = "UNAUTHENTICATED";
            add("tokens", "createSource with " + attack.getKey(), code + "; nothing written", () -> {
                graphqlRefused(service.graphql(attack.getValue(), create, Map.of("input", source)), code);
                assertTrue(service.data("{ source(code: \"hostile-token\") { code } }").get("source").isNull());
            });
        }
        add("tokens", "createSource with a valid token without groups", "FORBIDDEN; nothing written", () -> {
            graphqlRefused(service.graphql(service.token("nobody"), create, Map.of("input", source)), "FORBIDDEN");
            assertTrue(service.data("{ source(code: \"hostile-token\") { code } }").get("source").isNull());
        });
        add("tokens", "createSource with a reader's token", "FORBIDDEN; nothing written", () -> {
            graphqlRefused(service.graphql(reader, create, Map.of("input", source)), "FORBIDDEN");
            assertTrue(service.data("{ source(code: \"hostile-token\") { code } }").get("source").isNull());
        });
        add("tokens", "createRegion (admin only) with an editor's token", "FORBIDDEN; nothing written", () -> {
            graphqlRefused(service.graphql(editor, mutation("createRegion", "region { code }"), Map.of("input",
                    Map.of("code", "150302999", "name", "敌意", "level", "TOWNSHIP", "parentCode", "150302"))),
                    "FORBIDDEN");
            assertTrue(service.data("{ region(code: \"150302999\") { code } }").get("region").isNull());
        });
        add("tokens", "POST /import with an editor's token", "403 FORBIDDEN before anything is read", unchanged(() -> refused(
                service.importBundle(editor, "", new Multipart().files(seeds())), 403, "FORBIDDEN")));
        add("tokens", "POST /import with an unsigned admin token", "401 UNAUTHENTICATED", unchanged(() -> refused(
                service.importBundle(service.unsigned("mallory", "admin"), "", new Multipart().files(seeds())), 401,
                "UNAUTHENTICATED")));
        add("tokens", "POST /import with an expired admin token", "401 UNAUTHENTICATED", unchanged(() -> refused(
                service.importBundle(service.expired("mallory", "admin"), "", new Multipart().files(seeds())), 401,
                "UNAUTHENTICATED")));
        add("tokens", "a 1 MB Authorization header", "431, the service alive", () -> {
            String huge = "Bearer " + "a".repeat(1 << 20);
            String answer = service.raw(("POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: " + huge
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.UTF_8));
            assertTrue(answer.startsWith("HTTP/1.1 431"), answer.lines().findFirst().orElse("(no answer)"));
            assertEquals(200, service.process().readyStatus());
        });
        add("tokens", "the same valid editor token, then the same createSource twice with one clientMutationId",
                "applied once", () -> {
                    Map<String, Object> input = Map.of("code", "hostile-once", "title", "一次", "clientMutationId",
                            "hostile-once-1");
                    JsonNode first = mutate(editor, "createSource", "source { code version }", input);
                    JsonNode second = mutate(editor, "createSource", "source { code version }", input);
                    assertFalse(first.has("errors"), first::toString);
                    assertEquals(first.get("data"), second.get("data"), second::toString);
                    assertFalse(mutate(editor, "deleteSource", "clientMutationId",
                            Map.of("code", "hostile-once", "version", 0)).has("errors"));
                });
    }

    // ---- imports: archives

    private void archives() {
        add("import: archives", "a 1.2 MB zip whose observations.csv inflates to 1.2 GB (a zip bomb)",
                "413 LIMIT_EXCEEDED import-bytes, nothing held, no OutOfMemoryError", unchanged(() -> {
                    byte[] bomb = Multipart.bomb("observations.csv", 1200L << 20);
                    JsonNode body = refused(importZip("", bomb), 413, "LIMIT_EXCEEDED");
                    assertEquals("import-bytes", body.at("/errors/0/extensions/limit").asText());
                }));
        add("import: archives", "a zip with the seed files and one 1 GB entry of zeros",
                "413 LIMIT_EXCEEDED import-bytes", unchanged(() -> {
                    Map<String, byte[]> entries = bytes(seeds());
                    byte[] zip = zipWithBigEntry(entries, "sources/big.txt", 1L << 30);
                    JsonNode body = refused(importZip("", zip), 413, "LIMIT_EXCEEDED");
                    assertEquals("import-bytes", body.at("/errors/0/extensions/limit").asText());
                }));
        add("import: archives", "a zip of 1,000 one-byte entries", "413 LIMIT_EXCEEDED import-files", unchanged(() -> {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < 1000; i++) {
                entries.put("f" + i + ".txt", new byte[] { 'x' });
            }
            assertEquals("import-files", refused(importZip("", Multipart.zip(entries)), 413, "LIMIT_EXCEEDED")
                    .at("/errors/0/extensions/limit").asText());
        }));
        add("import: archives", "a zip with an entry ../../etc/passwd", "400 BAD_USER_INPUT, nothing written outside",
                unchanged(() -> {
                    Map<String, byte[]> entries = bytes(seeds());
                    entries.put("../../etc/passwd", "root::0:0::/:/bin/sh".getBytes(StandardCharsets.UTF_8));
                    refused(importZip("", Multipart.zip(entries)), 400, "BAD_USER_INPUT");
                }));
        add("import: archives", "a zip with an absolute entry /tmp/minsheng-hostile", "400 BAD_USER_INPUT", unchanged(() -> {
            Map<String, byte[]> entries = bytes(seeds());
            entries.put("/tmp/minsheng-hostile", new byte[] { 'x' });
            refused(importZip("", Multipart.zip(entries)), 400, "BAD_USER_INPUT");
            assertFalse(Files.exists(Path.of("/tmp/minsheng-hostile")));
        }));
        add("import: archives", "a zip with a Windows path ..\\..\\x.csv", "400 BAD_USER_INPUT", unchanged(() -> {
            Map<String, byte[]> entries = bytes(seeds());
            entries.put("..\\..\\x.csv", new byte[] { 'x' });
            refused(importZip("", Multipart.zip(entries)), 400, "BAD_USER_INPUT");
        }));
        add("import: archives", "bytes that start like a zip (PK\\3\\4) and are not one", "400 BAD_USER_INPUT",
                unchanged(() -> refused(importZip("", "PK\u0003\u0004 not a zip at all".getBytes(
                        StandardCharsets.ISO_8859_1)), 400, "BAD_USER_INPUT")));
        add("import: archives", "the seed zip cut off at half its length", "400 BAD_USER_INPUT", unchanged(() -> {
            byte[] zip = Multipart.zip(bytes(seeds()));
            refused(importZip("", java.util.Arrays.copyOf(zip, zip.length / 2)), 400, "BAD_USER_INPUT");
        }));
        add("import: archives", "an empty zip", "400 BAD_USER_INPUT: the zip holds no files", unchanged(() -> {
            JsonNode body = refused(importZip("", Multipart.zip(Map.of())), 400, "BAD_USER_INPUT");
            assertTrue(body.toString().contains("no files"), body::toString);
        }));
        add("import: archives", "a zip inside the zip (the seeds, zipped twice)", "400 BAD_USER_INPUT, the inner zip named "
                + "as ignored or refused", unchanged(() -> {
                    byte[] inner = Multipart.zip(bytes(seeds()));
                    HttpResponse<String> response = importZip("?dryRun=true", Multipart.zip(Map.of("inner.zip", inner)));
                    refused(response, 400, "BAD_USER_INPUT");
                }));
        add("import: archives", "the seeds as a zip, dry run", "200, nothing to change, the zip's other files ignored",
                unchanged(() -> {
                    JsonNode body = ok(importZip("?dryRun=true", Multipart.zip(bytes(seeds()))));
                    assertEquals(0, body.at("/observations/inserted").asInt() + body.at("/observations/deleted").asInt(),
                            body::toString);
                }));
    }

    private static byte[] zipWithBigEntry(Map<String, byte[]> entries, String name, long size) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- imports: parts and methods

    private void parts() {
        for (int n : new int[] { 101, 300, 1000 }) {
            add("import: parts", n + " one-byte parts", "413 LIMIT_EXCEEDED import-files", unchanged(() -> {
                Multipart parts = new Multipart();
                for (int i = 0; i < n; i++) {
                    parts.part("f" + i + ".txt", "x");
                }
                assertEquals("import-files", refused(service.importBundle(admin, "", parts), 413, "LIMIT_EXCEEDED")
                        .at("/errors/0/extensions/limit").asText());
            }));
        }
        add("import: parts", "a multipart body with no parts", "400 BAD_USER_INPUT naming the missing files",
                unchanged(() -> refused(service.importBundle(admin, "", new Multipart()), 400, "BAD_USER_INPUT")));
        add("import: parts", "the seed parts cut off halfway, without the closing boundary", "400 BAD_USER_INPUT",
                unchanged(() -> {
                    Multipart parts = new Multipart().files(seeds());
                    HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/import"))
                            .header("Authorization", "Bearer " + admin).header("Content-Type", parts.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(parts.truncated(0.5))));
                    refused(response, 400, "BAD_USER_INPUT");
                }));
        add("import: parts", "multipart/form-data without a boundary", "400 or 415 in the error contract", unchanged(() -> {
            HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/import"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "multipart/form-data")
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\nhello\r\n--x--\r\n")));
            assertTrue(response.statusCode() == 400 || response.statusCode() == 415, response::body);
            refused(response, response.statusCode(), "BAD_USER_INPUT");
        }));
        add("import: parts", "a JSON body", "415 BAD_USER_INPUT", unchanged(() -> refused(service.send(HttpRequest
                .newBuilder(service.uri("/import")).header("Authorization", "Bearer " + admin).header("Content-Type",
                        "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "BAD_USER_INPUT")));
        add("import: parts", "GET /import", "405 with Allow: POST", () -> {
            HttpResponse<String> response = service.get("/import", admin);
            refused(response, 405, "BAD_USER_INPUT");
            assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
        });
        add("import: parts", "a part with the same file twice", "400 BAD_USER_INPUT (\"twice\")", unchanged(() -> {
            JsonNode body = refused(service.importBundle(admin, "", new Multipart().files(seeds()).part("regions.csv",
                    "code,name\n")), 400, "BAD_USER_INPUT");
            assertTrue(body.at("/errors/0/message").asText().contains("twice"), body::toString);
        }));
        add("import: parts", "?colour=red", "400 naming \"colour\"", unchanged(() -> assertTrue(refused(importFiles(
                "?colour=red", seeds()), 400, "BAD_USER_INPUT").at("/errors/0/message").asText().contains("colour"))));
        add("import: parts", "?replace=everything and ?dryRun=maybe", "400 BAD_USER_INPUT each", unchanged(() -> {
            refused(importFiles("?replace=everything", seeds()), 400, "BAD_USER_INPUT");
            refused(importFiles("?dryRun=maybe", seeds()), 400, "BAD_USER_INPUT");
        }));
        add("import: parts", "a body of 70 MB", "413 LIMIT_EXCEEDED import-bytes, quickly", unchanged(() -> {
            byte[] body = new byte[70 << 20];
            long started = System.nanoTime();
            JsonNode answer = refused(service.importBundle(admin, "", new Multipart().part("observations.csv", body)),
                    413, "LIMIT_EXCEEDED");
            assertEquals("import-bytes", answer.at("/errors/0/extensions/limit").asText());
            assertTrue(System.nanoTime() - started < 30_000_000_000L, "answered within 30 s");
        }));
    }

    // ---- imports: paths

    private void paths() {
        for (String path : List.of("../x.csv", "/etc/x.csv", "sources/../../x.txt", "sources/%2e%2e/x.txt",
                "nul\u0000.csv", "a".repeat(5000) + ".csv")) {
            String shown = path.length() > 40 ? "a name of 5,000 characters" : path.replace("\u0000", "\\0");
            add("import: paths", "a part named " + shown, "400 BAD_USER_INPUT or ignored; nothing written outside the bundle",
                    unchanged(() -> {
                        Map<String, String> files = seeds();
                        files.put(path, "x");
                        HttpResponse<String> response = importFiles("?dryRun=true", files);
                        if (response.statusCode() == 200) {
                            JsonNode body = ok(response);
                            assertEquals(1, body.get("ignored").size(), body::toString);
                        } else {
                            refused(response, 400, "BAD_USER_INPUT");
                        }
                    }));
        }
    }

    // ---- imports: encodings

    private void encodings() {
        add("import: encodings", "observations.csv in UTF-16", "400 BAD_USER_INPUT with the file in its problems",
                unchanged(() -> {
                    Map<String, String> files = seeds();
                    Multipart parts = new Multipart();
                    files.forEach((name, text) -> parts.part(name, name.equals("observations.csv")
                            ? text.getBytes(StandardCharsets.UTF_16)
                            : text.getBytes(StandardCharsets.UTF_8)));
                    JsonNode body = refused(service.importBundle(admin, "", parts), 400, "BAD_USER_INPUT");
                    assertTrue(body.toString().contains("observations.csv"), body::toString);
                }));
        add("import: encodings", "regions.csv in GB18030 (not UTF-8)", "400 BAD_USER_INPUT", unchanged(() -> {
            Multipart parts = new Multipart();
            seeds().forEach((name, text) -> parts.part(name, name.equals("regions.csv")
                    ? text.getBytes(java.nio.charset.Charset.forName("GB18030"))
                    : text.getBytes(StandardCharsets.UTF_8)));
            refused(service.importBundle(admin, "", parts), 400, "BAD_USER_INPUT");
        }));
        add("import: encodings", "observations.csv with a UTF-8 byte order mark, dry run", "200: the mark is not part of "
                + "the header", unchanged(() -> {
                    Map<String, String> files = seeds();
                    files.put("observations.csv", "\uFEFF" + files.get("observations.csv"));
                    JsonNode body = ok(importFiles("?dryRun=true", files));
                    assertEquals(0, body.at("/observations/inserted").asInt(), body::toString);
                }));
        add("import: encodings", "observations.csv with CRLF line ends, dry run", "200, nothing to change", unchanged(() -> {
            Map<String, String> files = seeds();
            files.put("observations.csv", files.get("observations.csv").replace("\n", "\r\n"));
            JsonNode body = ok(importFiles("?dryRun=true", files));
            assertEquals(0, body.at("/observations/inserted").asInt() + body.at("/observations/deleted").asInt(),
                    body::toString);
        }));
        add("import: encodings", "a quote changed by one character (full-width comma to ASCII)",
                "400 naming the row: the quote is not in the source's text", unchanged(() -> {
                    Map<String, String> files = seeds();
                    String csv = files.get("observations.csv");
                    int at = csv.indexOf("，", csv.indexOf('\n'));
                    files.put("observations.csv", csv.substring(0, at) + "," + csv.substring(at + 1));
                    JsonNode body = refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
                    assertTrue(body.toString().contains("observations.csv:"), body::toString);
                }));
        add("import: encodings", "NUL bytes inside observations.csv", "400 BAD_USER_INPUT", unchanged(() -> {
            Map<String, String> files = seeds();
            files.put("observations.csv", files.get("observations.csv").replaceFirst("\n", "\n\u0000\u0000\u0000"));
            refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
        }));
        add("import: encodings", "a YAML alias bomb in indicators.yaml", "400 BAD_USER_INPUT, quickly", unchanged(() -> {
            Map<String, String> files = seeds();
            StringBuilder yaml = new StringBuilder(
                    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            for (char c = 'b'; c <= 'j'; c++) {
                yaml.append(c).append(": &").append(c).append(" [");
                for (int i = 0; i < 9; i++) {
                    yaml.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
                }
                yaml.append("]\n");
            }
            files.put("indicators.yaml", yaml.toString());
            refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
        }));
        add("import: encodings", "a YAML tag naming a Java type (!!javax.script.ScriptEngineManager)",
                "400 BAD_USER_INPUT, no type made", unchanged(() -> {
                    Map<String, String> files = seeds();
                    files.put("sources.yaml", "- !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                            + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
                    refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
                }));
        add("import: encodings", "a CSV row with an unterminated quote", "400 naming observations.csv and the line",
                unchanged(() -> {
                    Map<String, String> files = seeds();
                    files.put("observations.csv", files.get("observations.csv") + "x,150000,2024,1,EXACT,s,\"open,\n");
                    JsonNode body = refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
                    assertTrue(body.toString().contains("observations.csv"), body::toString);
                }));
    }

    // ---- imports: sizes

    private void sizes() {
        add("import: sizes", "observations.csv with 250,001 rows", "413 LIMIT_EXCEEDED import-rows", unchanged(() -> {
            Map<String, String> files = seeds();
            StringBuilder rows = new StringBuilder("indicator,region,period,value,qualifier,source,quote,note\n");
            for (int i = 0; i <= 250_000; i++) {
                rows.append("x,150000,2024,").append(i).append(",EXACT,s,q,\n");
            }
            files.put("observations.csv", rows.toString());
            assertEquals("import-rows", refused(importFiles("", files), 413, "LIMIT_EXCEEDED")
                    .at("/errors/0/extensions/limit").asText());
        }));
        add("import: sizes", "an empty observations.csv", "400: expected a header row", unchanged(() -> {
            Map<String, String> files = seeds();
            files.put("observations.csv", "");
            refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
        }));
        add("import: sizes", "a bundle without observations.csv", "400 naming the missing file", unchanged(() -> {
            Map<String, String> files = seeds();
            files.remove("observations.csv");
            assertTrue(refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT").toString()
                    .contains("observations.csv"));
        }));
        add("import: sizes", "a note of 1 MB in one row", "400 BAD_USER_INPUT or imported whole; never cut", unchanged(() -> {
            Map<String, String> files = withSource("hostile-size", 1, "x".repeat(1 << 20));
            HttpResponse<String> response = importFiles("?dryRun=true", files);
            if (response.statusCode() == 200) {
                assertEquals(1, ok(response).at("/observations/inserted").asInt(), response::body);
            } else {
                refused(response, 400, "BAD_USER_INPUT");
            }
        }));
        add("import: sizes", "a value of 400 digits", "400 BAD_USER_INPUT naming the row", unchanged(() -> {
            Map<String, String> files = seeds();
            files.put("observations.csv", files.get("observations.csv")
                    + "employment.gig_markets,150302,2001," + "9".repeat(400) + ",EXACT,nmg-minsheng-2025,x,\n");
            refused(importFiles("?dryRun=true", files), 400, "BAD_USER_INPUT");
        }));
    }

    // ---- imports: scope

    private void scope() {
        add("import: scope", "a bundle with a source of its own (hostile-a, 20 figures)", "200: 20 inserted, the seed "
                + "figures as they were", () -> {
                    seedFigures = figuresOf("nmg-minsheng-2025");
                    JsonNode body = ok(importFiles("?reason=hostile", withSource("hostile-a", 20, "a")));
                    assertEquals(20, body.at("/observations/inserted").asInt(), body::toString);
                    assertEquals(20, figuresOf("hostile-a"));
                    assertEquals(seedFigures, figuresOf("nmg-minsheng-2025"));
                });
        add("import: scope", "an editor's figure under a source made through the API (hostile-api), then the seeds "
                + "imported", "the editor's source and figure are kept", () -> {
                    assertFalse(mutate(editor, "createSource", "source { code }", Map.of("code", "hostile-api", "title",
                            "接口来源")).has("errors"));
                    JsonNode created = mutate(editor, "createObservation", "observation { id }", Map.of(
                            "indicatorCode", "employment.gig_markets", "regionCode", "150302", "periodStart",
                            "2002-01-01", "periodEnd", "2002-12-31", "value", 7, "qualifier", "EXACT", "sourceCode",
                            "hostile-api", "quote", "共7项"));
                    assertFalse(created.has("errors"), created::toString);
                    ok(importFiles("?reason=seeds", seeds()));
                    assertEquals(1, figuresOf("hostile-api"));
                    assertEquals(20, figuresOf("hostile-a"));
                });
        add("import: scope", "the seeds alone, dry run", "deletes nothing: the bundle does not own hostile-a or hostile-api",
                unchanged(() -> {
                    JsonNode body = ok(importFiles("?dryRun=true", seeds()));
                    assertEquals(0, body.get("deletions").size(), body::toString);
                }));
        add("import: scope", "the seeds with ?replace=all, dry run", "lists hostile-a's 20 figures and hostile-api's one "
                + "for deletion, writes nothing", unchanged(() -> {
                    JsonNode body = ok(importFiles("?dryRun=true&replace=all", seeds()));
                    String deletions = body.get("deletions").toString();
                    assertTrue(deletions.contains("hostile-a") && deletions.contains("hostile-api"), deletions);
                    assertEquals(21, body.at("/observations/deleted").asInt(), body::toString);
                }));
        add("import: scope", "hostile-a's bundle again with 5 figures dropped", "200: 5 deleted, only hostile-a's", () -> {
            JsonNode body = ok(importFiles("?reason=hostile", withSource("hostile-a", 15, "a")));
            assertEquals(5, body.at("/observations/deleted").asInt(), body::toString);
            assertEquals(15, figuresOf("hostile-a"));
            assertEquals(1, figuresOf("hostile-api"));
            assertEquals(seedFigures, figuresOf("nmg-minsheng-2025"));
        });
        add("import: scope", "?replace=all with an editor's token", "403 FORBIDDEN, nothing read", unchanged(() -> refused(
                service.importBundle(editor, "?replace=all", new Multipart().files(seeds())), 403, "FORBIDDEN")));
    }

    // ---- imports: races

    private void races() {
        add("import: races", "two imports of hostile-a at once", "one applies, the other is applied too or refused in the "
                + "contract (409/429/503); never a mix", () -> {
                    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                            () -> importFiles("?reason=race-1", withSource("hostile-a", 12, "race")));
                    CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
                            () -> importFiles("?reason=race-2", withSource("hostile-a", 12, "race")));
                    for (HttpResponse<String> answer : List.of(first.join(), second.join())) {
                        if (answer.statusCode() != 200) {
                            JsonNode body = HostileService.parse(answer.body().strip());
                            assertTrue(List.of("CONFLICT", "LIMIT_EXCEEDED", "UNAVAILABLE")
                                    .contains(body.at("/errors/0/extensions/code").asText()), body::toString);
                        }
                    }
                    assertEquals(12, figuresOf("hostile-a"));
                });
        add("import: races", "an edit of a hostile-a figure while hostile-a is imported", "the edit is either kept (the "
                + "import read after it) or the import fails with CONFLICT; never overwritten unseen", () -> {
                    JsonNode node = service.data("{ observations(filter: {sourceCodes: [\"hostile-a\"]}, first: 1) "
                            + "{ nodes { id version note } } }").at("/observations/nodes/0");
                    CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(
                            () -> importFiles("?reason=race-3", withSource("hostile-a", 12, "imported")));
                    JsonNode edit = mutate(editor, "updateObservation", "observation { version note }", Map.of("id",
                            node.get("id").asText(), "version", node.get("version").asInt(), "note", "edited"));
                    HttpResponse<String> answer = importing.join();
                    String note = service.data("{ node(id: \"" + node.get("id").asText() + "\") { ... on Observation "
                            + "{ note } } }").at("/node/note").asText();
                    boolean edited = !edit.has("errors");
                    if (answer.statusCode() == 200 && !answer.body().contains("\"errors\"")) {
                        // The import applied: it either read after the edit (and wrote over it, seen) or before it.
                        assertTrue(note.equals("imported") || note.equals("edited"), note);
                    } else {
                        assertTrue(answer.body().contains("CONFLICT"), answer::body);
                        assertTrue(edited && note.equals("edited"), note);
                    }
                });
        add("import: races", "readers during an import of 2,000 figures", "every read answered 200 without errors", () -> {
            CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(
                    () -> importFiles("?reason=readers", withSource("hostile-b", 2000, "b")));
            int reads = 0;
            while (!importing.isDone() || reads < 20) {
                HttpResponse<String> read = service.graphql(null, "{ region(code: \"150302\") { name } observations"
                        + "(first: 5) { totalCount } }", Map.of());
                assertEquals(200, read.statusCode(), read::body);
                assertFalse(read.body().contains("\"errors\""), read::body);
                reads++;
            }
            ok(importing.join());
            assertEquals(2000, figuresOf("hostile-b"));
        });
    }

    // ---- exports

    private void exports() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("=", "=HYPERLINK(\"http://attacker.example\",\"点击\")");
        notes.put("+", "+1+cmd|' /C calc'!A0");
        notes.put("-", "-2+3");
        notes.put("@", "@SUM(1+1)*cmd|' /C calc'!A0");
        notes.put("tab", "\t=1+1");
        notes.put("CR", "\r=1+1");
        add("export", "six figures whose notes begin with =, +, -, @, tab and CR (and one quote with =), exported as CSV",
                "each note with a leading apostrophe, values untouched", () -> {
                    assertFalse(mutate(editor, "createSource", "source { code }", Map.of("code", "hostile-export",
                            "title", "=HYPERLINK(\"http://attacker.example\")")).has("errors"));
                    int year = 2001;
                    for (String note : notes.values()) {
                        JsonNode created = mutate(editor, "createObservation", "observation { id }", Map.of(
                                "indicatorCode", "employment.gig_markets", "regionCode", "150302", "periodStart",
                                year + "-01-01", "periodEnd", year + "-12-31", "value", -(year - 2000), "qualifier",
                                "EXACT", "sourceCode", "hostile-export", "quote",
                                year == 2001 ? "=SUM(-1)" : "变化" + (2000 - year),
                                "note", note));
                        assertFalse(created.has("errors"), created::toString);
                        year++;
                    }
                    String csv = service.get("/export/observations.csv?source=hostile-export", null).body();
                    for (String note : notes.values()) {
                        String escaped = note.replace("\"", "\"\"");
                        assertTrue(csv.contains("'" + escaped), () -> "neutralised " + note + " in\n" + csv);
                    }
                    assertTrue(csv.contains(",-1,") || csv.contains(",-1.0,") || csv.contains(",-1\r"), csv);
                    assertFalse(csv.contains(",'-1"), "a negative number left a number");
                });
        add("export", "the same as CSV with ?bom=true", "the byte order mark, then the same neutralised cells", () -> {
            HttpResponse<String> answer = service.get("/export/observations.csv?source=hostile-export&bom=true", null);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().startsWith("\uFEFF"));
            assertTrue(answer.body().contains("'=HYPERLINK("), answer::body);
        });
        add("export", "the same as SDMX-CSV (whose comment column is the quote, one of them =SUM(-1))",
                "that quote neutralised there too", () -> {
                    HttpResponse<String> answer = service.get("/export/observations.sdmx.csv?source=hostile-export", null);
                    assertEquals(200, answer.statusCode(), answer::body);
                    assertTrue(answer.body().contains("'=SUM(-1)"), answer::body);
                });
        add("export", "the same as JSON lines", "the notes exactly as written (JSON is not a spreadsheet)", () -> {
            HttpResponse<String> answer = service.get("/export/observations.jsonl?source=hostile-export", null);
            assertEquals(200, answer.statusCode(), answer::body);
            assertTrue(answer.body().contains("\"=HYPERLINK("), answer::body);
        });
        add("export", "/export/observations.exe", "404 NOT_FOUND naming the formats", () -> assertTrue(refused(service.get(
                "/export/observations.exe", null), 404, "NOT_FOUND").toString().contains("csv")));
        add("export", "?colour=red", "400 naming the parameter", () -> refused(service.get(
                "/export/observations.csv?colour=red", null), 400, "BAD_USER_INPUT"));
        add("export", "?from=yesterday", "400 BAD_USER_INPUT", () -> refused(service.get(
                "/export/observations.csv?from=yesterday", null), 400, "BAD_USER_INPUT"));
        add("export", "?valueGt=1e999999999", "400 BAD_USER_INPUT", () -> refused(service.get(
                "/export/observations.csv?valueGt=1e999999999", null), 400, "BAD_USER_INPUT"));
        add("export", "?bom=yes", "400 BAD_USER_INPUT", () -> refused(service.get("/export/observations.csv?bom=yes", null),
                400, "BAD_USER_INPUT"));
        add("export", "POST /export/observations.csv", "405 in the error contract", () -> {
            HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri("/export/observations.csv"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")));
            assertEquals(405, answer.statusCode(), answer::body);
            assertTrue(HostileService.parse(answer.body()).has("errors"), answer::body);
        });
        add("export", "/export/../q/health", "not a way out: the health answer or 404, never a file", () -> {
            String answer = service.raw("GET /export/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertFalse(answer.contains("root:"), answer);
        });
        add("export", "eight exports opened at once whose readers never read", "429 beyond the two that stream; a query "
                + "meanwhile answered", () -> {
                    List<java.net.Socket> stalled = new ArrayList<>();
                    try {
                        for (int i = 0; i < 8; i++) {
                            java.net.Socket socket = new java.net.Socket(service.uri("/").getHost(),
                                    service.uri("/").getPort());
                            socket.setReceiveBufferSize(1024);
                            socket.getOutputStream().write(("GET /export/observations.csv HTTP/1.1\r\nHost: x\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            stalled.add(socket);
                        }
                        HttpResponse<String> query = service.graphql(null, "{ region(code: \"150000\") { name } }",
                                Map.of());
                        assertEquals(200, query.statusCode());
                    } finally {
                        for (java.net.Socket socket : stalled) {
                            socket.close();
                        }
                    }
                });
    }

    // ---- WebSocket

    private URI socketUri() {
        return URI.create("ws://" + service.uri("/").getHost() + ":" + service.uri("/").getPort() + "/graphql");
    }

    private void websocket() {
        add("websocket", "an upgrade without the graphql-transport-ws subprotocol", "400 BAD_USER_INPUT naming it", () -> {
            String answer = service.raw(("GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("graphql-transport-ws"), answer);
        });
        add("websocket", "a subscribe before connection_init", "closed 4401", () -> {
            GraphQLSocket socket = GraphQLSocket.raw(socketUri());
            socket.subscribe("1", "subscription { observationChanged { action } }", Map.of());
            assertTrue(String.valueOf(socket.closedWith(5)).startsWith("44"), socket.closedWith(0));
        });
        add("websocket", "text that is not JSON", "closed 4400", () -> {
            GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of());
            socket.sendRaw("{{{{");
            assertTrue(String.valueOf(socket.closedWith(5)).startsWith("4400"), socket.closedWith(0));
        });
        add("websocket", "a binary frame", "closed 4400", () -> {
            GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of());
            socket.sendBinary(new byte[] { 1, 2, 3 });
            assertTrue(String.valueOf(socket.closedWith(5)).startsWith("4400"), socket.closedWith(0));
        });
        add("websocket", "two connection_init", "closed 4429", () -> {
            GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of());
            socket.send(Map.of("type", "connection_init"));
            assertTrue(String.valueOf(socket.closedWith(5)).startsWith("4429"), socket.closedWith(0));
        });
        add("websocket", "a subscribe without an id", "closed 4400", () -> {
            GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of());
            socket.send(Map.of("type", "subscribe", "payload", Map.of("query", "subscription { x }")));
            assertTrue(String.valueOf(socket.closedWith(5)).startsWith("4400"), socket.closedWith(0));
        });
        add("websocket", "a query (not a subscription) over the socket", "an error naming HTTP; the socket stays open",
                () -> {
                    try (GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of())) {
                        socket.subscribe("q", "{ region(code: \"150000\") { name } }", Map.of());
                        JsonNode answer = socket.next(5);
                        assertNotNull(answer);
                        assertEquals("error", answer.get("type").asText(), answer::toString);
                        assertTrue(answer.toString().contains("queries"), answer::toString);
                        assertEquals(null, socket.closedWith(0.5));
                    }
                });
        add("websocket", "a subscription nested past the depth limit", "an error LIMIT_EXCEEDED for that id", () -> {
            try (GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of())) {
                socket.subscribe("deep", "subscription { observationChanged { observation { region { parent { parent { "
                        + "parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } }",
                        Map.of());
                JsonNode answer = socket.next(5);
                assertNotNull(answer);
                assertEquals("error", answer.get("type").asText(), answer::toString);
            }
        });
        add("websocket", "17 subscriptions on one socket", "the 17th refused LIMIT_EXCEEDED; the 16 live", () -> {
            try (GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of())) {
                for (int i = 1; i <= 17; i++) {
                    socket.subscribe("s" + i, "subscription { observationChanged { action } }", Map.of());
                }
                JsonNode answer = socket.next(5);
                assertNotNull(answer);
                assertTrue(answer.toString().contains("LIMIT_EXCEEDED"), answer::toString);
                assertEquals("s17", answer.get("id").asText(), answer::toString);
            }
        });
        add("websocket", "five sockets from one client", "the fifth handshake 429; the four work", () -> {
            List<GraphQLSocket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    open.add(GraphQLSocket.open(socketUri(), Map.of()));
                }
                String answer = service.raw(("GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade"
                        + "\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
            } finally {
                open.forEach(GraphQLSocket::close);
            }
        });
        add("websocket", "a message of 1 MB", "closed 1009 (over 64 KB), the service alive", () -> {
            GraphQLSocket socket = GraphQLSocket.open(socketUri(), Map.of());
            socket.sendRaw("{\"type\":\"ping\",\"payload\":\"" + "x".repeat(1 << 20) + "\"}");
            assertTrue(String.valueOf(socket.closedWith(10)).startsWith("1009"), socket.closedWith(0));
            assertEquals(200, service.process().readyStatus());
        });
    }

    // ---- the GraphQL endpoint's edges

    private void graphqlEdges() {
        add("graphql", "a body of 100 KB", "413 LIMIT_EXCEEDED body-bytes", () -> {
            HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri("/graphql")).header(
                    "Content-Type", "application/json").POST(
                            HttpRequest.BodyPublishers.ofString("{\"query\":\"{"
                                    + " ".repeat(100_000) + "}\"}")));
            assertEquals(413, answer.statusCode(), answer::body);
        });
        add("graphql", "a request line of 20 KB", "414", () -> {
            String answer = service.raw(("GET /graphql?query=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 414 .*"), answer.lines().findFirst().orElse(""));
        });
        add("graphql", "an operation nested 11 deep", "LIMIT_EXCEEDED depth", () -> graphqlRefused(service.graphql(null,
                "{ region(code: \"150302\") { parent { parent { parent { parent { parent { parent { parent { parent { "
                        + "parent { parent { name } } } } } } } } } } } }",
                Map.of()), "LIMIT_EXCEEDED"));
        add("graphql", "31 aliases", "LIMIT_EXCEEDED aliases", () -> {
            StringBuilder query = new StringBuilder("{");
            for (int i = 0; i < 31; i++) {
                query.append(" a").append(i).append(": region(code: \"150000\") { name }");
            }
            graphqlRefused(service.graphql(null, query + " }", Map.of()), "LIMIT_EXCEEDED");
        });
        add("graphql", "a mutation sent with GET", "405 or an error naming POST; nothing written", () -> {
            HttpResponse<String> answer = service.get("/graphql?query=" + java.net.URLEncoder.encode(
                    "mutation { deleteSource(input: {code: \"nmg-minsheng-2025\", version: 0}) { clientMutationId } }",
                    StandardCharsets.UTF_8), editor);
            assertTrue(answer.statusCode() == 405 || answer.body().contains("\"errors\""), answer::body);
            assertFalse(service.data("{ source(code: \"nmg-minsheng-2025\") { code } }").get("source").isNull());
        });
        add("graphql", "a JSON body that is an array of 1,000 operations", "refused in the contract, not run 1,000 times",
                () -> {
                    String batch = "[" + String.join(",", java.util.Collections.nCopies(1000,
                            "{\"query\":\"{ __typename }\"}")) + "]";
                    HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri("/graphql")).header(
                            "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch)));
                    assertTrue(answer.statusCode() >= 400, answer::body);
                    assertTrue(answer.body().contains("\"errors\""), answer::body);
                });
        add("graphql", "a filter bound of 1e999999999 (a billion digits written out)", "BAD_USER_INPUT, quickly; the "
                + "service alive", () -> {
                    graphqlRefused(service.graphql(null, "{ observations(filter: {value: {gt: 1e999999999}}) "
                            + "{ totalCount } }", Map.of()), "BAD_USER_INPUT");
                    assertEquals(200, service.process().readyStatus());
                });
        add("graphql", "createObservation with the value 1e999999999", "BAD_USER_INPUT on input.value; nothing written",
                unchanged(() -> assertEquals("input.value", graphqlRefused(service.graphql(editor, mutation(
                        "createObservation", "observation { id }"),
                        Map.of("input", Map.of("indicatorCode",
                                "employment.gig_markets", "regionCode", "150302", "periodStart", "2001-01-01",
                                "periodEnd", "2001-12-31", "value", new java.math.BigDecimal("1e999999999"), "qualifier",
                                "EXACT", "sourceCode", "nmg-minsheng-2025", "quote", "1"))),
                        "BAD_USER_INPUT")
                        .at("/errors/0/extensions/field").asText())));
        add("graphql", "an unknown path /wp-admin", "404 NOT_FOUND as JSON", () -> refused(service.get("/wp-admin", null),
                404, "NOT_FOUND"));
    }

    // ---- crash and restart

    private void crashAndRestart() {
        add("crash and restart", "SIGKILL while an import of 3,000 figures runs, then a start", "ready at the first attempt "
                + "within 60 s; every figure of the import old or every one new", () -> {
                    int before = figures();
                    int seeds = figuresOf("nmg-minsheng-2025");
                    CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(() -> {
                        try {
                            return importFiles("?reason=killed", withSource("hostile-c", 3000, "c"));
                        } catch (RuntimeException e) {
                            return null;
                        }
                    });
                    long planned = service.process().logLines(" planned: ").size();
                    awaitLog(() -> service.process().logLines(" planned: ").size() > planned, Duration.ofSeconds(60));
                    service.process().kill();
                    importing.join();
                    service.restart(Duration.ofSeconds(60));
                    int c = figuresOf("hostile-c");
                    assertTrue(c == 0 || c == 3000, c + " figures of hostile-c: all or nothing");
                    assertEquals(before + c, figures());
                    assertEquals(seeds, figuresOf("nmg-minsheng-2025"));
                });
        add("crash and restart", "SIGKILL at once after ten figures' creations were answered, then a start",
                "all ten figures are there", () -> {
                    int before = figures();
                    for (int year = 1990; year < 2000; year++) {
                        JsonNode created = mutate(editor, "createObservation", "observation { id }", Map.of(
                                "indicatorCode", "employment.gig_markets", "regionCode", "150302",
                                "periodStart", year + "-01-01", "periodEnd", year + "-12-31", "value", year,
                                "qualifier", "EXACT", "sourceCode", "hostile-api", "quote", "共" + year + "个"));
                        assertFalse(created.has("errors"), created::toString);
                    }
                    service.process().kill();
                    service.restart(Duration.ofSeconds(60));
                    assertEquals(before + 10, figures());
                });
        add("crash and restart", "SIGKILL when idle, then a start", "ready within 60 s with the same figures", () -> {
            int before = figures();
            service.process().kill();
            service.restart(Duration.ofSeconds(60));
            assertEquals(before, figures());
        });
        add("crash and restart", "SIGTERM, then a start", "a clean stop (exit 0 or 143) and the same figures", () -> {
            int before = figures();
            service.restart(Duration.ofSeconds(60));
            assertEquals(before, figures());
        });
    }

    private static void awaitLog(java.util.function.BooleanSupplier logged, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logged.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import did not log its plan within " + timeout);
    }
}
