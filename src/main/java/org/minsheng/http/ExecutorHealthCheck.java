package org.minsheng.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.minsheng.config.MinshengConfig;

/** Readiness details of the GraphQL executor: requests running and waiting, against their limits. */
@Readiness
@ApplicationScoped
public class ExecutorHealthCheck implements HealthCheck {

    @Inject
    GraphQLExecutor executor;

    @Inject
    MinshengConfig config;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("graphql executor").up()
                .withData("running", executor.running())
                .withData("concurrency", config.limits().concurrency())
                .withData("queued", executor.queued())
                .withData("queue", config.limits().queue())
                .build();
    }
}
