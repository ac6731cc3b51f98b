package org.minsheng.search;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class SearchGraphQLApi {

    @Inject
    SearchService search;

    @Query("search")
    @NonNull
    @Description("Regions, indicators and programmes whose code, Chinese name, English name, pinyin (with or without "
            + "spaces and tone marks: \"chifeng\", \"Chi Feng\", \"Chì Fēng\") or description contains the text. "
            + "Best first: an exact code or name, then a prefix, then a substring, then a description; equal ranks "
            + "by type (region, indicator, programme), a region's level from the province down, then code.")
    public List<@NonNull SearchHit> search(
            @NonNull @Name("text") @Description("What to look for.") String text,
            @Name("types") @Description("Only these kinds of object; all kinds unless given.") List<SearchType> types,
            @Name("first") @DefaultValue("20") @Description("How many hits, 0 to 100.") Integer first) {
        return search.search(text, types, first == null ? 20 : first);
    }
}
