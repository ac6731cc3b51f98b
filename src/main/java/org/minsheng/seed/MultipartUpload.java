package org.minsheng.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.ClientError;
import org.minsheng.graphql.LimitExceededException;

import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A multipart request's files, streamed to a temporary folder as they arrive, each part to a file of
 * its own, counted as it comes: the request fails at the part that passes
 * {@code minsheng.limits.import-files} or the byte that passes {@code import-bytes}, before the rest
 * is read. Nothing of it is held in memory; {@link #close} removes the folder.
 */
final class MultipartUpload implements AutoCloseable {

    private final Path dir;
    private final List<UploadedBundle.Part> parts = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final UploadedBundle.Limits limits;
    private final Promise<MultipartUpload> done = Promise.promise();
    private long bytes;
    private int open;
    private boolean ended;

    private MultipartUpload(Path dir, UploadedBundle.Limits limits) {
        this.dir = dir;
        this.limits = limits;
    }

    /** Starts receiving the request's body; the future completes once every part is on disk. */
    static Future<MultipartUpload> receive(RoutingContext ctx, UploadedBundle.Limits limits) {
        MultipartUpload upload;
        try {
            upload = new MultipartUpload(Files.createTempDirectory("minsheng-upload"), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for an upload", e);
        }
        HttpServerRequest request = ctx.request();
        request.setExpectMultipart(true);
        request.uploadHandler(part -> upload.part(ctx, part));
        request.exceptionHandler(upload::fail);
        request.endHandler(v -> {
            request.formAttributes().names().forEach(upload.fields::add);
            upload.ended = true;
            upload.finishIfDone();
            // A body cut off inside a part never ends that part: refused once the request's end is handled.
            ctx.vertx().runOnContext(later -> {
                if (upload.open > 0) {
                    upload.fail(new BadUserInputException("The multipart body ended inside a part, without its closing "
                            + "boundary; nothing was imported"));
                }
            });
        });
        request.resume();
        return upload.done.future();
    }

    /** The parts received, in their order: their names in the bundle, and their files. */
    List<UploadedBundle.Part> parts() {
        return parts;
    }

    /** Form fields that were not files. */
    List<String> fields() {
        return fields;
    }

    private void part(RoutingContext ctx, HttpServerFileUpload part) {
        if (done.future().isComplete()) {
            return;
        }
        if (parts.size() == limits.files()) {
            fail(UploadedBundle.tooManyFiles(limits, parts.size() + 1));
            return;
        }
        String name = part.name() != null && part.name().contains(".") ? part.name() : part.filename();
        Path file = dir.resolve("part-" + parts.size());
        parts.add(new UploadedBundle.Part(name == null ? "" : name, () -> Files.newInputStream(file)));
        OutputStream out;
        try {
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            fail(e);
            return;
        }
        open++;
        // Written as it comes, on the event loop: a write of a few kilobytes to the page cache costs
        // microseconds, and an asynchronous file would buffer in the heap whatever the disk did not take.
        part.handler(buffer -> {
            if (done.future().isComplete()) {
                return;
            }
            bytes += buffer.length();
            if (bytes > limits.bytes()) {
                fail(new LimitExceededException("import-bytes", limits.bytes(), -1, "The bundle is over " + limits.bytes()
                        + " bytes (minsheng.limits.import-bytes); \"" + name + "\" passed it. Nothing was imported"));
                return;
            }
            try {
                out.write(buffer.getBytes());
            } catch (IOException e) {
                fail(e);
            }
        });
        part.exceptionHandler(failure -> {
            closeQuietly(out);
            fail(failure);
        });
        part.endHandler(v -> {
            closeQuietly(out);
            open--;
            finishIfDone();
        });
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the part is refused or its file removed with the folder
        }
    }

    private void finishIfDone() {
        if (ended && open == 0) {
            done.tryComplete(this);
        }
    }

    private void fail(Throwable failure) {
        if (done.tryFail(refusal(failure))) {
            close();
        }
    }

    /** What a failure while reading the body tells the caller. */
    private ClientError refusal(Throwable failure) {
        if (failure instanceof ClientError client) {
            return client;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
                return UploadedBundle.tooManyFiles(limits, -1);
            }
        }
        return new BadUserInputException("The body could not be read as multipart/form-data (one part per file, "
                + "separated by the boundary its Content-Type names); nothing was imported");
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is removed with the others
        }
    }
}
