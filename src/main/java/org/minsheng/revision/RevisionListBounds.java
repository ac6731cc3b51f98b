package org.minsheng.revision;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.limits.ListBounds;
import org.minsheng.persistence.Queries;

/** The unpaged list of revisions: the most revisions of any one object. */
@ApplicationScoped
@Transactional
public class RevisionListBounds implements ListBounds {

    @Override
    public Map<String, Integer> read() {
        int revisions = Queries.largestGroup("select count(*) from revision group by entity_type, entity_key");
        return Map.of("Observation.revisions", revisions);
    }
}
