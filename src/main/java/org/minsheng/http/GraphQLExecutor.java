package org.minsheng.http;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.LimitExceededException;
import org.minsheng.graphql.OperationRunner;
import org.minsheng.limits.ExecutionBudget;
import org.minsheng.limits.UnpagedLists;
import org.minsheng.revision.DataVersion;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs GraphQL requests on a fixed number of threads ({@code minsheng.limits.concurrency}) behind a
 * bounded queue ({@code minsheng.limits.queue}); a request that finds the queue full, or waited in it
 * longer than {@code minsheng.limits.queue-timeout}, is answered {@code SERVICE_UNAVAILABLE} (HTTP 503
 * with Retry-After) at once. A request whose estimate is over {@code minsheng.limits.heavy-cost} moves
 * to a second, smaller set of threads ({@code heavy-concurrency}, {@code heavy-queue}, a tenth of the queue
 * timeout), so large requests bound the memory they hold together and never hold up small ones.
 * Each request runs whole on one thread: refused before any SQL when its document or its estimated
 * cost is over a limit, stopped when it spends its row or time budget.
 */
@ApplicationScoped
public class GraphQLExecutor {

    private static final Logger LOG = Logger.getLogger(GraphQLExecutor.class);

    @Inject
    MinshengConfig config;

    @Inject
    PreparedDocuments documents;

    @Inject
    GraphQLSchema schema;

    @Inject
    OperationRunner operations;

    @Inject
    UnpagedLists lists;

    @Inject
    MeterRegistry registry;

    @Inject
    DataVersion dataVersion;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String applicationVersion;

    /** How long after its time limit a query still running is answered by the watchdog. */
    private static final long WATCHDOG_GRACE_MILLIS = 200;

    private static final String LIGHT = "graphql-";
    private static final String HEAVY = "graphql-large-";

    private BoundedExecutor pool;
    private BoundedExecutor heavy;
    private Counter rejected;
    private final Map<String, Counter> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    /** The request timers by root field and outcome: a schema field name and one of three words, so few. */
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        MinshengConfig.Limits limits = config.limits();
        pool = new BoundedExecutor(LIGHT, limits.concurrency(), limits.queue());
        heavy = new BoundedExecutor(HEAVY, limits.heavyConcurrency(), limits.heavyQueue());
        Gauge.builder("minsheng.graphql.heavy.running", heavy, BoundedExecutor::running)
                .description("Large GraphQL requests running now").register(registry);
        Gauge.builder("minsheng.graphql.running", pool, BoundedExecutor::running)
                .description("GraphQL requests running now").register(registry);
        Gauge.builder("minsheng.graphql.queued", pool, BoundedExecutor::queued)
                .description("GraphQL requests waiting for a thread").register(registry);
        rejected = Counter.builder("minsheng.graphql.rejected").description(
                "GraphQL requests answered SERVICE_UNAVAILABLE because the queue was full or too slow")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        heavy.shutdown();
    }

    public int running() {
        return pool.running() + heavy.running();
    }

    public int queued() {
        return pool.queued() + heavy.queued();
    }

    void submit(RoutingContext ctx, GraphQLRequest request, String media, boolean get) {
        Queued task = new Queued(ctx, media, config.limits().queueTimeout().toMillis(),
                () -> withRequestId(ctx, media, () -> admit(ctx, request, media, get)));
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            task.cancel();
            rejected.increment();
            throw e;
        }
    }

    /**
     * Work waiting in a queue. If no thread has taken it up within its limit, a timer answers
     * SERVICE_UNAVAILABLE at that moment, and the work does nothing when its turn comes. (Checking the
     * wait only when a thread took a request up answered those at the back of a long queue of large
     * requests after their clients had given up.) Work whose client has left is skipped too.
     */
    private final class Queued implements Runnable {

        private final RoutingContext ctx;
        private final Runnable work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final long timer;

        Queued(RoutingContext ctx, String media, long limitMillis, Runnable work) {
            this.ctx = ctx;
            this.work = work;
            this.timer = ctx.vertx().setTimer(Math.max(1, limitMillis), id -> {
                if (claimed.compareAndSet(false, true)) {
                    rejected.increment();
                    GraphQLEndpoint.unavailable(ctx, media, "The service is busy: the request waited " + limitMillis
                            + " ms for a free executor (minsheng.limits.queue-timeout); try again shortly");
                }
            });
        }

        void cancel() {
            claimed.set(true);
            ctx.vertx().cancelTimer(timer);
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            ctx.vertx().cancelTimer(timer);
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            work.run();
        }
    }

    /**
     * A tenth of the queue timeout (1 s): a large request that waited that long and then ran its
     * whole time budget (minsheng.limits.time, 5 s) and wrote its answer is still answered within
     * 10 s, a common client timeout; one that cannot start soon is told to come back
     * (SERVICE_UNAVAILABLE with Retry-After) instead of holding its client.
     */
    private long heavyQueueTimeout() {
        return config.limits().queueTimeout().toMillis() / 10;
    }

    private void withRequestId(RoutingContext ctx, String media, Runnable work) {
        MDC.put(RequestIds.MDC_KEY, RequestIds.of(ctx));
        try {
            work.run();
        } catch (RuntimeException | Error failure) {
            LOG.errorf(failure, "GraphQL request %s failed", RequestIds.of(ctx));
            GraphQLEndpoint.reply(ctx, 500, media, GraphQLErrors.error(GraphQLErrors.INTERNAL_SERVER_ERROR,
                    "Internal server error (request ID " + RequestIds.of(ctx) + "); the service log has the details"));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void admit(RoutingContext ctx, GraphQLRequest request, String media, boolean get) {
        MinshengConfig.Limits limits = config.limits();
        int refusedStatus = media.equals(MediaTypes.GRAPHQL_RESPONSE_JSON) ? 400 : 200;
        PreparedDocuments.Prepared prepared = documents.prepare(request.query());
        if (prepared.limit() != null) {
            refuse(ctx, refusedStatus, media, prepared.limit(), 0);
            return;
        }
        if (get && prepared.document() != null) {
            OperationDefinition operation = prepared.analysis().select(request.operationName());
            if (operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
                GraphQLEndpoint.reply(ctx, 405, media, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT,
                        "Only queries run over GET; send " + operation.getOperation().name().toLowerCase()
                                + "s with POST"));
                return;
            }
        }
        if (!prepared.ready()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errors", GraphQLErrors.refused(prepared.errorCode(), prepared.errors()));
            GraphQLEndpoint.write(ctx, refusedStatus, media, body);
            return;
        }
        long requested;
        try {
            requested = prepared.analysis().cost(schema, request.operationName(), request.variables(), lists);
        } catch (LimitExceededException e) {
            refuse(ctx, refusedStatus, media, e, 0);
            return;
        }
        if (requested > limits.cost()) {
            refuse(ctx, refusedStatus, media, new LimitExceededException("cost", limits.cost(), requested,
                    "The operation may resolve up to " + requested + " objects, over the limit of " + limits.cost()
                            + " (minsheng.limits.cost); ask for smaller pages or fewer nested lists"),
                    requested);
            return;
        }
        if (requested > limits.heavyCost()) {
            Queued task = new Queued(ctx, media, heavyQueueTimeout(), () -> withRequestId(ctx, media,
                    () -> execute(ctx, request, media, prepared, requested, refusedStatus, get)));
            try {
                heavy.execute(task);
            } catch (RejectedExecutionException e) {
                task.cancel();
                rejected.increment();
                GraphQLEndpoint.unavailable(ctx, media, "The service is busy with large requests: "
                        + limits.heavyQueue() + " wait already (minsheng.limits.heavy-queue); ask for less, or try"
                        + " again shortly");
            }
            return;
        }
        execute(ctx, request, media, prepared, requested, refusedStatus, get);
    }

    private void execute(RoutingContext ctx, GraphQLRequest request, String media,
            PreparedDocuments.Prepared prepared, long requested, int refusedStatus, boolean get) {
        MinshengConfig.Limits limits = config.limits();
        String tag = get ? cacheTag(ctx, media) : null;
        if (tag != null && CacheTags.matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
            cacheable(ctx, tag).setStatusCode(304).end();
            return;
        }
        long start = System.nanoTime();
        ExecutionBudget budget = new ExecutionBudget(requested, limits.cost(), limits.rows(),
                limits.time().toMillis(), start);
        Language language = CallerLanguage.fromHeader(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String field = rootField(prepared, request.operationName());
        AtomicBoolean answered = new AtomicBoolean();
        long watchdog = isQuery(prepared, request.operationName())
                ? ctx.vertx().setTimer(limits.time().toMillis() + WATCHDOG_GRACE_MILLIS,
                        id -> overTime(ctx, media, refusedStatus, budget, language, field, start, answered))
                : -1;
        ExecutionResult result;
        try {
            result = run(ctx, request, budget, language);
        } finally {
            if (watchdog >= 0) {
                ctx.vertx().cancelTimer(watchdog);
            }
        }
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        Answer answer = answer(ctx, refusedStatus, result, budget, language);
        record(field, answer, start);
        if (answer.status() == 503) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        if (tag != null && answer.status() == 200 && answer.outcome().equals("ok")) {
            cacheable(ctx, tag);
        } else if (get) {
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        GraphQLEndpoint.write(ctx, answer.status(), media, answer.body());
    }

    /**
     * A query still running shortly after its time limit (its thread starved of CPU, or in a long
     * statement): it is answered {@code LIMIT_EXCEEDED} now, from the event loop, and its budget is
     * stopped, so that the thread's remaining fields answer null at once and its answer is dropped.
     * Mutations are never answered this way: one that is still running may yet commit, and its
     * client must not be told otherwise.
     */
    private void overTime(RoutingContext ctx, String media, int refusedStatus, ExecutionBudget budget,
            Language language, String field, long start, AtomicBoolean answered) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        budget.timedOut();
        Answer answer = answer(ctx, refusedStatus, ExecutionResult.newExecutionResult().build(), budget, language);
        record(field, answer, start);
        if (ctx.request().method().name().equals("GET")) {
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        GraphQLEndpoint.write(ctx, answer.status(), media, answer.body());
    }

    private void record(String field, Answer answer, long start) {
        timers.computeIfAbsent(field + ' ' + answer.outcome(), key -> Timer.builder("minsheng.graphql.requests")
                .description("GraphQL requests executed, by their first root field").tag("field", field)
                .tag("outcome", answer.outcome()).register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static boolean isQuery(PreparedDocuments.Prepared prepared, String operationName) {
        OperationDefinition operation = prepared.analysis().select(operationName);
        return operation != null && operation.getOperation() == OperationDefinition.Operation.QUERY;
    }

    /**
     * The ETag of an anonymous GET query's answer, or null when a shared cache must not keep it (the
     * request carries credentials). It names the data's state ({@link DataVersion}), the service's
     * version and everything in the request the answer depends on: the document, operation name,
     * variables and extensions, the response media type and the language.
     */
    private String cacheTag(RoutingContext ctx, String media) {
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        Language language = CallerLanguage.fromHeader(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return CacheTags.weak(dataVersion.current(), applicationVersion, media, language.name(),
                ctx.request().getParam("query"), ctx.request().getParam("operationName"),
                ctx.request().getParam("variables"), ctx.request().getParam("extensions"));
    }

    /** Marks the response as one a shared cache may keep for max-age, then revalidate with its tag. */
    private io.vertx.core.http.HttpServerResponse cacheable(RoutingContext ctx, String tag) {
        return ctx.response().putHeader(HttpHeaders.ETAG, tag)
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.cache().maxAge().toSeconds())
                .putHeader(HttpHeaders.VARY, "Accept, Accept-Language, Authorization");
    }

    /** The response to an executed request, and its outcome for the metrics: ok, error or limit. */
    private record Answer(int status, Map<String, Object> body, String outcome) {
    }

    /** The first field of the operation's selection: a schema field name, so the metric's tags stay few. */
    private static String rootField(PreparedDocuments.Prepared prepared, String operationName) {
        OperationDefinition operation = prepared.analysis().select(operationName);
        if (operation == null) {
            return "-";
        }
        return operation.getSelectionSet().getSelectionsOfType(graphql.language.Field.class).stream()
                .map(graphql.language.Field::getName).findFirst().orElse("-");
    }

    private ExecutionResult run(RoutingContext ctx, GraphQLRequest request, ExecutionBudget budget,
            Language language) {
        Map<String, Object> context = new HashMap<>();
        context.put("runBlocking", Boolean.TRUE);
        context.put("httpHeaders", GraphQLEndpoint.headers(ctx));
        return operations.run(ctx, input(request), context, budget, language,
                ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    }

    private Answer answer(RoutingContext ctx, int refusedStatus, ExecutionResult result, ExecutionBudget budget,
            Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        LimitExceededException exceeded = budget.exceeded();
        boolean unavailable = false;
        if (exceeded != null) {
            count(exceeded);
            body.put("errors", List.of(GraphQLErrors.error(exceeded)));
            body.put("data", null);
        } else {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError error : causes(result.getErrors())) {
                Map<String, Object> shaped = GraphQLErrors.executionError(error, RequestIds.of(ctx));
                unavailable |= GraphQLErrors.SERVICE_UNAVAILABLE.equals(code(shaped));
                errors.add(shaped);
            }
            if (!errors.isEmpty()) {
                body.put("errors", errors);
            }
            if (result.isDataPresent()) {
                body.put("data", result.getData());
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            result.getExtensions().forEach((key, value) -> extensions.put(String.valueOf(key), value));
        }
        extensions.put("cost", budget.costExtension());
        extensions.put("language", language.name());
        body.put("extensions", extensions);
        int status = unavailable ? 503 : (exceeded == null && !result.isDataPresent() ? refusedStatus : 200);
        return new Answer(status, body, exceeded != null ? "limit" : body.containsKey("errors") ? "error" : "ok");
    }

    /**
     * The errors without graphql-java's "non-null field was null" consequences of another error: a
     * field that failed is reported once, by its own error.
     */
    private static List<GraphQLError> causes(List<GraphQLError> errors) {
        boolean hasCause = errors.stream().anyMatch(error -> !isNullBubble(error));
        return hasCause ? errors.stream().filter(error -> !isNullBubble(error)).toList() : errors;
    }

    private static boolean isNullBubble(GraphQLError error) {
        return error.getErrorType() != null
                && "NullValueInNonNullableField".equals(error.getErrorType().toString());
    }

    private void refuse(RoutingContext ctx, int status, String media, LimitExceededException limit, long requested) {
        count(limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(GraphQLErrors.error(limit)));
        body.put("extensions", Map.of("cost", ExecutionBudget.cost(requested, 0, config.limits().cost(),
                config.limits().rows())));
        GraphQLEndpoint.write(ctx, status, media, body);
    }

    private void count(LimitExceededException limit) {
        refusals.computeIfAbsent(limit.limit(), name -> Counter.builder("minsheng.graphql.limit.exceeded")
                .description("GraphQL requests refused or stopped by a limit").tag("limit", name).register(registry))
                .increment();
    }

    @SuppressWarnings("unchecked")
    private static Object code(Map<String, Object> error) {
        return ((Map<String, Object>) error.get("extensions")).get("code");
    }

    /**
     * The request as SmallRye's execution service takes it. The JSON provider is Quarkus' one
     * instance: {@code jakarta.json.Json} looks its provider up with a ServiceLoader on every call
     * (7 % of a small query's samples).
     */
    private static jakarta.json.JsonObject input(GraphQLRequest request) {
        JsonObjectBuilder input = jsonProvider().createObjectBuilder().add("query", request.query());
        if (request.operationName() != null) {
            input.add("operationName", request.operationName());
        }
        if (request.variables() != null) {
            input.add("variables", jsonProvider().createObjectBuilder(request.variables()));
        }
        return input.build();
    }
}
