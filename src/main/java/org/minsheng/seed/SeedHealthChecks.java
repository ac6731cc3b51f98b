package org.minsheng.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.minsheng.persistence.DatabaseStartup;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Health of the seed data: started once the start-time import ran, ready once the database holds a bundle. */
@ApplicationScoped
public class SeedHealthChecks {

    @Inject
    SeedStartup startup;

    @Inject
    DatabaseStartup database;

    @Produces
    @ApplicationScoped
    @Startup
    HealthCheck started() {
        return () -> HealthCheckResponse.named("seed import at start").status(startup.finished()).build();
    }

    @Produces
    @ApplicationScoped
    @Readiness
    HealthCheck loaded() {
        return () -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("seed data");
            if (!database.open()) {
                return response.down().withData("reason", "the database is not ready yet").build();
            }
            if (!startup.finished()) {
                return response.down().withData("reason", "the seed import at start is running").build();
            }
            SeedImportEntity latest;
            try {
                latest = QuarkusTransaction.requiringNew().call(SeedImportEntity::latest);
            } catch (RuntimeException e) {
                return response.down().withData("error", "cannot read the seed import record").build();
            }
            if (latest == null) {
                return response.down().withData("reason", "no seed bundle imported yet").build();
            }
            return response.up()
                    .withData("checksum", latest.checksum)
                    .withData("importedAt", latest.importedAt.toString())
                    .withData("regions", latest.regions)
                    .withData("observations", latest.observations)
                    .build();
        };
    }
}
