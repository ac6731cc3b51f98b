package org.minsheng;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * README.md and docs/*.md say what they show. Every fenced block tagged {@code graphql} is sent to
 * the running service (anonymous, over {@code POST /graphql}, on the seed data) and must answer as
 * the {@code json} block right after it prints: its {@code data} exactly, its errors (the fields
 * printed of each) when it prints errors, none when it prints none, and the fields of
 * {@code extensions} it prints. Leading comment lines {@code # Header-Name: value} of an operation are
 * sent as HTTP headers. A block tagged {@code graphql-nocheck} is not run (its answer depends on the
 * moment). Every configuration property the documents name must exist (see {@link #propertyExists}).
 */
@QuarkusTest
class DocsQuarkusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The documents, as paths from the project's root (the tests' working directory). */
    static List<Path> documents() {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static List<String> lines(Path document) {
        try {
            return Files.readAllLines(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fenced code block: its tag, its text, the lines (1-based) of its opening and closing fences. */
    record Block(String tag, String text, int open, int close) {
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*([^\\s`]*).*$");

    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            int close = i + 1;
            while (close < lines.size() && !isClosing(lines.get(close), fence)) {
                close++;
            }
            blocks.add(new Block(open.group(2), String.join("\n", lines.subList(i + 1, Math.min(close, lines.size()))),
                    i + 1, close + 1));
            i = close;
        }
        return blocks;
    }

    private static boolean isClosing(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** Where each graphql block is, as "file:line" of its opening fence. */
    static Stream<String> graphqlBlocks() {
        List<String> where = new ArrayList<>();
        for (Path document : documents()) {
            for (Block block : blocks(lines(document))) {
                if (block.tag().equals("graphql")) {
                    where.add(document + ":" + block.open());
                }
            }
        }
        return where.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphqlBlocks")
    void operationAnswersAsPrinted(String where) {
        Path document = Path.of(where.substring(0, where.lastIndexOf(':')));
        int line = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
        List<String> lines = lines(document);
        List<Block> blocks = blocks(lines);
        int index = 0;
        while (blocks.get(index).open() != line) {
            index++;
        }
        Block operation = blocks.get(index);
        if (index + 1 == blocks.size() || !blocks.get(index + 1).tag().equals("json")) {
            fail(where + ": the ```graphql block is not followed by a ```json block holding its answer");
        }
        Block printed = blocks.get(index + 1);
        long prose = lines.subList(operation.close(), printed.open() - 1).stream().filter(l -> !l.isBlank()).count();
        if (prose > 1) {
            fail(where + ": " + prose + " lines of prose between the ```graphql block and its ```json answer (line "
                    + printed.open() + "); at most one short line may stand between them");
        }
        JsonNode expected;
        try {
            expected = JSON.readTree(printed.text());
        } catch (IOException e) {
            throw new AssertionError(document + ":" + printed.open() + ": the printed answer is not JSON: "
                    + e.getMessage());
        }

        Response response = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .headers(headers(operation.text())).body(Map.of("query", operation.text()))
                .when().post("/graphql");
        String body = response.asString();
        if (response.statusCode() != 200) {
            fail(where + ": the operation answered HTTP " + response.statusCode() + ": " + body);
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        difference(expected, actual).ifPresent(difference -> fail(where + ": the answer differs from the one printed at "
                + document + ":" + printed.open() + ": " + difference + "\nThe whole answer: " + actual));
    }

    private static final Pattern HEADER = Pattern.compile("#\\s*([A-Za-z]+(?:-[A-Za-z]+)+):\\s*(.+)");

    /** The HTTP headers of an operation's leading comment lines ({@code # Accept-Language: en}). */
    static Map<String, String> headers(String operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : operation.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            Matcher header = HEADER.matcher(line.strip());
            if (header.matches()) {
                headers.put(header.group(1), header.group(2).strip());
            }
        }
        return headers;
    }

    /** How the answer differs from the printed one, if it does; empty when it answers as printed. */
    static Optional<String> difference(JsonNode printed, JsonNode actual) {
        Set<String> unknown = new TreeSet<>();
        printed.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(Set.of("data", "errors", "extensions"));
        if (!printed.isObject() || !unknown.isEmpty() || !(printed.has("data") || printed.has("errors"))) {
            return Optional.of("the printed answer must be an object with \"data\" or \"errors\" (and may have "
                    + "\"extensions\"), not " + printed);
        }
        Optional<String> data = compare("/data", orNull(printed.get("data")), orNull(actual.get("data")), false);
        if (data.isPresent()) {
            return data;
        }
        JsonNode errors = actual.get("errors");
        if (!printed.has("errors")) {
            if (errors != null) {
                return Optional.of("it answered errors, none are printed: " + errors);
            }
        } else {
            Optional<String> errorsDiffer = compare("/errors", printed.get("errors"), orNull(errors), true);
            if (errorsDiffer.isPresent()) {
                return errorsDiffer;
            }
        }
        if (printed.has("extensions")) {
            return compare("/extensions", printed.get("extensions"), orNull(actual.get("extensions")), true);
        }
        return Optional.empty();
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    /**
     * The first difference between a printed value and an answered one. Numbers compare by value (70.8
     * and 70.80 are equal). In a subset comparison an object may have members that are not printed;
     * arrays always have the printed length.
     */
    static Optional<String> compare(String path, JsonNode printed, JsonNode actual, boolean subset) {
        if (printed.isNumber() && actual.isNumber()) {
            return printed.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : differs(path, printed, actual);
        }
        if (printed.getNodeType() != actual.getNodeType()) {
            return differs(path, printed, actual);
        }
        if (printed.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = printed.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode answered = actual.get(field.getKey());
                if (answered == null) {
                    return Optional.of(path + "/" + field.getKey() + ": printed " + field.getValue()
                            + ", not in the answer");
                }
                Optional<String> differs = compare(path + "/" + field.getKey(), field.getValue(), answered, subset);
                if (differs.isPresent()) {
                    return differs;
                }
            }
            if (!subset) {
                for (Iterator<String> names = actual.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!printed.has(name)) {
                        return Optional.of(path + "/" + name + ": answered " + actual.get(name) + ", not printed");
                    }
                }
            }
            return Optional.empty();
        }
        if (printed.isArray()) {
            if (printed.size() != actual.size()) {
                return Optional.of(path + ": printed " + printed.size() + " items, answered " + actual.size() + ": "
                        + actual);
            }
            for (int i = 0; i < printed.size(); i++) {
                Optional<String> differs = compare(path + "/" + i, printed.get(i), actual.get(i), subset);
                if (differs.isPresent()) {
                    return differs;
                }
            }
            return Optional.empty();
        }
        return printed.equals(actual) ? Optional.empty() : differs(path, printed, actual);
    }

    private static Optional<String> differs(String path, JsonNode printed, JsonNode actual) {
        return Optional.of(path + ": printed " + printed + ", answered " + actual);
    }

    /**
     * A configuration property named in prose or code: minsheng.*, quarkus.* or mp.*, a quoted map key
     * included ({@code quarkus.hibernate-orm.unsupported-properties."jakarta.persistence.query.timeout"}),
     * and {@code .*} naming a group. Not a part of a longer name: {@code org.minsheng.config} is a
     * package, {@code -Dminsheng.data-dir} a property.
     */
    private static final Pattern PROPERTY = Pattern
            .compile("(?<![a-z0-9_.$/@-])((?:minsheng|quarkus|mp)\\.[a-z0-9.-]*[a-z0-9](?:\\.\"[^\"\\s]+\")?)(\\.\\*)?");

    /** Each property name the documents use, with where they use it ("name.*" for a group). */
    static Map<String, List<String>> propertyNames() {
        Map<String, List<String>> names = new TreeMap<>();
        for (Path document : documents()) {
            List<String> lines = lines(document);
            for (int i = 0; i < lines.size(); i++) {
                Matcher property = PROPERTY.matcher(lines.get(i));
                while (property.find()) {
                    String name = property.group(1) + (property.group(2) == null ? "" : ".*");
                    names.computeIfAbsent(name, n -> new ArrayList<>()).add(document + ":" + (i + 1));
                }
            }
        }
        return names;
    }

    static Stream<String> properties() {
        return propertyNames().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void propertyExists(String name) {
        String where = String.join(", ", propertyNames().get(name));
        assertTrue(exists(name), () -> where + ": " + (name.endsWith(".*")
                ? "no property the running application knows or application.properties sets starts with "
                        + name.substring(0, name.length() - 1)
                : name + " is no property the running application knows or application.properties sets, no "
                        + "build-time property Quarkus maps, and none the application's code reads"));
    }

    /**
     * Whether a property (or, for "prefix.*", a group of them) exists: the running application knows
     * it (a value set anywhere, or the default of a mapped property; application.properties is one of
     * its sources, so build-time properties set there, such as quarkus.native.resources.includes or
     * quarkus.container-image.name, are known too); it is set in application.properties under any
     * profile, whatever profile the tests run in; or it is a
     * build-time property of an extension this application is built with, as Quarkus itself knows
     * them at run time (below); or the application's code reads it with @ConfigProperty, whose default
     * is in the annotation and nowhere in the configuration (minsheng.health.pool-stuck-after). A
     * misspelt name passes none of them.
     */
    static boolean exists(String name) {
        Config config = ConfigProvider.getConfig();
        Set<String> set = new TreeSet<>(applicationProperties());
        config.getPropertyNames().forEach(set::add);
        if (name.endsWith(".*")) {
            String prefix = name.substring(0, name.length() - 1);
            return set.stream().anyMatch(known -> known.startsWith(prefix));
        }
        return set.contains(name) || config.getConfigValue(name).getValue() != null || mappedByQuarkus(name)
                || readByApplication().contains(name);
    }

    /** The keys of src/main/resources/application.properties, without their %profile. prefix. */
    static Set<String> applicationProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream().map(key -> key.replaceFirst("^%[^.]+\\.", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Whether Quarkus maps the name: build-time properties set only on Maven's command line
     * (quarkus.container-image.build, quarkus.native.container-build) are in no runtime source and have
     * no runtime default, but Quarkus generates, at build time, the class
     * io.quarkus.runtime.generated.Config, whose isMapped(NameIterator) tells every property of the
     * application's extensions, build-time ones included, from an unknown one (it is how Quarkus
     * warns of "Unrecognized configuration key"s at start). The class is Quarkus' own and private;
     * should a Quarkus upgrade remove it, this fails saying so rather than let names pass unchecked.
     */
    static boolean mappedByQuarkus(String name) {
        if (!name.startsWith("quarkus.")) {
            return false;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> generated = Class.forName("io.quarkus.runtime.generated.Config", false, loader);
            Class<?> nameIterator = Class.forName("io.quarkus.runtime.configuration.NameIterator", false, loader);
            Method isMapped = generated.getDeclaredMethod("isMapped", nameIterator);
            isMapped.setAccessible(true);
            return (Boolean) isMapped.invoke(null, nameIterator.getConstructor(String.class).newInstance(name));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Quarkus' generated io.quarkus.runtime.generated.Config.isMapped, which tells "
                    + "build-time properties, cannot be called: " + e, e);
        }
    }

    private static Set<String> readByApplication;

    /** The names of the @ConfigProperty fields and parameters of the application's classes (target/classes). */
    static synchronized Set<String> readByApplication() {
        if (readByApplication == null) {
            Path classes = Path.of("target/classes");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Set<String> names = new TreeSet<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String path = classes.relativize(file).toString();
                    Class<?> type = Class.forName(path.substring(0, path.length() - ".class".length())
                            .replace(file.getFileSystem().getSeparator(), "."), false, loader);
                    List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
                    for (Executable executable : Stream.concat(Stream.of(type.getDeclaredConstructors()),
                            Stream.of(type.getDeclaredMethods())).toList()) {
                        elements.addAll(List.of(executable.getParameters()));
                    }
                    for (AnnotatedElement element : elements) {
                        ConfigProperty property = element.getAnnotation(ConfigProperty.class);
                        if (property != null) {
                            names.add(property.name());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            readByApplication = names;
        }
        return readByApplication;
    }

    /** The documents have operations and properties to check: a parser that finds none fails here. */
    @Test
    void documentsHaveWhatThisTestChecks() {
        assertTrue(graphqlBlocks().anyMatch(where -> where.startsWith("README.md:")), "README.md has no ```graphql block");
        assertTrue(graphqlBlocks().anyMatch(where -> where.startsWith("docs")), "docs/ has no ```graphql block");
        assertFalse(propertyNames().isEmpty(), "the documents name no configuration property");
    }
}
