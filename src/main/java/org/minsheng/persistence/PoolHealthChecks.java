package org.minsheng.persistence;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;

/**
 * The connection pool, as the probes see it. Readiness reports its figures (connections in use,
 * idle, and requests waiting for one). Liveness fails when the pool is jammed: every connection in
 * use, requests waiting, and not one connection handed out for {@code minsheng.health.pool-stuck-after}
 * (30 s by default). A pool that cannot recover by itself is then restarted by Kubernetes; a database
 * that is down does not jam the pool (connections fail and return), so it only fails readiness.
 */
@ApplicationScoped
public class PoolHealthChecks {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "minsheng.health.pool-stuck-after", defaultValue = "30s")
    Duration stuckAfter;

    private long lastAcquired = -1;
    private long lastProgress = System.nanoTime();

    @Produces
    @ApplicationScoped
    @Readiness
    HealthCheck poolFigures() {
        return () -> figures(HealthCheckResponse.named("connection pool").up()).build();
    }

    @Produces
    @ApplicationScoped
    @Liveness
    HealthCheck poolNotJammed() {
        return () -> {
            long stuckFor = stuckForMillis();
            HealthCheckResponseBuilder response = figures(HealthCheckResponse.named("connection pool not jammed"))
                    .withData("noProgressForMs", stuckFor);
            return stuckFor > stuckAfter.toMillis() ? response.down().build() : response.up().build();
        };
    }

    /** How long the pool has been full, with requests waiting and nothing handed out; 0 when it is not. */
    synchronized long stuckForMillis() {
        AgroalDataSourceMetrics metrics = dataSource.getMetrics();
        long now = System.nanoTime();
        long acquired = metrics.acquireCount();
        boolean full = metrics.activeCount() >= maxSize() && metrics.awaitingCount() > 0;
        if (!full || acquired != lastAcquired) {
            lastAcquired = acquired;
            lastProgress = now;
            return 0;
        }
        return (now - lastProgress) / 1_000_000L;
    }

    private HealthCheckResponseBuilder figures(HealthCheckResponseBuilder builder) {
        AgroalDataSourceMetrics metrics = dataSource.getMetrics();
        return builder.withData("active", metrics.activeCount())
                .withData("idle", metrics.availableCount())
                .withData("waiting", metrics.awaitingCount())
                .withData("max", maxSize());
    }

    private int maxSize() {
        return dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
    }
}
