package org.minsheng.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Row counts of every table and a digest of the figures, to tell whether anything was written. */
public record DatabaseSnapshot(Map<String, Long> counts, List<Object[]> observations, Long latestImport) {

    private static final List<String> ENTITIES = List.of("RegionEntity", "RegionAncestorEntity", "SourceEntity",
            "IndicatorEntity", "ProgramEntity", "ProgramRegionEntity", "ProgramIndicatorEntity", "ObservationEntity",
            "SeedImportEntity");

    public static DatabaseSnapshot take() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String entity : ENTITIES) {
                counts.put(entity, Panache.getEntityManager()
                        .createQuery("select count(*) from " + entity, Long.class).getSingleResult());
            }
            List<Object[]> observations = Panache.getEntityManager().createQuery(
                    "select o.id, o.indicatorCode, o.regionCode, o.value, o.qualifier, o.quote from ObservationEntity o order by o.id",
                    Object[].class).getResultList();
            Long latest = Panache.getEntityManager()
                    .createQuery("select max(s.id) from SeedImportEntity s", Long.class).getSingleResult();
            return new DatabaseSnapshot(counts, observations, latest);
        });
    }

    public boolean sameAs(DatabaseSnapshot other) {
        if (!counts.equals(other.counts) || !java.util.Objects.equals(latestImport, other.latestImport)
                || observations.size() != other.observations.size()) {
            return false;
        }
        for (int i = 0; i < observations.size(); i++) {
            if (!java.util.Arrays.equals(observations.get(i), other.observations.get(i))) {
                return false;
            }
        }
        return true;
    }
}
