package org.minsheng.indicator;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.minsheng.graphql.PageRequest;
import org.minsheng.vocabulary.Theme;

@GraphQLApi
public class IndicatorGraphQLApi {

    @Inject
    IndicatorService indicators;

    @Query("indicator")
    @Description("The indicator with this code, or null when there is none.")
    public Indicator indicator(
            @NonNull @Name("code") @Description("Dotted indicator code, e.g. \"employment.urban_new_jobs\".") String code) {
        return indicators.find(code).orElse(null);
    }

    @Query("indicators")
    @NonNull
    @Description("Indicators in code order, optionally narrowed by theme and a search text.")
    public IndicatorConnection indicators(
            @Name("theme") @Description("Only indicators of this theme.") Theme theme,
            @Name("search") @Description("Text found in the code or the Chinese or English name.") String search,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new IndicatorConnection(indicators.list(theme, search, PageRequest.of(first, after)));
    }
}
