package org.minsheng.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.InputLists;
import org.minsheng.graphql.Node;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.IndicatorService;
import org.minsheng.program.ProgramService;
import org.minsheng.region.RegionService;
import org.minsheng.vocabulary.Pinyin;

/**
 * Finds regions, indicators and programmes by code, Chinese name, English name, pinyin (typed with
 * or without spaces and tone marks) and description, over the catalogue in memory (no statement;
 * the pinyin was computed at import). Each object's best field ranks it: an exact code or name first (4), then a prefix (3),
 * then a substring
 * (2), then a match in a description (1). Hits of equal rank are ordered by type (region, indicator,
 * programme), a region by its level from the province down, then by code.
 */
@ApplicationScoped
public class SearchService {

    @Inject
    RegionService regions;

    @Inject
    IndicatorService indicators;

    @Inject
    ProgramService programs;

    /** One searchable field of an object: its name in hits, its text, and whether it is a description. */
    private record Field(String name, String text, String compared, boolean description) {
    }

    /** An object with the fields search compares. */
    private record Candidate(SearchType type, int level, String code, Node node, List<Field> fields) {
    }

    private record Query(String text, String lower, String key) {

        static Query of(String text) {
            String stripped = text.strip();
            return new Query(stripped, stripped.toLowerCase(Locale.ROOT), Pinyin.key(stripped));
        }

        /** 4 exact, 3 prefix, 2 substring, 1 in a description, 0 no match. */
        int rank(Field field) {
            String compared = field.compared();
            if (compared == null || compared.isEmpty()) {
                return 0;
            }
            String wanted = field.name().equals("pinyin") ? key : lower;
            if (wanted.isEmpty() || !compared.contains(wanted)) {
                return 0;
            }
            if (field.description()) {
                return 1;
            }
            return compared.equals(wanted) ? 4 : compared.startsWith(wanted) ? 3 : 2;
        }
    }

    public List<SearchHit> search(String text, List<SearchType> types, int first) {
        if (text == null || text.isBlank()) {
            throw new BadUserInputException("search: text must not be blank");
        }
        int size = PageRequest.of(first, null).first();
        Query query = Query.of(text);
        List<SearchType> checked = InputLists.checked("types", types);
        if (checked != null && checked.contains(null)) {
            throw new BadUserInputException("types: null is not a search type");
        }
        Set<SearchType> wanted = checked == null ? EnumSet.allOf(SearchType.class)
                : checked.isEmpty() ? EnumSet.noneOf(SearchType.class) : EnumSet.copyOf(checked);
        List<Candidate> candidates = new ArrayList<>();
        if (wanted.contains(SearchType.REGION)) {
            candidates.addAll(regions());
        }
        if (wanted.contains(SearchType.INDICATOR)) {
            candidates.addAll(indicators());
        }
        if (wanted.contains(SearchType.PROGRAM)) {
            candidates.addAll(programs());
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Field best = null;
            int bestRank = 0;
            for (Field field : candidate.fields()) {
                int rank = query.rank(field);
                if (rank > bestRank) {
                    best = field;
                    bestRank = rank;
                }
            }
            if (best != null) {
                ranked.add(new Ranked(candidate, best, bestRank));
            }
        }
        return ranked.stream()
                .sorted(Comparator.comparingInt(Ranked::rank).reversed()
                        .thenComparing(r -> r.candidate().type())
                        .thenComparingInt(r -> r.candidate().level())
                        .thenComparing(r -> r.candidate().code()))
                .limit(size)
                .map(r -> new SearchHit(r.candidate().node(), r.field().name(), r.field().text(), r.rank()))
                .toList();
    }

    private record Ranked(Candidate candidate, Field field, int rank) {
    }

    private List<Candidate> regions() {
        return regions.all().stream()
                .map(r -> new Candidate(SearchType.REGION, r.level().ordinal(), r.code(), r, List.of(
                        field("code", r.code()), field("name", r.name()), field("nameEn", r.nameEn()),
                        new Field("pinyin", r.namePinyin(), r.nameKey(), false))))
                .toList();
    }

    private List<Candidate> indicators() {
        return indicators.all().stream()
                .map(i -> new Candidate(SearchType.INDICATOR, 0, i.code(), i, List.of(
                        field("code", i.code()), field("name", i.name()), field("nameEn", i.nameEn()),
                        new Field("pinyin", i.namePinyin(), i.nameKey(), false),
                        description("description", i.description()),
                        description("descriptionEn", i.descriptionEn()))))
                .toList();
    }

    private List<Candidate> programs() {
        return programs.all().stream()
                .map(p -> new Candidate(SearchType.PROGRAM, 0, p.code(), p, List.of(
                        field("code", p.code()), field("name", p.name()), field("nameEn", p.nameEn()),
                        new Field("pinyin", p.namePinyin(), p.nameKey(), false),
                        description("description", p.description()),
                        description("descriptionEn", p.descriptionEn()))))
                .toList();
    }

    private static Field field(String name, String text) {
        return new Field(name, text, text == null ? null : text.toLowerCase(Locale.ROOT), false);
    }

    private static Field description(String name, String text) {
        return new Field(name, text, text == null ? null : text.toLowerCase(Locale.ROOT), true);
    }
}
