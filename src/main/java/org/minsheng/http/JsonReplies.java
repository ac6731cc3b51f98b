package org.minsheng.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.minsheng.graphql.ClientError;
import org.minsheng.persistence.DatabaseFailures;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers of the HTTP endpoints beside GraphQL ({@code /import}, {@code /export/…}, the
 * dashboard's routes): JSON, and every refusal in the one error contract
 * ({@code {"errors":[{"message", "extensions":{"code", …}}]}}), never a framework's error page.
 */
public final class JsonReplies {

    private static final Logger LOG = Logger.getLogger(JsonReplies.class);

    private JsonReplies() {
    }

    /** {@code body} as JSON with {@code status}, unless the response has ended (the client left). */
    public static void json(RoutingContext ctx, int status, Map<String, Object> body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = ResultJson.bytes(GraphQLEndpoint.JSON, body);
        } catch (IOException e) {
            internal(ctx, e, "Cannot write the response of request " + RequestIds.of(ctx));
            return;
        }
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.JSON + "; charset=utf-8")
                    .end(Buffer.buffer(bytes));
        } catch (IllegalStateException closed) {
            LOG.debugf("Request %s: the client left before its response", RequestIds.of(ctx));
        }
    }

    /** A refusal: one error of the contract, with its code and extensions. */
    public static void error(RoutingContext ctx, int status, ClientError error) {
        json(ctx, status, errors(errorOf(error)));
    }

    /** The contract's error for a refusal. */
    public static Map<String, Object> errorOf(ClientError error) {
        return GraphQLErrors.error(error);
    }

    public static void error(RoutingContext ctx, int status, String code, String message) {
        json(ctx, status, errors(GraphQLErrors.error(code, message)));
    }

    /**
     * An unexpected failure: logged with the request's ID, answered 500 with that ID and nothing else;
     * a database that cannot be reached is 503 with Retry-After, logged in one line.
     */
    public static void internal(RoutingContext ctx, Throwable failure, String logMessage) {
        if (DatabaseFailures.isUnavailable(failure)) {
            LOG.warnf("%s: the database is unavailable (%s)", logMessage, failure.getMessage());
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            error(ctx, 503, GraphQLErrors.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly");
            return;
        }
        LOG.error(logMessage, failure);
        json(ctx, 500, errors(internalError(ctx)));
    }

    /** The contract's error for an unexpected failure of this request. */
    public static Map<String, Object> internalError(RoutingContext ctx) {
        return GraphQLErrors.error(GraphQLErrors.INTERNAL_SERVER_ERROR, "Internal server error (request ID "
                + RequestIds.of(ctx) + "); the service log has the details");
    }

    /** The HTTP status of a refusal, by its code. */
    public static int status(ClientError error) {
        return switch (error.code()) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            case "LIMIT_EXCEEDED" -> 413;
            case "SERVICE_UNAVAILABLE" -> 503;
            default -> 400;
        };
    }

    public static Map<String, Object> errors(Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        return body;
    }
}
