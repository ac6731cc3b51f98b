package org.minsheng.revision;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;

/**
 * What the data's state is known by: the latest seed import and the latest write through the API,
 * both read from the database, so every replica gives the same answer. Exports and cached GraphQL
 * reads make their ETags of it: it changes whenever the data do. (A change made in the database by
 * hand, outside the service, does not change it.)
 */
@ApplicationScoped
public class DataVersion {

    @ReadOnly
    public String current() {
        Object[] latest = Queries.em().createQuery("select (select max(s.id) from SeedImportEntity s),"
                + " (select max(v.id) from RevisionEntity v) from SeedLockEntity l", Object[].class).getSingleResult();
        return latest[0] + "/" + latest[1];
    }
}
