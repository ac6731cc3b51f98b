package org.minsheng.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.limits.Budgeted;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Catalogue;
import org.minsheng.persistence.Snapshot;
import org.minsheng.persistence.SqlRows;

/** Reads sources from the {@link Catalogue}: no statement. */
@ApplicationScoped
@Budgeted
public class SourceService implements NodeLoader, Catalogue.Part {

    private final Snapshot<SourceCatalogue> catalogue = Snapshot.of("sources", SourceCatalogue::read);

    @Override
    public Snapshot<?> snapshot() {
        return catalogue;
    }

    @Override
    public String type() {
        return SourceDocument.TYPE;
    }

    @Override
    public Optional<SourceDocument> find(String code) {
        return Optional.ofNullable(catalogue.get().byCode().get(code));
    }

    public Page<SourceDocument> list(SourceOrder order, PageRequest request) {
        return SourceOrder.keyset(order).page(catalogue.get().inCodeOrder(), request);
    }

    /** Sources by code; unknown codes left out. */
    public Map<String, SourceDocument> byCodes(List<String> codes) {
        return Batches.found(catalogue.get().byCode(), codes);
    }

    /** The sources for each code, in input order; null where a code is null or unknown. */
    public List<SourceDocument> inOrder(List<String> codes) {
        return Batches.inOrder(codes, catalogue.get().byCode(), null);
    }

    /** Every source, by code and in code order, as one immutable value (without the documents' full texts). */
    record SourceCatalogue(Map<String, SourceDocument> byCode, List<SourceDocument> inCodeOrder) {

        static SourceCatalogue read() {
            List<SourceDocument> all = SqlRows.list("select " + SourceEntity.COLUMNS + " from source order by code",
                    row -> SourceEntity.read(row).toGraph());
            Map<String, SourceDocument> byCode = new LinkedHashMap<>();
            all.forEach(source -> byCode.put(source.code(), source));
            return new SourceCatalogue(Map.copyOf(byCode), all);
        }
    }
}
