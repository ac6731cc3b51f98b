package org.minsheng.region;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Edge;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;

/**
 * The GraphQL API of regions: its queries and fields, its mutations (each write recorded as a revision), and
 * the types only this API uses: the mutations' payloads and the connection and edge of its pages.
 */
@GraphQLApi
public class RegionGraphQLApi {
    @Inject
    Caller identity;

    @Inject
    RevisionService revisions;

    @Inject
    RegionWriter writer;

    @Inject
    RegionService regions;

    @Inject
    CallerLanguage caller;

    @Name("name")
    @NonNull
    @Description("The name in the caller's language: in Chinese as the Bureau of Statistics gives it; in English the "
            + "established English name, else the pinyin of the Chinese name.")
    public String name(@Source Region region,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        if (caller.resolve(language) == Language.ZH) {
            return region.name();
        }
        return region.nameEn() != null ? region.nameEn() : Languages.capitalized(region.nameKey());
    }

    @Query("region")
    @Description("The region with this statistical division code, or null when there is none.")
    public Region region(
            @NonNull @Name("code") @Description("Statistical division code, e.g. \"150000\" or \"150403103\".") String code) {
        return regions.find(code).orElse(null);
    }

    @Query("regions")
    @NonNull
    @Description("Regions in code order (or orderBy), optionally narrowed by level, parent and a search text.")
    public RegionConnection regions(
            @Name("level") @Description("Only regions of this level.") RegionLevel level,
            @Name("parentCode") @Description("Only the direct children of the region with this code.") String parentCode,
            @Name("search") @Description("Text found in the Chinese or English name, or the start of the code.") String search,
            @Name("orderBy") @Description("How to order the regions; by code unless given.") RegionOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new RegionConnection(regions.list(level, parentCode, search, orderBy, PageRequest.of(first, after)));
    }

    @Name("parent")
    @Description("The region this one belongs to; null for the province.")
    public Region parent(@Source Region child) {
        return regions.parent(child);
    }

    @Name("children")
    @NonNull
    @Description("The regions directly below this one, in code order.")
    public List<@NonNull Region> children(@Source Region parent) {
        return regions.children(parent);
    }

    @Name("ancestors")
    @NonNull
    @Description("The regions above this one, the province first; empty for the province.")
    public List<@NonNull Region> ancestors(@Source Region descendant) {
        return regions.ancestors(descendant.code());
    }

    @Mutation("createRegion")
    @NonNull
    @Description("Adds a division under its parent (admin).")
    public CreatePayload createRegion(
            @NonNull @Name("input") @Description("What to write.") RegionInputs.Create input) {
        String actor = identity.require(Caller.ADMIN).subject();
        return new CreatePayload(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateRegion")
    @NonNull
    @Description("Fixes a region's names (admin). CONFLICT when version is not the current one.")
    public UpdatePayload updateRegion(
            @NonNull @Name("input") @Description("What to write.") RegionInputs.Update input) {
        String actor = identity.require(Caller.ADMIN).subject();
        return new UpdatePayload(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this region through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Region> list) {
        return revisions.forObjects(Region.TYPE, list.stream().map(Region::code).toList());
    }

    @Name("CreateRegionPayload")
    @Description("The region created.")
    public record CreatePayload(@NonNull @Description("The new region.") Region region,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateRegionPayload")
    @Description("The region as it is now.")
    public record UpdatePayload(@NonNull @Description("The region after the update.") Region region,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Description("A page of regions, in code order.")
    public static class RegionConnection extends Connection<Region, RegionEdge> {

        public RegionConnection(Page<Region> page) {
            super(page, RegionEdge::new);
        }
    }

    @Description("A region with its cursor.")
    public static class RegionEdge extends Edge<Region> {

        public RegionEdge(String cursor, Region node) {
            super(cursor, node);
        }
    }
}
