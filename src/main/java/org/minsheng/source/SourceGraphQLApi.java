package org.minsheng.source;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.minsheng.graphql.PageRequest;

@GraphQLApi
public class SourceGraphQLApi {

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
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new SourceConnection(sources.list(PageRequest.of(first, after)));
    }
}
