package org.minsheng.program;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Edge;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;
import org.minsheng.indicator.Indicator;
import org.minsheng.region.Region;
import org.minsheng.revision.Revision;
import org.minsheng.revision.RevisionService;
import org.minsheng.security.Caller;
import org.minsheng.source.SourceDocument;
import org.minsheng.source.SourceService;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;
import org.minsheng.vocabulary.Languages;
import org.minsheng.vocabulary.Theme;

/**
 * The GraphQL API of programmes: its queries and fields, its mutations (each write recorded as a revision), and
 * the types only this API uses: the mutations' payloads and the connection and edge of its pages.
 */
@GraphQLApi
public class ProgramGraphQLApi {
    @Inject
    Caller identity;

    @Inject
    RevisionService revisions;

    @Inject
    ProgramWriter writer;

    @Inject
    ProgramService programs;

    @Inject
    SourceService sources;

    @Inject
    CallerLanguage caller;

    @Name("name")
    @NonNull
    @Description("The name in the caller's language; the Chinese name where there is no English one.")
    public String name(@Source Program program,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), program.name(), program.nameEn());
    }

    @Name("description")
    @Description("What the programme does, in the caller's language; the Chinese text where there is no English one.")
    public String description(@Source Program program,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return Languages.pick(caller.resolve(language), program.description(), program.descriptionEn());
    }

    @Query("program")
    @Description("The programme with this code, or null when there is none.")
    public Program program(@NonNull @Name("code") @Description("Programme slug code, e.g. \"sanzhi-yifu\".") String code) {
        return programs.find(code).orElse(null);
    }

    @Query("programs")
    @NonNull
    @Description("Programmes in code order (or orderBy), optionally narrowed by theme, kind, a day they run on and a region they run in.")
    public ProgramConnection programs(
            @Name("theme") @Description("Only programmes of this theme.") Theme theme,
            @Name("regionCode") @Description("Only programmes that run in this region: covering it, a region above it, or part of it.") String regionCode,
            @Name("kind") @Description("Only programmes of this kind.") ProgramKind kind,
            @Name("activeOn") @Description("Only programmes running on this day: started on or before it, and not "
                    + "ended before it. A programme whose start the source does not give is left out, since nothing "
                    + "says it was running then.") LocalDate activeOn,
            @Name("orderBy") @Description("How to order the programmes; by code unless given.") ProgramOrder orderBy,
            @Name("first") @DefaultValue(PageRequest.DEFAULT_FIRST_ARGUMENT) @Description(PageRequest.FIRST_DESCRIPTION) Integer first,
            @Name("after") @Description(PageRequest.AFTER_DESCRIPTION) String after) {
        return new ProgramConnection(programs.list(theme, regionCode, kind, activeOn, orderBy, PageRequest.of(first, after)));
    }

    @Name("programs")
    @NonNull
    @Description("Programmes that run in this region: those covering it or a region above it (province-wide ones "
            + "included), and those covering part of it. In code order.")
    public List<@NonNull Program> regionPrograms(@Source Region region) {
        return programs.forRegion(region);
    }

    @Name("programs")
    @NonNull
    @Description("Programmes that move this indicator, in code order.")
    public List<@NonNull Program> indicatorPrograms(@Source Indicator indicator) {
        return programs.forIndicator(indicator);
    }

    @Name("regions")
    @NonNull
    @Description("The regions the programme covers, in code order; the province when it runs everywhere.")
    public List<@NonNull Region> regions(@Source Program program) {
        return programs.regions(program);
    }

    @Name("indicators")
    @NonNull
    @Description("The indicators the programme moves, in code order.")
    public List<@NonNull Indicator> indicators(@Source Program program) {
        return programs.indicators(program);
    }

    @Name("source")
    @Description("The publication the programme is described in.")
    public SourceDocument source(@Source Program program) {
        return program.sourceCode() == null ? null : sources.find(program.sourceCode()).orElse(null);
    }

    @Mutation("createProgram")
    @NonNull
    @Description("Adds a programme (editor).")
    public CreatePayload createProgram(
            @NonNull @Name("input") @Description("What to write.") ProgramInputs.Create input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new CreatePayload(writer.create(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("updateProgram")
    @NonNull
    @Description("Changes a programme (editor). CONFLICT when version is not the current one.")
    public UpdatePayload updateProgram(
            @NonNull @Name("input") @Description("What to write.") ProgramInputs.Update input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new UpdatePayload(writer.update(input, actor).toGraph(), input.clientMutationId);
    }

    @Mutation("deleteProgram")
    @NonNull
    @Description("Deletes a programme and its links (editor). CONFLICT when version is not the current one.")
    public DeletePayload deleteProgram(
            @NonNull @Name("input") @Description("What to write.") ProgramInputs.Delete input) {
        String actor = identity.require(Caller.EDITOR).subject();
        return new DeletePayload(GlobalId.encode(Program.TYPE, writer.delete(input, actor)),
                input.clientMutationId);
    }

    @Name("revisions")
    @NonNull
    @Description("Every write of this programme through the API, oldest first.")
    public List<@NonNull List<@NonNull Revision>> revisions(@Source List<Program> list) {
        return revisions.forObjects(Program.TYPE, list.stream().map(Program::code).toList());
    }

    @Name("CreateProgramPayload")
    @Description("The programme created.")
    public record CreatePayload(@NonNull @Description("The new programme.") Program program,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("UpdateProgramPayload")
    @Description("The programme as it is now.")
    public record UpdatePayload(@NonNull @Description("The programme after the update.") Program program,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Name("DeleteProgramPayload")
    @Description("The programme deleted.")
    public record DeletePayload(@NonNull @Id @Description("The global ID of the deleted programme.") String deletedProgramId,
            @Description("The clientMutationId sent.") String clientMutationId) {
    }

    @Description("A page of programmes, in code order.")
    public static class ProgramConnection extends Connection<Program, ProgramEdge> {

        public ProgramConnection(Page<Program> page) {
            super(page, ProgramEdge::new);
        }
    }

    @Description("A programme with its cursor.")
    public static class ProgramEdge extends Edge<Program> {

        public ProgramEdge(String cursor, Program node) {
            super(cursor, node);
        }
    }
}
