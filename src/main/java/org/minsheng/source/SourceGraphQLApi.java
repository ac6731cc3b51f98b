package org.minsheng.source;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.graphql.PageRequest;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;

@GraphQLApi
public class SourceGraphQLApi {

    @Inject
    CallerLanguage caller;

    @Name("title")
    @NonNull
    @Description("The title in the caller's language: as published, or its English rendering where there is one.")
    public String title(@Source SourceDocument source,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), source.title(), source.titleEn());
    }

    @Inject
    SourceService sources;

    @Query("source")
    @Description("The source with this code, or null when there is none.")
    public SourceDocument source(@NonNull @Name("code") @Description("Source slug code.") String code) {
        return sources.find(code).orElse(null);
    }

    @Query("sources")
    @NonNull
    @Description("All sources, in code order.")
    public SourceConnection sources(
            @Name("orderBy") @Description("How to order the sources; by code unless given.") SourceOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new SourceConnection(sources.list(orderBy, PageRequest.of(first, after)));
    }
}
