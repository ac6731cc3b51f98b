package org.minsheng.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.config.MinshengConfig;

/**
 * Fixed-window request counting per client: {@code minsheng.rate-limit.requests} per
 * {@code minsheng.rate-limit.period}. The client is the remote address, which Quarkus takes from
 * {@code X-Forwarded-For} when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome for one request: whether it may run, and what the RateLimit headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private record Window(long start, int used) {
    }

    private static final int CLEAN_UP_ABOVE = 10_000;

    @Inject
    MinshengConfig config;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public boolean enabled() {
        return config.rateLimit().enabled();
    }

    public Decision take(String client) {
        long now = System.currentTimeMillis();
        long period = config.rateLimit().period().toMillis();
        int limit = config.rateLimit().requests();
        if (windows.size() > CLEAN_UP_ABOVE) {
            windows.values().removeIf(window -> now - window.start() >= period);
        }
        Window window = windows.compute(client, (key, current) -> current == null || now - current.start() >= period
                ? new Window(now, 1)
                : new Window(current.start(), current.used() + 1));
        long reset = Math.max(1, (window.start() + period - now + 999) / 1000);
        return new Decision(window.used() <= limit, limit, Math.max(0, limit - window.used()), reset);
    }
}
