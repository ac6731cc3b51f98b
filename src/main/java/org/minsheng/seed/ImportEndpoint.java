package org.minsheng.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.ClientError;
import org.minsheng.http.JsonReplies;
import org.minsheng.http.RequestIds;
import org.minsheng.security.Bearer;
import org.minsheng.security.Caller;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /import} (admin): a bundle as multipart/form-data, one part per file (the part's
 * name, or else its file name, is the file's path in the bundle: observations.csv,
 * sources/article.txt), or a single zip. The import owns the sources the bundle declares; with
 * {@code ?replace=all} the whole database becomes the bundle's. {@code ?dryRun=true} checks, plans and
 * counts without writing; {@code ?reason=} is recorded in the revisions. The answer is JSON: what the
 * import did (what it deleted, by type and source; the files it did not use), or the error of the
 * contract: 401, 403, 400 with every "file:line: reason" in {@code extensions.problems}, 409 when
 * rows changed while it ran, 413 over {@code minsheng.limits.import-bytes} or {@code import-files},
 * 415 for a body that is not multipart.
 */
@ApplicationScoped
public class ImportEndpoint {

    private static final Logger LOG = Logger.getLogger(ImportEndpoint.class);

    private static final String PATH = "/import";

    @Inject
    MinshengConfig config;

    @Inject
    BundleImports imports;

    @Inject
    Bearer bearer;

    void register(@Observes Router router) {
        router.post(PATH).order(Integer.MIN_VALUE + 1).handler(this::receive);
        router.route(PATH).order(Integer.MIN_VALUE + 2).handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
            JsonReplies.error(ctx, 405, "BAD_USER_INPUT", "Send a bundle with POST " + PATH + " (multipart/form-data)");
        });
    }

    /**
     * Refuses what needs no body (a token, the media type, the parameters), then streams the parts to
     * disk within the limits, and then reads and imports them off the event loop.
     */
    private void receive(RoutingContext ctx) {
        if (!admitted(ctx)) {
            return;
        }
        MinshengConfig.Limits limits = config.limits();
        MultipartUpload.receive(ctx, new UploadedBundle.Limits(limits.importFiles(), limits.importBytes()))
                .onFailure(failure -> {
                    // The rest of the body is not read: the connection closes after the answer.
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    refuse(ctx, (ClientError) failure);
                })
                .onSuccess(upload -> ctx.vertx().executeBlocking(() -> {
                    try (upload) {
                        handle(ctx, upload);
                    }
                    return null;
                }, false));
    }

    /** Before the body is read: an admin's token, a multipart body, known parameters. */
    private boolean admitted(RoutingContext ctx) {
        try {
            bearer.verify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).require(Caller.ADMIN);
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                JsonReplies.error(ctx, 415, "BAD_USER_INPUT", "Send the bundle as multipart/form-data: one part per"
                        + " file, or a single zip");
                return false;
            }
            request(ctx, "-");
            return true;
        } catch (ClientError e) {
            refuse(ctx, e);
            return false;
        }
    }

    /** The import this request asks for; BAD_USER_INPUT for an unknown parameter or value. */
    private static BundleImports.Request request(RoutingContext ctx, String actor) {
        for (String name : ctx.queryParams().names()) {
            if (!List.of("dryRun", "replace", "reason").contains(name)) {
                throw new BadUserInputException("unknown parameter \"" + name + "\"; the parameters are dryRun, replace"
                        + " and reason");
            }
        }
        String dryRun = ctx.request().getParam("dryRun", "false");
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            throw new BadUserInputException("dryRun: \"" + dryRun + "\" is not true or false");
        }
        String replace = ctx.request().getParam("replace");
        if (replace != null && !replace.equals("all")) {
            throw new BadUserInputException("replace: \"" + replace + "\" is not a valid value; replace=all makes the"
                    + " whole database the bundle's, and without it the import replaces only its own sources");
        }
        String reason = ctx.request().getParam("reason");
        if (reason != null && reason.length() > 1000) {
            throw new BadUserInputException("reason: more than 1000 characters");
        }
        return new BundleImports.Request(dryRun.equals("true"), replace == null ? SeedWriter.Scope.SOURCES
                : SeedWriter.Scope.ALL, new SeedWriter.Importer(actor, reason));
    }

    private void handle(RoutingContext ctx, MultipartUpload upload) {
        try {
            String actor = bearer.verify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).require(Caller.ADMIN)
                    .subject();
            BundleImports.Request request = request(ctx, actor);
            BundleImports.Checked checked = imports.read(upload.parts());
            List<String> ignored = new ArrayList<>(checked.ignored());
            upload.fields().forEach(name -> ignored.add(name + " (a form field, not a file)"));
            answer(ctx, checked, request, ignored);
        } catch (BundleRejectedException e) {
            refuse(ctx, new BundleRefusedException(e));
        } catch (ClientError e) {
            refuse(ctx, e);
        } catch (RuntimeException | Error e) {
            JsonReplies.internal(ctx, e, "Import " + RequestIds.of(ctx) + " failed");
        }
    }

    /** Writes run here, one at a time (an import holds the seed lock anyway), off the HTTP workers. */
    private final ExecutorService writers = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bundle-import");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    /**
     * The import's answer, once the write ends. A write that takes longer than {@link #KEEP_ALIVE} is
     * answered 200 at once and kept alive with a space every {@link #KEEP_ALIVE} (leading spaces are
     * valid JSON), so that the HTTP idle timeout does not cut a long import's answer; its outcome,
     * success or error, is then the body. No thread waits for it.
     */
    private void answer(RoutingContext ctx, BundleImports.Checked checked, BundleImports.Request request,
            List<String> ignored) {
        boolean[] started = { false };
        long timer = ctx.vertx().setPeriodic(KEEP_ALIVE.toMillis(), id -> {
            if (!started[0]) {
                ctx.response().setChunked(true).setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE,
                        "application/json");
                started[0] = true;
            }
            if (!ctx.response().closed()) {
                ctx.response().write(" ");
            }
        });
        CompletableFuture.supplyAsync(() -> imports.write(checked, request), writers).whenComplete((report, failure) -> ctx
                .vertx().runOnContext(v -> {
                    ctx.vertx().cancelTimer(timer);
                    if (failure == null) {
                        finish(ctx, started[0], 200, body(report, ignored));
                        return;
                    }
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause()
                            : failure;
                    if (cause instanceof ClientError client) {
                        finish(ctx, started[0], JsonReplies.status(client), JsonReplies.errors(JsonReplies.errorOf(client)));
                        return;
                    }
                    LOG.errorf(cause, "Import %s failed", RequestIds.of(ctx));
                    finish(ctx, started[0], 500, JsonReplies.errors(JsonReplies.internalError(ctx)));
                }));
    }

    private static Map<String, Object> body(BundleImports.Report report, List<String> ignored) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", report.dryRun());
        body.put("replace", report.scope() == SeedWriter.Scope.ALL ? "all" : "sources");
        body.put("checksum", report.checksum());
        body.put("observations", changes(report.observationChanges()));
        body.put("allRows", changes(report.changes()));
        List<Map<String, Object>> deletions = new ArrayList<>();
        for (ImportResult.Deletion deletion : report.deletions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", deletion.type());
            entry.put("source", deletion.source());
            entry.put("count", deletion.count());
            if (!deletion.codes().isEmpty()) {
                entry.put("codes", deletion.codes());
            }
            deletions.add(entry);
        }
        body.put("deletions", deletions);
        body.put("ignored", ignored);
        return body;
    }

    private static void finish(RoutingContext ctx, boolean started, int status, Map<String, Object> body) {
        if (started) {
            ctx.response().end(io.vertx.core.json.Json.encode(body));
        } else {
            JsonReplies.json(ctx, status, body);
        }
    }

    private static Map<String, Integer> changes(ImportResult.Changes changes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("inserted", changes.inserted());
        counts.put("updated", changes.updated());
        counts.put("deleted", changes.deleted());
        counts.put("unchanged", changes.unchanged());
        return counts;
    }

    private static void refuse(RoutingContext ctx, ClientError error) {
        JsonReplies.error(ctx, JsonReplies.status(error), error);
    }
}
