package org.minsheng.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minsheng.persistence.Queries;

/** Every source, by code and in code order, as one immutable value (without the documents' full texts). */
record SourceCatalogue(Map<String, SourceDocument> byCode, List<SourceDocument> inCodeOrder) {

    static SourceCatalogue read() {
        List<SourceDocument> all = Queries.em().createQuery("from SourceEntity s order by s.code", SourceEntity.class)
                .setHint("org.hibernate.readOnly", true).getResultStream().map(SourceEntity::toGraph).toList();
        Map<String, SourceDocument> byCode = new LinkedHashMap<>();
        all.forEach(source -> byCode.put(source.code(), source));
        return new SourceCatalogue(Map.copyOf(byCode), all);
    }
}
