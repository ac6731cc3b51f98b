package org.minsheng.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The dashboard's deep links ({@code /region/150300}, {@code /indicator/…}, {@code /program/…},
 * {@code /search?q=…}) answer with its page, {@code META-INF/resources/index.html}, which Quarkus
 * also serves at {@code /}; the page reads the path and shows the view.
 */
@ApplicationScoped
public class DashboardRoutes {

    private static final String PAGE = "META-INF/resources/index.html";

    private Buffer page;

    void register(@Observes Router router) {
        page = Buffer.buffer(read());
        for (String path : new String[] { "/region/:code", "/indicator/:code", "/program/:code", "/search" }) {
            router.get(path).handler(this::page);
        }
    }

    private void page(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(page);
    }

    private static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
