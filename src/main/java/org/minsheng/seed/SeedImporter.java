package org.minsheng.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads and validates a bundle, then writes it: a bundle with any problem never reaches the database.
 * The writer announces the change ({@link org.minsheng.persistence.DataChanged}).
 */
@ApplicationScoped
public class SeedImporter {

    @Inject
    SeedWriter writer;

    /** Imports the bundle unless the database already holds this exact bundle. */
    public ImportResult importBundle(BundleLocation location) {
        return writer.write(BundleReader.read(location), false);
    }
}
