package org.minsheng.seed;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;
import org.minsheng.persistence.DatabaseStartup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;

/**
 * Imports the seed bundle at start, once the database is up ({@link DatabaseStartup}), when the
 * database does not hold it yet, and logs one line saying what the database holds and where it came
 * from, then, once the service is ready, a line counting the figures of each source. A bundle with
 * problems stops the start.
 */
@ApplicationScoped
public class SeedStartup {

    private static final Logger LOG = Logger.getLogger(SeedStartup.class);

    @Inject
    MinshengConfig config;

    @Inject
    SeedImporter importer;

    private volatile boolean finished;

    void onStart(@Observes DatabaseStartup.DatabaseReady event) {
        if (!config.seed().onStart()) {
            LOG.info("Seed import at start is off (minsheng.seed.on-start=false); serving what the database holds");
            finished = true;
            return;
        }
        BundleLocation location = BundleLocation.of(config.seed().location());
        try {
            LOG.info(importer.importBundle(location).summary());
        } catch (BundleRejectedException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        finished = true;
        if (config.seed().exitAfterImport()) {
            LOG.info(figuresBySource());
            LOG.info("Seed import done; exiting (minsheng.seed.exit-after-import=true)");
            Quarkus.asyncExit(0);
        }
    }

    /**
     * Once the service is ready, a line counting the figures of each source: the count reads every
     * figure (about 0.6 s on a million), so readiness does not wait for it; before it, one query of
     * the entities, so that Hibernate's query engine has started before a request needs it.
     */
    void afterStart(@Observes DatabaseStartup.Started event) {
        if (config.seed().onStart() && config.seed().exitAfterImport()) {
            return;
        }
        try {
            // The start reads plain SQL only; a query of the entities (a total count, an edit) starts
            // Hibernate's query engine at its first use, about 0.25 s: here, not in a request.
            QuarkusTransaction.requiringNew().run(() -> SeedImportEntity.latestOwning(List.of()));
        } catch (RuntimeException e) {
            LOG.debugf("The query engine could not be started ahead of requests: %s", e.getMessage());
        }
        if (config.seed().onStart()) {
            // The last of the start's work: checks/million.sh and bench/run read plans once it is logged.
            try {
                LOG.info(figuresBySource());
            } catch (RuntimeException e) {
                LOG.warnf("The figures by source could not be counted: %s", e.getMessage());
            }
        }
    }

    /**
     * The line counting the figures of each source, with how many regions and indicators they cover:
     * "Figures by source: census-2020: 1512 figures (108 regions × 14 indicators), …".
     */
    String figuresBySource() {
        return "Figures by source: " + QuarkusTransaction.joiningExisting().call(this::countFigures);
    }

    private String countFigures() {
        StringBuilder line = new StringBuilder();
        // SQL, not a query of the entities: translating it would be a cost of its own at every start.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = org.minsheng.persistence.Queries.em().createNativeQuery("select source_code,"
                + " count(*), count(distinct region_code), count(distinct indicator_code) from observation"
                + " group by source_code order by source_code").getResultList();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            line.append(i == 0 ? "" : ", ").append(row[0]).append(": ").append(row[1]).append(" figures (")
                    .append(row[2]).append(" regions × ").append(row[3]).append(" indicators)");
        }
        return rows.isEmpty() ? line.append("none").toString() : line.toString();
    }

    /** Whether the start-time import has run (or was turned off). */
    public boolean finished() {
        return finished;
    }
}
