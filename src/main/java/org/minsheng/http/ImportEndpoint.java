package org.minsheng.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            BundleImports.Report report = imports.importFiles(files, dryRun,
                    new SeedWriter.Importer(actor, ctx.request().getParam("reason")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dryRun", report.dryRun());
            body.put("checksum", report.checksum());
            body.put("observations", changes(report.observationChanges()));
            body.put("allRows", changes(report.changes()));
            GraphQLEndpoint.write(ctx, 200, MediaTypes.JSON, body);
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
