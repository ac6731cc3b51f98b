package org.minsheng.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens GraphiQL on an example operation: a visit to the UI without a query is redirected to the
 * same page with {@code ?query=} set to {@code graphiql/default-query.graphql}. GraphiQL keeps the
 * query in the address as it is edited, so links to an edited query still work.
 */
@ApplicationScoped
public class GraphiQLDefaultQuery {

    static final String RESOURCE = "graphiql/default-query.graphql";

    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String nonApplicationRoot;

    @ConfigProperty(name = "quarkus.smallrye-graphql.ui.root-path", defaultValue = "graphql-ui")
    String uiPath;

    void register(@Observes Router router) {
        String base = "/" + trim(nonApplicationRoot) + "/" + trim(uiPath);
        String target = base + "/?query=" + URLEncoder.encode(defaultQuery(), StandardCharsets.UTF_8).replace("+", "%20");
        router.get(base).order(Integer.MIN_VALUE).handler(ctx -> redirect(ctx, target));
        router.get(base + "/").order(Integer.MIN_VALUE).handler(ctx -> redirect(ctx, target));
    }

    private static void redirect(RoutingContext ctx, String target) {
        if (ctx.request().getParam("query") != null) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(302).putHeader("Location", target).end();
    }

    static String defaultQuery() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
