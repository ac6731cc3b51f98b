package org.minsheng.seed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.security.Caller;

@GraphQLApi
public class ImportGraphQLApi {

    @Inject
    BundleImports imports;

    @Inject
    Caller caller;

    @Input("BundleFileInput")
    @Description("One file of a bundle.")
    public static class BundleFile {
        @NonNull
        @Description("Its path in the bundle: observations.csv, sources/article.txt.")
        public String path;
        @NonNull
        @Description("Its text (UTF-8).")
        public String content;
    }

    @Input("ImportBundleInput")
    @Description("A whole bundle, as in seeds/: regions.csv, sources.yaml, indicators.yaml, programs.yaml, "
            + "observations.csv and the source texts they name. Requests are limited in size "
            + "(minsheng.limits.body-bytes); POST /import takes larger bundles, or a zip.")
    public static class ImportBundle {
        @NonNull
        @Description("The bundle's files.")
        public List<@NonNull BundleFile> files;
        @DefaultValue("false")
        @Description("Check and count, and write nothing.")
        public Boolean dryRun;
        @Description("Why: recorded in the revision of every figure the import writes.")
        public String reason;
        @DefaultValue("false")
        @Description("Make the whole database the bundle's, deleting every source, figure, programme, indicator "
                + "and region it lacks. Without it an import replaces the figures of the sources it declares, "
                + "adds and updates the rest, and deletes nothing else.")
        public Boolean replaceAll;
    }

    @Name("ImportDeletion")
    @Description("Rows an import deletes, by type and source.")
    public record Deletion(
            @NonNull @Description("Observation, Source, Program, Indicator or Region.") String type,
            @Description("The source they belong to (null for regions and indicators).") String source,
            @NonNull @Description("How many.") int count,
            @NonNull @Description("The codes of the first 20 deleted rows keyed by code; empty for figures.") List<@NonNull String> codes) {

        static Deletion of(ImportResult.Deletion deletion) {
            return new Deletion(deletion.type(), deletion.source(), (int) deletion.count(), deletion.codes());
        }
    }

    @Name("ImportChanges")
    @Description("Rows an import created, changed, deleted and left as they were.")
    public record Changes(
            @NonNull @Description("Rows created.") int inserted,
            @NonNull @Description("Rows changed.") int updated,
            @NonNull @Description("Rows the bundle no longer has, deleted.") int deleted,
            @NonNull @Description("Rows left as they were.") int unchanged) {

        static Changes of(ImportResult.Changes changes) {
            return new Changes(changes.inserted(), changes.updated(), changes.deleted(), changes.unchanged());
        }
    }

    @Name("ImportBundlePayload")
    @Description("What an import did, or with dryRun would do.")
    public record Payload(
            @NonNull @Description("Whether nothing was written.") boolean dryRun,
            @NonNull @Description("The bundle's SHA-256.") String checksum,
            @NonNull @Description("The figures (observations.csv).") Changes observations,
            @NonNull @Description("All rows of all tables, figures included.") Changes allRows,
            @NonNull @Description("What the import deletes, by type and source.") List<@NonNull Deletion> deletions,
            @NonNull @Description("Files of the bundle that the import does not use.") List<@NonNull String> ignored) {

        static Payload of(BundleImports.Report report) {
            return new Payload(report.dryRun(), report.checksum(), Changes.of(report.observationChanges()),
                    Changes.of(report.changes()), report.deletions().stream().map(Deletion::of).toList(),
                    report.ignored());
        }
    }

    @Mutation("importBundle")
    @NonNull
    @Description("Imports a bundle (admin): the checks and the all-or-nothing transaction of the seed import; a "
            + "refused bundle is BAD_USER_INPUT with every \"file:line: reason\" in extensions.problems.")
    public Payload importBundle(@NonNull @Name("input") @Description("The bundle.") ImportBundle input) {
        String actor = caller.require(Caller.ADMIN).subject();
        List<UploadedBundle.Part> parts = new ArrayList<>();
        for (BundleFile file : input.files) {
            byte[] content = file.content.getBytes(StandardCharsets.UTF_8);
            parts.add(new UploadedBundle.Part(file.path, () -> new ByteArrayInputStream(content)));
        }
        try {
            return Payload.of(imports.importParts(parts, new BundleImports.Request(Boolean.TRUE.equals(input.dryRun),
                    Boolean.TRUE.equals(input.replaceAll) ? SeedWriter.Scope.ALL : SeedWriter.Scope.SOURCES,
                    new SeedWriter.Importer(actor, input.reason))));
        } catch (BundleRejectedException e) {
            throw new BundleRefusedException(e);
        }
    }
}
