package org.minsheng.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minsheng.persistence.Queries;

/** Every indicator, by code and in code order, as one immutable value. */
record IndicatorCatalogue(Map<String, Indicator> byCode, List<Indicator> inCodeOrder) {

    static IndicatorCatalogue read() {
        List<Indicator> all = Queries.em().createQuery("from IndicatorEntity i order by i.code", IndicatorEntity.class)
                .setHint("org.hibernate.readOnly", true).getResultStream().map(IndicatorEntity::toGraph).toList();
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        all.forEach(indicator -> byCode.put(indicator.code(), indicator));
        return new IndicatorCatalogue(Map.copyOf(byCode), all);
    }
}
