package org.minsheng.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.observation.ChangeAction;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationEvent;
import org.minsheng.observation.ObservationState;
import org.minsheng.persistence.Queries;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.region.RegionAncestorEntity;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionEntity;
import org.minsheng.vocabulary.Theme;

/**
 * Reads what matching and delivering a batch of changes needs, once for every subscription: each
 * figure's indicator (its theme and unit), its region's ancestors, its revision, and the figure
 * itself where its event was trimmed.
 */
@ApplicationScoped
public class ChangeLookups {

    /** A change with what its matching and its answer need. */
    public record Known(ObservationEvent event, Observation observation, Revision revision, Facts after,
            Facts before) {
    }

    /** A state of the figure with its indicator's theme and its region's ancestors (itself included). */
    public record Facts(ObservationState state, Theme theme, Set<String> ancestors) {
    }

    @Transactional
    @ReadOnly
    public List<Known> know(List<ObservationEvent> events) {
        Set<String> indicatorCodes = new HashSet<>();
        Set<String> regionCodes = new HashSet<>();
        List<Long> revisionIds = new ArrayList<>();
        List<Long> trimmed = new ArrayList<>();
        for (ObservationEvent event : events) {
            for (ObservationState state : states(event)) {
                indicatorCodes.add(state.indicatorCode());
                regionCodes.add(state.regionCode());
            }
            if (event.revision() != null) {
                revisionIds.add(event.revision());
            }
            if (event.trimmed() && event.action() != ChangeAction.DELETED) {
                trimmed.add(event.id());
            }
        }
        Map<String, IndicatorEntity> indicators = new HashMap<>();
        Queries.em().createQuery("from IndicatorEntity i where i.code in :codes", IndicatorEntity.class)
                .setParameter("codes", indicatorCodes).getResultList().forEach(i -> indicators.put(i.code, i));
        Map<String, Set<String>> ancestors = new HashMap<>();
        Queries.em().createQuery("from RegionAncestorEntity a where a.regionCode in :codes", RegionAncestorEntity.class)
                .setParameter("codes", regionCodes).getResultList()
                .forEach(a -> ancestors.computeIfAbsent(a.regionCode, k -> new HashSet<>()).add(a.ancestorCode));
        Map<Long, Revision> revisions = new HashMap<>();
        if (!revisionIds.isEmpty()) {
            Queries.em().createQuery("from RevisionEntity v where v.id in :ids", RevisionEntity.class)
                    .setParameter("ids", revisionIds).getResultList().forEach(v -> revisions.put(v.id, v.toGraph()));
        }
        Map<Long, ObservationEntity> reread = new HashMap<>();
        if (!trimmed.isEmpty()) {
            Queries.em().createQuery("from ObservationEntity o where o.id in :ids", ObservationEntity.class)
                    .setParameter("ids", trimmed).getResultList().forEach(o -> reread.put(o.id, o));
        }
        List<Known> known = new ArrayList<>();
        for (ObservationEvent event : events) {
            IndicatorEntity indicator = indicators.get(event.state().indicatorCode());
            if (indicator == null) {
                continue; // its indicator went in the same import: the figure is gone with it
            }
            ObservationEntity entity = reread.get(event.id());
            if (entity == null) {
                entity = new ObservationEntity();
                event.state().applyTo(entity);
                entity.id = event.id();
                entity.version = event.state().version();
            }
            known.add(new Known(event, entity.toGraph(indicator), revisions.get(event.revision()),
                    facts(event.state(), indicators, ancestors),
                    event.before() == null ? null : facts(event.before(), indicators, ancestors)));
        }
        return known;
    }

    private static List<ObservationState> states(ObservationEvent event) {
        return event.before() == null ? List.of(event.state()) : List.of(event.state(), event.before());
    }

    private static Facts facts(ObservationState state, Map<String, IndicatorEntity> indicators,
            Map<String, Set<String>> ancestors) {
        IndicatorEntity indicator = indicators.get(state.indicatorCode());
        return new Facts(state, indicator == null ? null : indicator.theme,
                ancestors.getOrDefault(state.regionCode(), Set.of()));
    }
}
