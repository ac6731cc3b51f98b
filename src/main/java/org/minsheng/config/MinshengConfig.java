package org.minsheng.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under the {@code minsheng.} prefix. */
@ConfigMapping(prefix = "minsheng")
public interface MinshengConfig {

    /** Directory of the embedded H2 database files. */
    @WithDefault("./data")
    String dataDir();

    Seed seed();

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
}
