package org.minsheng.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an ID: the caller's {@code X-Request-Id} when it is a plain token of at most
 * 64 characters, a fresh UUID otherwise. Every response carries it, and every log line written while
 * a GraphQL request runs has it (MDC key {@code requestId}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String offered = ctx.request().getHeader(HEADER);
            String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            ctx.put(MDC_KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(MDC_KEY);
        return id == null ? "-" : id;
    }
}
