package org.minsheng.indicator;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.graphql.PageRequest;
import org.minsheng.region.Region;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;
import org.minsheng.vocabulary.Theme;

@GraphQLApi
public class IndicatorGraphQLApi {

    @Inject
    IndicatorService indicators;

    @Inject
    CallerLanguage caller;

    @Name("indicators")
    @NonNull
    @Description("The indicators with data for this region (or, with withinSubtree, for it or any region below it), "
            + "in code order (or orderBy).")
    public List<@NonNull IndicatorConnection> regionIndicators(@Source List<Region> list,
            @Name("withinSubtree") @DefaultValue("false") @Description("Also count data of the regions below this one.") boolean withinSubtree,
            @Name("orderBy") @Description("How to order the indicators; by code unless given.") IndicatorOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description("Page size per region, 0 to 100.") Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        PageRequest request = PageRequest.of(first, after);
        return indicators.forRegions(list.stream().map(Region::code).toList(), withinSubtree, orderBy, request).stream()
                .map(IndicatorConnection::new).toList();
    }

    @Name("name")
    @NonNull
    @Description("The name in the caller's language; the Chinese name where there is no English one.")
    public String name(@Source Indicator indicator,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), indicator.name(), indicator.nameEn());
    }

    @Name("description")
    @Description("What the indicator counts and how, in the caller's language; the Chinese text where there is no "
            + "English one.")
    public String description(@Source Indicator indicator,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), indicator.description(), indicator.descriptionEn());
    }

    @Query("indicator")
    @Description("The indicator with this code, or null when there is none.")
    public Indicator indicator(
            @NonNull @Name("code") @Description("Dotted indicator code, e.g. \"employment.urban_new_jobs\".") String code) {
        return indicators.find(code).orElse(null);
    }

    @Query("indicators")
    @NonNull
    @Description("Indicators in code order (or orderBy), optionally narrowed by theme and a search text.")
    public IndicatorConnection indicators(
            @Name("theme") @Description("Only indicators of this theme.") Theme theme,
            @Name("search") @Description("Text found in the code or the Chinese or English name.") String search,
            @Name("orderBy") @Description("How to order the indicators; by code unless given.") IndicatorOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new IndicatorConnection(indicators.list(theme, search, orderBy, PageRequest.of(first, after)));
    }
}
