package org.minsheng.http;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.minsheng.graphql.ClientError;
import org.minsheng.graphql.InternalServerError;
import org.minsheng.persistence.DatabaseFailures;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;

/**
 * The one error contract ({@code STYLE.md} §5), applied to every error of every response: a stable
 * {@code extensions.code} and a message written for the caller. An unexpected failure is logged
 * with a fresh error ID and answered as {@code INTERNAL_SERVER_ERROR} with that ID, never with an
 * exception's class, message or stack trace.
 */
final class GraphQLErrors {

    static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
    static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);

    /** Text that names Java types: never shown to a caller. */
    private static final Pattern INVALID_ARGUMENT = Pattern.compile(
            "argument '(\\w+)' with value '(?:\\w+\\{value=')?(.*?)(?:'\\})?' is not a valid", Pattern.DOTALL);

    /** SmallRye's message codes ("SRGQL000021: "), which mean nothing to a caller. */
    private static final Pattern SMALLRYE_CODE = Pattern.compile("^SRGQL\\d+: ");

    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*");

    private GraphQLErrors() {
    }

    /** A GraphQL error of the contract. */
    static Map<String, Object> error(String code, String message) {
        return error(code, message, Map.of(), null, null);
    }

    static Map<String, Object> error(ClientError error) {
        return error(error.code(), error.getMessage(), error.extensions(), null, null);
    }

    static Map<String, Object> error(String code, String message, Map<String, Object> extra,
            List<SourceLocation> locations, List<Object> path) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            List<Map<String, Object>> where = new ArrayList<>();
            for (SourceLocation location : locations) {
                // Line, then column, as the spec writes them (Map.of's order changes with each JVM).
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("line", location.getLine());
                at.put("column", location.getColumn());
                where.add(at);
            }
            error.put("locations", where);
        }
        if (path != null && !path.isEmpty()) {
            error.put("path", path);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(extra);
        error.put("extensions", extensions);
        return error;
    }

    /** Errors graphql-java reported for a document it refused (parse or validation), with their code. */
    static List<Map<String, Object>> refused(String code, List<GraphQLError> errors) {
        List<Map<String, Object>> shaped = new ArrayList<>();
        for (GraphQLError error : errors) {
            shaped.add(error(code, safe(error.getMessage()), Map.of(), error.getLocations(), null));
        }
        return shaped;
    }

    /** An error of an execution result, mapped onto the contract. */
    static Map<String, Object> executionError(GraphQLError error, String requestId) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(unwrap(fetching.getException()), error, requestId);
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.ValidationError) {
            // At execution, graphql-java reports arguments and variables that do not fit their types this way.
            return error(BAD_USER_INPUT, argumentMessage(error.getMessage()), Map.of(), error.getLocations(),
                    error.getPath());
        }
        if (type == ErrorType.ExecutionAborted) {
            return error(LIMIT_EXCEEDED, safe(error.getMessage()), Map.of(), error.getLocations(), error.getPath());
        }
        if (type == ErrorType.InvalidSyntax) {
            return error("GRAPHQL_PARSE_FAILED", safe(error.getMessage()), Map.of(), error.getLocations(), null);
        }
        if (type != null && "BadFaithIntrospection".equals(type.toString())) {
            return error(LIMIT_EXCEEDED, safe(error.getMessage()), Map.of("limit", "introspection"),
                    error.getLocations(), error.getPath());
        }
        if (type != null && "NullValueInNonNullableField".equals(type.toString())) {
            return internal(null, error, requestId);
        }
        // Every other error graphql-java or SmallRye reports without an exception is about the
        // request: SmallRye reports an argument it cannot convert (a malformed Date) this way.
        String message = error.getMessage() == null || JAVA_NAME.matcher(error.getMessage()).find()
                ? "An argument has a value of the wrong form" + pathText(error)
                : error.getMessage();
        return error(BAD_USER_INPUT, message, Map.of(), error.getLocations(), error.getPath());
    }

    private static Map<String, Object> fromException(Throwable cause, GraphQLError error, String requestId) {
        if (cause instanceof ClientError client) {
            return error(client.code(), client.getMessage(), client.extensions(), error.getLocations(),
                    error.getPath());
        }
        if (cause instanceof InternalServerError internal) {
            return error(INTERNAL_SERVER_ERROR, internal.getMessage(), Map.of(), error.getLocations(), error.getPath());
        }
        if (DatabaseFailures.isTimeout(cause)) {
            return error(LIMIT_EXCEEDED, "A database statement ran over its timeout"
                    + " (quarkus.hibernate-orm statement timeout); ask for less", Map.of("limit", "statement-timeout"),
                    error.getLocations(), error.getPath());
        }
        if (cause instanceof CoercingParseValueException || cause instanceof CoercingParseLiteralException) {
            return error(BAD_USER_INPUT, safe(SMALLRYE_CODE.matcher(String.valueOf(cause.getMessage())).replaceFirst("")),
                    Map.of(), error.getLocations(), error.getPath());
        }
        if (isDataException(cause)) {
            return error(BAD_USER_INPUT, "An argument has a value the database cannot use (such as a NUL"
                    + " character in a text)", Map.of(), error.getLocations(), error.getPath());
        }
        if (DatabaseFailures.isUnavailable(cause)) {
            LOG.warnf("GraphQL field %s: the database is unavailable; answered SERVICE_UNAVAILABLE", error.getPath());
            return error(SERVICE_UNAVAILABLE, "The database is not reachable right now; try again shortly",
                    Map.of(), error.getLocations(), error.getPath());
        }
        return internal(cause, error, requestId);
    }

    private static Map<String, Object> internal(Throwable cause, GraphQLError error, String requestId) {
        String errorId = UUID.randomUUID().toString();
        if (cause != null) {
            LOG.errorf(cause, "GraphQL field %s failed; error ID %s, request %s", error.getPath(), errorId, requestId);
        } else {
            LOG.errorf("GraphQL error %s (%s) at %s; error ID %s, request %s", error.getMessage(),
                    error.getErrorType(), error.getPath(), errorId, requestId);
        }
        return error(INTERNAL_SERVER_ERROR, new InternalServerError(errorId).getMessage(), Map.of(),
                error.getLocations(), error.getPath());
    }

    /** SQL state class 22, "data exception": the value, not the service, is at fault. */
    private static boolean isDataException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * graphql-java's "argument 'filter' with value 'StringValue{value='…'}' is not a valid '…'" (how
     * SmallRye reports an input object it cannot read, such as a malformed Date) said for a person.
     */
    static String argumentMessage(String message) {
        Matcher matcher = INVALID_ARGUMENT.matcher(message == null ? "" : message);
        if (!matcher.find()) {
            return safe(message);
        }
        String value = matcher.group(2).replaceAll("\\s+", " ");
        return "Argument '" + matcher.group(1) + "' has a value that is not valid: " + safe(value)
                + " (a Date is written YYYY-MM-DD, an Int fits in 32 bits, an enum is one of its values)";
    }

    /** A graphql-java message made safe to show: Java type names are removed. */
    static String safe(String message) {
        if (message == null) {
            return "Invalid request";
        }
        return JAVA_NAME.matcher(message).replaceAll("(internal type)");
    }

    private static String pathText(GraphQLError error) {
        return error.getPath() == null || error.getPath().isEmpty() ? "" : " at " + error.getPath();
    }
}
