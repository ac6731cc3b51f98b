package org.minsheng.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.ClientError;
import org.minsheng.http.CacheTags;
import org.minsheng.http.JsonReplies;
import org.minsheng.http.RequestIds;
import org.minsheng.observation.ObservationExport;
import org.minsheng.revision.DataVersion;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /export/observations.{csv,jsonl,json-stat,sdmx.csv}}: every figure the filter selects, streamed, with
 * its qualifier, period, unit, display text, source and quote. The parameters are those of
 * {@link ExportRequest}. The answer carries a file name ({@code Content-Disposition}) and an
 * {@code ETag} that changes whenever the data do (an import or a write through the API), so a
 * conditional GET answers 304. At most {@code minsheng.limits.concurrent-exports} exports stream
 * at once; more are answered 429.
 */
@ApplicationScoped
public class ExportEndpoint {

    private static final Logger LOG = Logger.getLogger(ExportEndpoint.class);

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static final CsvMapper CSV = CsvMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(ExportRow.class).withHeader().withLineSeparator("\r\n");
    private static final CsvSchema SDMX_SCHEMA = CsvSchema.builder().addColumns(SdmxCsv.COLUMNS,
            CsvSchema.ColumnType.STRING).build().withHeader().withLineSeparator("\r\n");

    @Inject
    MinshengConfig config;

    @Inject
    ObservationExport export;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataVersion dataVersion;

    private Semaphore running;

    void register(@Observes Router router) {
        running = new Semaphore(config.limits().concurrentExports());
        router.get("/export/observations.:extension").order(Integer.MIN_VALUE + 1).blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        ExportFormat format = ExportFormat.ofExtension(ctx.pathParam("extension"));
        if (format == null) {
            JsonReplies.error(ctx, 404, "NOT_FOUND", "no export format \""
                    + ctx.pathParam("extension") + "\"; the formats are csv, jsonl, json-stat and sdmx.csv");
            return;
        }
        ExportRequest request;
        try {
            request = ExportRequest.of(parameters(ctx));
        } catch (ClientError e) {
            JsonReplies.error(ctx, 400, e);
            return;
        }
        String canonical = ExportRequest.queryString(request.filter(), request.order(), request.language())
                + (request.bom() ? "&bom=true" : "");
        String etag = etag(format, canonical);
        response.putHeader(HttpHeaders.ETAG, etag);
        // Shared caches may keep it, and ask again each time: the ETag answers whether it changed.
        response.putHeader(HttpHeaders.CACHE_CONTROL, "public, no-cache");
        if (CacheTags.matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        if (!running.tryAcquire()) {
            response.putHeader(HttpHeaders.RETRY_AFTER, "5");
            JsonReplies.error(ctx, 429, "LIMIT_EXCEEDED",
                    config.limits().concurrentExports() + " exports are streaming (minsheng.limits.concurrent-exports);"
                            + " try again shortly");
            return;
        }
        long rows = 0;
        // The head is written with the first bytes: a filter the database refuses is still a 400.
        ResponseStream out = new ResponseStream(response, () -> response.setChunked(true).setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType)
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(canonical, format) + "\""));
        try {
            if (request.bom() && (format == ExportFormat.CSV || format == ExportFormat.SDMX_CSV)) {
                out.write(BOM);
            }
            if (format == ExportFormat.JSON_STAT) {
                try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                    json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
                    export.jsonStat(request, json);
                }
            } else {
                rows = writeRows(format, request, out);
            }
            if (format == ExportFormat.JSONL && rows > 0) {
                out.write('\n');
            }
            out.finish();
        } catch (ClientError e) {
            JsonReplies.error(ctx, 400, e);
            return;
        } catch (IOException | RuntimeException e) {
            if (!response.headWritten()) {
                JsonReplies.internal(ctx, e, "Export " + RequestIds.of(ctx) + " failed");
            } else {
                // Half a file must not look whole: the connection is cut, so the body ends without its last chunk.
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                LOG.warnf("Export %s stopped after it started: %s", RequestIds.of(ctx), cause.getMessage());
                response.reset();
            }
            return;
        } finally {
            running.release();
        }
        response.end();
    }

    /** The rows as CSV, SDMX-CSV or JSON Lines; how many there were. */
    private long writeRows(ExportFormat format, ExportRequest request, OutputStream out) throws IOException {
        try (SequenceWriter writer = switch (format) {
            case CSV -> CSV.writer(CSV_SCHEMA).writeValues(out);
            case SDMX_CSV -> CSV.writer(SDMX_SCHEMA).writeValues(out);
            default -> mapper.writerFor(ExportRow.class).with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .withRootValueSeparator("\n").writeValues(out);
        }) {
            return export.stream(request, row -> {
                try {
                    writer.write(switch (format) {
                        case CSV -> SpreadsheetCells.neutralised(row);
                        case SDMX_CSV -> SpreadsheetCells.neutralised(SdmxCsv.row(row), SdmxCsv.VALUE_COLUMN);
                        default -> row;
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static Map<String, List<String>> parameters(RoutingContext ctx) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        ctx.queryParams().forEach(e -> parameters.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                .add(e.getValue()));
        return parameters;
    }

    /** Names the data's state and the request: the latest import and the latest write through the API. */
    private String etag(ExportFormat format, String canonical) {
        return CacheTags.strong(dataVersion.current(), format.name(), canonical);
    }

    /** "minsheng-observations-theme-childcare.csv": the filter in the name, so saved files tell apart. */
    static String fileName(String canonical, ExportFormat format) {
        String filter = java.net.URLDecoder.decode(canonical, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
        if (filter.length() > 80) {
            filter = filter.substring(0, 80).replaceAll("-$", "");
        }
        return "minsheng-observations" + (filter.isEmpty() ? "" : "-" + filter) + "." + format.extension;
    }

    /**
     * The response body as an output stream: bytes are sent 64 KB at a time, each write waiting
     * until the connection has taken the one before, so a slow reader slows the export instead of
     * filling the heap.
     */
    private static final class ResponseStream extends OutputStream {

        private final HttpServerResponse response;
        private Runnable head;
        private final byte[] buffer = new byte[64 * 1024];
        private int used;

        ResponseStream(HttpServerResponse response, Runnable head) {
            this.response = response;
            this.head = head;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                send();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (used == buffer.length) {
                    send();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(bytes, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        /** Jackson flushes after every row: the buffer, not the writer, decides when bytes go. */
        @Override
        public void flush() {
        }

        /** Sends what is left; the head too, if nothing was sent yet. Not called on failure. */
        void finish() throws IOException {
            send();
            if (head != null) {
                head.run();
                head = null;
            }
        }

        private void send() throws IOException {
            if (used == 0) {
                return;
            }
            if (head != null) {
                head.run();
                head = null;
            }
            Buffer chunk = Buffer.buffer(used);
            chunk.appendBytes(buffer, 0, used);
            used = 0;
            try {
                response.write(chunk).toCompletionStage().toCompletableFuture().join();
            } catch (RuntimeException e) {
                throw new IOException("the client stopped reading", e);
            }
        }
    }
}
