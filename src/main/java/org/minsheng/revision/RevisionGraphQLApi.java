package org.minsheng.revision;

import java.time.Instant;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.minsheng.graphql.PageRequest;

@GraphQLApi
public class RevisionGraphQLApi {

    @Inject
    RevisionService revisions;

    @Query("changes")
    @NonNull
    @Description("Every write through the API made at or after a moment, oldest first: a change feed to poll "
            + "with the last cursor.")
    public RevisionConnection changes(
            @NonNull @Name("since") @Description("The moment (ISO 8601 with an offset, e.g. 2026-11-29T12:00:00Z).") Instant since,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new RevisionConnection(revisions.since(since, PageRequest.of(first, after)));
    }
}
