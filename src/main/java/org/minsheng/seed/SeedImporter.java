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

    /**
     * Imports the bundle unless the database already holds this exact bundle; when its latest import is
     * this bundle, unchanged, that is known without parsing the bundle ({@link SeedWriter#held}).
     */
    public ImportResult importBundle(BundleLocation location) {
        return writer.held(location).orElseGet(() -> writer.write(BundleReader.read(location), false));
    }
}
