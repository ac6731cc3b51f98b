package org.minsheng.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.minsheng.persistence.DataChanged;

/** Reads and validates a bundle, then writes it: a bundle with any problem never reaches the database. */
@ApplicationScoped
public class SeedImporter {

    @Inject
    SeedWriter writer;

    @Inject
    Event<DataChanged> changed;

    /** Imports the bundle unless the database already holds this exact bundle. */
    public ImportResult importBundle(BundleLocation location) {
        return announce(writer.write(BundleReader.read(location), false));
    }

    private ImportResult announce(ImportResult result) {
        if (result.imported() && !result.changes().none()) {
            changed.fire(new DataChanged("seed import of " + result.location()));
        }
        return result;
    }
}
