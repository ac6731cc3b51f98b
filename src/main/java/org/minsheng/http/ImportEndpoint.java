package org.minsheng.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.ClientError;
import org.minsheng.security.Caller;
import org.minsheng.seed.BundleImports;
import org.minsheng.seed.BundleRefusedException;
import org.minsheng.seed.BundleRejectedException;
import org.minsheng.seed.SeedBundle;
import org.minsheng.seed.SeedWriter;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /import} (admin): a bundle as multipart/form-data, one part per file (the part's
 * name, or else its file name, is the file's path in the bundle: observations.csv,
 * sources/article.txt), or a single zip. {@code ?dryRun=true} checks and counts without writing;
 * {@code ?reason=} is recorded in the revisions. The answer is JSON: what the import did, or the
 * error with its code (401 UNAUTHENTICATED, 403 FORBIDDEN, 400 BAD_USER_INPUT with every
 * "file:line: reason" in {@code extensions.problems}, 413 over {@code minsheng.limits.import-bytes}).
 */
@ApplicationScoped
public class ImportEndpoint {

    private static final Logger LOG = Logger.getLogger(ImportEndpoint.class);

    @Inject
    MinshengConfig config;

    @Inject
    BundleImports imports;

    void register(@Observes Router router) {
        router.post("/import").order(Integer.MIN_VALUE + 1)
                .handler(BodyHandler.create(System.getProperty("java.io.tmpdir") + "/minsheng-uploads")
                        .setBodyLimit(config.limits().importBytes()).setDeleteUploadedFilesOnEnd(true)
                        .setHandleFileUploads(true))
                .blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext ctx) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Caller caller = Arc.container().instance(Caller.class).get();
            caller.authorization(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
            String actor = caller.require(Caller.ADMIN).subject();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (FileUpload upload : ctx.fileUploads()) {
                String path = upload.name() != null && upload.name().contains(".") ? upload.name() : upload.fileName();
                files.put(path, Files.readAllBytes(Path.of(upload.uploadedFileName())));
            }
            boolean dryRun = "true".equalsIgnoreCase(ctx.request().getParam("dryRun"));
            SeedBundle bundle = imports.read(files);
            SeedWriter.Importer importer = new SeedWriter.Importer(actor, ctx.request().getParam("reason"));
            answer(ctx, writers.submit(() -> {
                ManagedContext writeContext = Arc.container().requestContext();
                writeContext.activate();
                try {
                    return imports.write(bundle, dryRun, importer);
                } finally {
                    writeContext.terminate();
                }
            }));
        } catch (BundleRejectedException e) {
            refuse(ctx, new BundleRefusedException(e));
        } catch (ClientError e) {
            refuse(ctx, e);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import %s failed", RequestIds.of(ctx));
            GraphQLEndpoint.reply(ctx, 500, MediaTypes.JSON, GraphQLErrors.error(GraphQLErrors.INTERNAL_SERVER_ERROR,
                    "Internal server error (request ID " + RequestIds.of(ctx) + "); the service log has the details"));
        } finally {
            requestContext.terminate();
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

    /**
     * The import's answer. A write that takes longer than {@link #KEEP_ALIVE} is answered 200 at
     * once and kept alive with a space every {@link #KEEP_ALIVE} (leading spaces are valid JSON), so
     * that the HTTP idle timeout does not cut a long import's answer; its outcome, success or error,
     * is then the body.
     */
    private static void answer(RoutingContext ctx, Future<BundleImports.Report> write) throws IOException {
        boolean started = false;
        while (true) {
            try {
                BundleImports.Report report = write.get(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("dryRun", report.dryRun());
                body.put("checksum", report.checksum());
                body.put("observations", changes(report.observationChanges()));
                body.put("allRows", changes(report.changes()));
                finish(ctx, started, 200, body);
                return;
            } catch (TimeoutException e) {
                if (!started) {
                    ctx.response().setChunked(true).setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.JSON);
                    started = true;
                }
                ctx.response().write(" ");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the import ran", e);
            } catch (ExecutionException e) {
                if (!started && e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                LOG.errorf(e.getCause(), "Import %s failed", RequestIds.of(ctx));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("errors", List.of(e.getCause() instanceof ClientError client ? GraphQLErrors.error(client)
                        : GraphQLErrors.error(GraphQLErrors.INTERNAL_SERVER_ERROR, "Internal server error (request ID "
                                + RequestIds.of(ctx) + "); the service log has the details")));
                finish(ctx, started, 500, body);
                return;
            }
        }
    }

    private static void finish(RoutingContext ctx, boolean started, int status, Map<String, Object> body) {
        if (started) {
            ctx.response().end(io.vertx.core.json.Json.encode(body));
        } else {
            GraphQLEndpoint.write(ctx, status, MediaTypes.JSON, body);
        }
    }

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    private static Map<String, Integer> changes(org.minsheng.seed.ImportResult.Changes changes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("inserted", changes.inserted());
        counts.put("updated", changes.updated());
        counts.put("deleted", changes.deleted());
        counts.put("unchanged", changes.unchanged());
        return counts;
    }

    private static void refuse(RoutingContext ctx, ClientError error) {
        int status = switch (error.code()) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            default -> 400;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(GraphQLErrors.error(error)));
        GraphQLEndpoint.write(ctx, status, MediaTypes.JSON, body);
    }
}
