package org.minsheng.bench.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;

/** W1 and W3 as the framework's guides would write them: a query each, one IN query per batched field. */
@GraphQLApi
public class FloorApi {

    @Query
    @Transactional
    public Region region(String code) {
        return Region.findById(code);
    }

    @Query
    @Transactional
    public Observation.Page observations(@DefaultValue("20") int first) {
        int size = Math.min(first, 100);
        return new Observation.Page(size <= 0 ? List.of()
                : Observation.<Observation> findAll(Sort.by("id")).range(0, size - 1).list());
    }

    @Transactional
    public List<Region> parent(@org.eclipse.microprofile.graphql.Source List<Region> regions) {
        return byKey(regions, r -> r.parentCode, codes -> Region.list("code in ?1", codes), r -> r.code);
    }

    @Name("indicator")
    @Transactional
    public List<Indicator> observationIndicator(@org.eclipse.microprofile.graphql.Source List<Observation> observations) {
        return byKey(observations, o -> o.indicatorCode, codes -> Indicator.list("code in ?1", codes), i -> i.code);
    }

    @Name("region")
    @Transactional
    public List<Region> observationRegion(@org.eclipse.microprofile.graphql.Source List<Observation> observations) {
        return byKey(observations, o -> o.regionCode, codes -> Region.list("code in ?1", codes), r -> r.code);
    }

    @Name("source")
    @Transactional
    public List<Source> observationSource(@org.eclipse.microprofile.graphql.Source List<Observation> observations) {
        return byKey(observations, o -> o.sourceCode, codes -> Source.list("code in ?1", codes),
                s -> s.code);
    }

    /** For each item, the row its key names (null for none), read with one IN query. */
    private static <T, R extends PanacheEntityBase> List<R> byKey(List<T> items, Function<T, String> key,
            Function<List<String>, List<R>> load, Function<R, String> keyOfRow) {
        List<String> keys = items.stream().map(key).filter(Objects::nonNull).distinct().toList();
        Map<String, R> rows = keys.isEmpty() ? Map.of()
                : load.apply(keys).stream().collect(Collectors.toMap(keyOfRow, Function.identity()));
        return items.stream().map(item -> key.apply(item) == null ? null : rows.get(key.apply(item))).toList();
    }
}
