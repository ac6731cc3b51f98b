package org.minsheng.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.minsheng.graphql.NodeLoader;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.persistence.Batches;
import org.minsheng.persistence.Jpql;
import org.minsheng.persistence.ReadOnly;
import org.minsheng.vocabulary.Theme;

@ApplicationScoped
@Transactional
@ReadOnly
public class IndicatorService implements NodeLoader {

    private static final String FROM = "from IndicatorEntity i";

    @Override
    public String type() {
        return Indicator.TYPE;
    }

    @Override
    public Optional<Indicator> find(String code) {
        return IndicatorEntity.<IndicatorEntity> findByIdOptional(code).map(IndicatorEntity::toGraph);
    }

    public Page<Indicator> list(Theme theme, String search, PageRequest request) {
        Jpql query = Jpql.from(FROM).where("i.theme = :theme", "theme", theme);
        if (search != null && !search.isBlank()) {
            String text = search.strip().toLowerCase(Locale.ROOT);
            query = query.where("(i.name like :text escape '\\' or lower(i.nameEn) like :text escape '\\'"
                    + " or i.code like :text escape '\\')", "text", "%" + Jpql.likeLiteral(text) + "%");
        }
        return query.page(IndicatorEntity.class, "i", "i.code", request.afterKey(), request,
                IndicatorEntity::toGraph, Indicator::code);
    }

    public Map<String, Indicator> byCodes(List<String> codes) {
        return Batches.<String, IndicatorEntity> chunked(codes, chunk -> IndicatorEntity.list("code in ?1", chunk))
                .stream().map(IndicatorEntity::toGraph)
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
    }

    /** The indicators for each code, in input order; null where a code is null or unknown. */
    public List<Indicator> inOrder(List<String> codes) {
        return Batches.inOrder(codes, byCodes(codes.stream().filter(java.util.Objects::nonNull).toList()), null);
    }
}
