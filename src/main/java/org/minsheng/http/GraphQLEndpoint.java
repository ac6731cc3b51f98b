package org.minsheng.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.ClientError;
import org.minsheng.limits.ExecutionBudget;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;

/**
 * The GraphQL endpoint over HTTP ({@code GET} and {@code POST /graphql}), following the
 * GraphQL-over-HTTP specification. It checks the request's form on the event loop (method, media
 * types, body, rate limit), then hands it to the {@link GraphQLExecutor}'s bounded queue, where the
 * document is parsed, measured and validated before anything is read from the database.
 */
@ApplicationScoped
public class GraphQLEndpoint {

    private static final Logger LOG = Logger.getLogger(GraphQLEndpoint.class);

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    @Inject
    MinshengConfig config;

    @Inject
    GraphQLExecutor executor;

    @Inject
    RateLimiter rateLimiter;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    /** {@code extensions.cost} of a response refused before its document was read. */
    private static volatile Map<String, Object> nothingSpent = Map.of();

    void register(@Observes Router router) {
        nothingSpent = ExecutionBudget.cost(0, 0, config.limits().cost(), config.limits().rows());
        String path = "/" + rootPath.replaceAll("^/+|/+$", "");
        router.route(path).order(Integer.MIN_VALUE + 1)
                .handler(TimeoutHandler.create(requestTimeoutMillis(), 408))
                .handler(BodyHandler.create(false).setBodyLimit(config.limits().bodyBytes()))
                .handler(this::handle)
                .failureHandler(this::failed);
    }

    /** A request must arrive whole and be answered within this, or it is answered 408 and closed. */
    private long requestTimeoutMillis() {
        return config.limits().queueTimeout().toMillis() + config.limits().time().toMillis() + 15_000;
    }

    private void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String media = MediaTypes.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (media == null) {
            reply(ctx, 406, MediaTypes.JSON, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT,
                    "Accept application/graphql-response+json or application/json"));
            return;
        }
        if (method.equals("OPTIONS")) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS").setStatusCode(204).end();
            return;
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
            reply(ctx, 405, media, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT,
                    "Send GraphQL requests with POST, or queries with GET"));
            return;
        }
        boolean get = method.equals("GET");
        if (!get && !MediaTypes.isJsonBody(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            reply(ctx, 415, media, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT,
                    "Send the request body as Content-Type: application/json (UTF-8)"));
            return;
        }
        if (!withinRate(ctx, media)) {
            return;
        }
        GraphQLRequest request;
        try {
            request = get
                    ? GraphQLRequest.fromQueryString(ctx.request().getParam("query"),
                            ctx.request().getParam("operationName"), ctx.request().getParam("variables"),
                            ctx.request().getParam("extensions"))
                    : GraphQLRequest.fromBody(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
        } catch (GraphQLRequest.Malformed e) {
            reply(ctx, 400, media, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT, e.getMessage()));
            return;
        }
        try {
            executor.submit(ctx, request, media, get);
        } catch (RejectedExecutionException e) {
            unavailable(ctx, media, "The service is busy: " + config.limits().queue()
                    + " requests are waiting (minsheng.limits.queue); try again shortly");
        }
    }

    private boolean withinRate(RoutingContext ctx, String media) {
        if (!rateLimiter.enabled()) {
            return true;
        }
        RateLimiter.Decision decision = rateLimiter.take(ctx.request().remoteAddress() == null ? "unknown"
                : ctx.request().remoteAddress().host());
        ctx.response().putHeader("RateLimit-Limit", Integer.toString(decision.limit()))
                .putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            return true;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
        reply(ctx, 429, media, GraphQLErrors.error(GraphQLErrors.LIMIT_EXCEEDED, "More than " + decision.limit()
                + " requests from this client in " + config.rateLimit().period().toSeconds()
                + " s (minsheng.rate-limit); try again in " + decision.resetSeconds() + " s",
                Map.of("limit", "rate-limit", "maximum", decision.limit()), null, null));
        return false;
    }

    /** Failures before the handler ran: the body limit, mostly. */
    private void failed(RoutingContext ctx) {
        String media = MediaTypes.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        media = media == null ? MediaTypes.JSON : media;
        if (ctx.statusCode() == 413) {
            reply(ctx, 413, media, GraphQLErrors.error(GraphQLErrors.LIMIT_EXCEEDED, "The request body is over "
                    + config.limits().bodyBytes() + " bytes (minsheng.limits.body-bytes)",
                    Map.of("limit", "body-bytes", "maximum", config.limits().bodyBytes()), null, null));
            return;
        }
        if (ctx.statusCode() == 408) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            reply(ctx, 408, media, GraphQLErrors.error(GraphQLErrors.LIMIT_EXCEEDED, "The request did not arrive,"
                    + " or was not answered, within " + requestTimeoutMillis() / 1000 + " s",
                    Map.of("limit", "request-timeout", "maximum", requestTimeoutMillis()), null, null));
            return;
        }
        if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            reply(ctx, ctx.statusCode(), media, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT,
                    "The request could not be read"));
            return;
        }
        LOG.errorf(ctx.failure(), "GraphQL request %s failed before it ran", RequestIds.of(ctx));
        reply(ctx, 500, media, GraphQLErrors.error(GraphQLErrors.INTERNAL_SERVER_ERROR,
                "Internal server error (request ID " + RequestIds.of(ctx) + "); the service log has the details"));
    }

    static void unavailable(RoutingContext ctx, String media, String message) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        reply(ctx, 503, media, GraphQLErrors.error(GraphQLErrors.SERVICE_UNAVAILABLE, message));
    }

    /** A response with a single error and no data. */
    static void reply(RoutingContext ctx, int status, String media, Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        write(ctx, status, media, body);
    }

    static void reply(RoutingContext ctx, int status, String media, ClientError error) {
        reply(ctx, status, media, GraphQLErrors.error(error));
    }

    static void write(RoutingContext ctx, int status, String media, Map<String, Object> body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (!body.containsKey("extensions")) {
            body.put("extensions", Map.of("cost", nothingSpent));
        }
        byte[] bytes;
        try {
            bytes = ResultJson.bytes(JSON, body);
        } catch (IOException e) {
            LOG.errorf(e, "Cannot write the response of request %s", RequestIds.of(ctx));
            bytes = ("{\"errors\":[{\"message\":\"Internal server error (request ID " + RequestIds.of(ctx)
                    + ")\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]}").getBytes(StandardCharsets.UTF_8);
            status = 500;
        }
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, media + "; charset=utf-8")
                    .end(Buffer.buffer(bytes));
        } catch (IllegalStateException closed) {
            LOG.debugf("Request %s: the client left before its response", RequestIds.of(ctx));
        }
    }

    static Map<String, Object> headers(RoutingContext ctx) {
        Map<String, Object> headers = new HashMap<>();
        for (String name : ctx.request().headers().names()) {
            headers.put(name, ctx.request().headers().getAll(name));
        }
        return headers;
    }
}
