package org.minsheng.http;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What no route answers, answered in the error contract's JSON instead of the framework's pages: a
 * path the service does not have is 404 NOT_FOUND, a method a path does not take is 405 with
 * {@code Allow}, a request line the router cannot read is 400. Registered last, after the static
 * resources and every endpoint.
 */
@ApplicationScoped
public class FallbackRoutes {

    /** The paths that take GET (and HEAD) only: the dashboard's page, its views and assets, the exports. */
    private static final List<Pattern> READ_ONLY = List.of(
            Pattern.compile("/((region|indicator|program)/[^/]+|search|app/.*|_static/.*)?"),
            Pattern.compile("/export/observations\\.[^/]+"));

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 1).handler(this::unanswered);
        router.errorHandler(400, ctx -> JsonReplies.error(ctx, 400, "BAD_USER_INPUT", "The request could not be read"));
        router.errorHandler(404, this::notFound);
        router.errorHandler(405, this::notFound);
    }

    private void unanswered(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String method = ctx.request().method().name();
        boolean readOnly = READ_ONLY.stream().anyMatch(p -> p.matcher(path).matches());
        if (readOnly && !method.equals("GET") && !method.equals("HEAD")) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            JsonReplies.error(ctx, 405, "BAD_USER_INPUT", method + " is not allowed on " + path + "; it answers GET");
            return;
        }
        notFound(ctx);
    }

    private void notFound(RoutingContext ctx) {
        JsonReplies.error(ctx, 404, "NOT_FOUND", "Nothing is at " + ctx.normalizedPath() + "; the API is /graphql, the"
                + " dashboard /");
    }
}
