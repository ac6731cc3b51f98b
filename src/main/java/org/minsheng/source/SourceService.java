package org.minsheng.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.ReadOnly;

@ApplicationScoped
@ReadOnly
public class SourceService implements NodeLoader {

    @Override
    public String type() {
        return SourceDocument.TYPE;
    }

    @Override
    public Optional<SourceDocument> find(String code) {
        return SourceEntity.<SourceEntity> findByIdOptional(code).map(SourceEntity::toGraph);
    }

    public Page<SourceDocument> list(SourceOrder order, PageRequest request) {
        return Jpql.from("from SourceEntity s").page(SourceEntity.class, "s", SourceOrder.keyset(order), request,
                SourceEntity::toGraph);
    }

    public Map<String, SourceDocument> byCodes(List<String> codes) {
        return Batches.byIds(SourceEntity.class, codes)
                .stream().map(SourceEntity::toGraph)
                .collect(Collectors.toMap(SourceDocument::code, Function.identity()));
    }

    /** The sources for each code, in input order; null where a code is null or unknown. */
    public List<SourceDocument> inOrder(List<String> codes) {
        return Batches.inOrder(codes, byCodes(codes.stream().filter(java.util.Objects::nonNull).toList()), null);
    }
}
