package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minsheng.support.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each {@code src/test/resources/graphql/operations/NAME.graphql} is sent to the running service
 * and must return exactly {@code NAME.json}: data, errors and their codes. Leading comment lines of
 * the form {@code # Header-Name: value} are sent as HTTP headers.
 */
@QuarkusTest
class GraphQLOperationsQuarkusTest {

    private static final String FOLDER = "graphql/operations";

    static Stream<String> operations() throws IOException, URISyntaxException {
        Path folder = Path.of(GraphQLOperationsQuarkusTest.class.getClassLoader().getResource(FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".graphql"))
                    .map(name -> name.substring(0, name.length() - ".graphql".length()))
                    .sorted().toList().stream();
        }
    }

    private static final Pattern HEADER = Pattern.compile("#\\s*([A-Za-z]+(?:-[A-Za-z]+)+):\\s*(.+)");

    /** The headers named in the operation's leading comment lines. */
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operationReturnsExpectedResponse(String name) {
        JsonNode expected = GraphQL.parse(GraphQL.resource(FOLDER + "/" + name + ".json"));
        String operation = GraphQL.resource(FOLDER + "/" + name + ".graphql");
        JsonNode actual = GraphQL.execute(operation, Map.of(), headers(operation));
        assertEquals(expected, actual, () -> name + ": expected " + expected.toPrettyString() + "\nbut got "
                + actual.toPrettyString());
    }
}
