package org.minsheng.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under the {@code minsheng.} prefix. */
@ConfigMapping(prefix = "minsheng")
public interface MinshengConfig {

    /** Directory of the embedded H2 database files. */
    @WithDefault("./data")
    String dataDir();

    Seed seed();

    /** Opening, migrating and keeping the database; see docs/operations.md. */
    Database database();

    interface Database {
        /**
         * How long the start may wait for the database to open: an embedded store rolls back what a
         * killed process left unfinished, PostgreSQL may still be starting. Readiness is DOWN until then;
         * past it the process exits.
         */
        @WithDefault("120s")
        Duration openTimeout();

        /**
         * Open, migrate and import the seeds after the HTTP server is up, so that the probes answer
         * (DOWN) while it runs; off, the start waits for them before it listens (the tests).
         */
        @WithDefault("true")
        boolean startInBackground();

        /** The embedded store is compacted while it runs once its file is larger than this… */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize compactAbove();

        /** …and less than this share (percent) of it holds live data. */
        @WithDefault("50")
        int compactBelowFillRate();
    }

    interface Seed {
        /** {@code classpath:seeds} for the packaged bundle, or a filesystem directory. */
        @WithDefault("classpath:seeds")
        String location();

        /** Import the bundle at start when the database does not hold it yet. */
        @WithDefault("true")
        boolean onStart();

        /** Stop the process once the import is done (the Kubernetes seed Job). */
        @WithDefault("false")
        boolean exitAfterImport();
    }

    /** Bounds on what one request may ask for and use; see docs/limits.md. */
    Limits limits();

    /** Per-client request rate limiting; see docs/limits.md. */
    RateLimit rateLimit();

    /** Shared caching of anonymous GET /graphql queries; see docs/data-out.md. */
    Cache cache();

    interface Cache {
        /**
         * How long a shared cache (a CDN) may serve an anonymous GET query's answer without asking
         * again ({@code Cache-Control: public, max-age}); after it, it revalidates with the ETag.
         */
        @WithDefault("60s")
        Duration maxAge();
    }

    interface Limits {

        /** WebSocket connections (for subscriptions) one client IP may hold open; more are answered 429. */
        @WithDefault("4")
        int websocketsPerClient();

        /** Subscriptions one WebSocket connection may hold at once. */
        @WithDefault("16")
        int subscriptionsPerConnection();

        /** How many exports (GET /export/...) may stream at once; more are answered 429. */
        @WithDefault("2")
        int concurrentExports();

        /**
         * The largest bundle an import accepts, in bytes: what POST /import receives (all files, or the
         * zip), and again what it holds once unpacked.
         */
        @WithDefault("67108864")
        long importBytes();

        /** The most files a bundle may have: parts of POST /import, or entries of its zip. */
        @WithDefault("100")
        int importFiles();

        /**
         * The most figures (rows of observations.csv) a bundle imported over the API may have: an import
         * reads and checks a bundle whole before it writes, so its memory grows with its rows.
         */
        @WithDefault("250000")
        int importRows();

        /** Largest estimated number of objects an operation may request, computed before it runs. */
        @WithDefault("200000")
        long cost();

        /** Objects a request may actually resolve before it is stopped. */
        @WithDefault("20000")
        long rows();

        /** Time a request may run before it is stopped. */
        @WithDefault("5s")
        Duration time();

        /** Deepest nesting of fields in an operation (introspection fields not counted). */
        @WithDefault("10")
        int depth();

        /** Aliased fields in one document. */
        @WithDefault("30")
        int aliases();

        /** Directives in one document. */
        @WithDefault("50")
        int directives();

        /** Fields in one document once its fragments are expanded. */
        @WithDefault("2000")
        int fields();

        /** Lexical tokens in one document. */
        @WithDefault("5000")
        int tokens();

        /** Bytes in one request body. */
        @WithDefault("65536")
        int bodyBytes();

        /** Largest page a connection returns (the first argument). */
        @WithDefault("100")
        int pageSize();

        /** Items in one list argument, such as filter.regionCodes. */
        @WithDefault("1000")
        int listItems();

        /** GraphQL requests executed at once. */
        @WithDefault("8")
        int concurrency();

        /** GraphQL requests waiting for an executor; beyond it requests get SERVICE_UNAVAILABLE at once. */
        @WithDefault("256")
        int queue();

        /** An estimate over this makes a request large: it runs on the large-request threads. */
        @WithDefault("50000")
        long heavyCost();

        /** Large GraphQL requests executed at once. */
        @WithDefault("1")
        int heavyConcurrency();

        /** Large GraphQL requests waiting; beyond it they get SERVICE_UNAVAILABLE at once. */
        @WithDefault("16")
        int heavyQueue();

        /**
         * Longest wait in the queue before a request gets SERVICE_UNAVAILABLE (large requests: a tenth of it). A timer answers
         * at that moment, however long the queue.
         */
        @WithDefault("10s")
        Duration queueTimeout();
    }

    interface RateLimit {
        /** Whether requests to /graphql are rate limited per client IP. */
        @WithDefault("false")
        boolean enabled();

        /** Requests a client may send per period. */
        @WithDefault("600")
        int requests();

        /** The period over which requests are counted. */
        @WithDefault("60s")
        Duration period();
    }
}
