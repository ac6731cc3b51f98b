package org.minsheng.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.ConnectionScope;
import org.minsheng.graphql.LimitExceededException;
import org.minsheng.limits.UnpagedLists;
import org.minsheng.vocabulary.CallerLanguage;

import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.graphql.websocket.graphqltransportws.GraphQLTransportWSSubprotocolHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL subscriptions over WebSocket at the GraphQL path, in the {@code graphql-transport-ws}
 * protocol, run by SmallRye GraphQL's protocol handler behind a gate of Minsheng's own. The gate
 * holds WebSocket operations to what HTTP allows: every {@code subscribe} is parsed, measured and
 * validated with the same limits as an HTTP request (depth, aliases, tokens, cost…) before SmallRye
 * sees it; only subscriptions run here (queries and mutations go over HTTP, where the executor's
 * queue and budgets apply); a client may hold {@code minsheng.limits.websockets-per-client}
 * connections, each {@code minsheng.limits.subscriptions-per-connection} subscriptions; a connection
 * that sends no {@code connection_init} within 10 s, or does not read what it is sent, is closed.
 */
@ApplicationScoped
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
public class SubscriptionSocket {

    private static final Logger LOG = Logger.getLogger(SubscriptionSocket.class);

    static final String PROTOCOL = "graphql-transport-ws";

    private static final long INIT_TIMEOUT_MILLIS = 10_000;

    @Inject
    MinshengConfig config;

    @Inject
    PreparedDocuments documents;

    @Inject
    GraphQLSchema schema;

    @Inject
    UnpagedLists lists;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    private final Map<String, AtomicInteger> connectionsByClient = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscriptions = new AtomicInteger();

    void register(@Observes Router router) {
        Gauge.builder("minsheng.graphql.subscriptions", subscriptions, AtomicInteger::get)
                .description("GraphQL subscriptions open now").register(registry);
        Gauge.builder("minsheng.graphql.websockets", connectionsByClient,
                m -> m.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("WebSocket connections open now").register(registry);
        String path = "/" + rootPath.replaceAll("^/+|/+$", "");
        router.route(path).order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            ctx.next();
            return;
        }
        String offered = ctx.request().getHeader("Sec-WebSocket-Protocol");
        if (offered == null || List.of(offered.split(",")).stream().map(String::strip).noneMatch(PROTOCOL::equals)) {
            GraphQLEndpoint.reply(ctx, 400, MediaTypes.JSON, GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT,
                    "Subscriptions speak the " + PROTOCOL + " WebSocket subprotocol (Sec-WebSocket-Protocol: " + PROTOCOL
                            + ")"));
            return;
        }
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        AtomicInteger open = connectionsByClient.computeIfAbsent(client, c -> new AtomicInteger());
        int limit = config.limits().websocketsPerClient();
        if (open.incrementAndGet() > limit) {
            release(client, open);
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            GraphQLEndpoint.reply(ctx, 429, MediaTypes.JSON, GraphQLErrors.error(GraphQLErrors.LIMIT_EXCEEDED,
                    "This client has " + limit + " WebSocket connections open (minsheng.limits.websockets-per-client);"
                            + " share one: each holds up to " + config.limits().subscriptionsPerConnection()
                            + " subscriptions",
                    Map.of("limit", "websockets-per-client", "maximum", limit), null, null));
            return;
        }
        Map<String, Object> headers = GraphQLEndpoint.headers(ctx);
        String language = ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        ctx.request().toWebSocket().onComplete(result -> {
            if (result.failed()) {
                release(client, open);
                LOG.debugf("WebSocket handshake failed: %s", result.cause().toString());
                return;
            }
            new Connection(ctx, result.result(), client, open, headers, language).start();
        });
    }

    /**
     * When the service begins to shut down, every WebSocket is closed (1001, going away), so that its
     * clients reconnect to another replica and the shutdown does not wait for them.
     */
    void shuttingDown(@Observes ShutdownDelayInitiatedEvent event) {
        for (Connection connection : connections) {
            connection.close((short) 1001, "The service is shutting down; connect again");
        }
    }

    /**
     * Tells Quarkus's graceful shutdown that an upgraded request is over. It counts a request done when
     * its response ends or its connection closes, and an upgraded (101) response does neither: without
     * this, any WebSocket ever opened would hold every shutdown for quarkus.shutdown.timeout.
     */
    private static void upgradeDone(RoutingContext upgrade) {
        QuarkusRequestWrapper wrapper = QuarkusRequestWrapper.get(upgrade.request());
        if (wrapper == null) {
            return;
        }
        try {
            java.lang.reflect.Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            done.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Could not mark a WebSocket's upgrade request done: %s", e.toString());
        }
    }

    private void release(String client, AtomicInteger open) {
        if (open.decrementAndGet() <= 0) {
            connectionsByClient.remove(client, open);
        }
    }

    /** One WebSocket: its request context (language), its subscriptions, SmallRye's protocol handler. */
    private final class Connection implements GraphQLWebSocketSession {

        private final RoutingContext upgrade;
        private final ServerWebSocket socket;
        private final String client;
        private final AtomicInteger open;
        private final Set<String> active = ConcurrentHashMap.newKeySet();
        private final ConnectionScope scope;
        private final GraphQLTransportWSSubprotocolHandler handler;
        private volatile boolean initialised;
        private volatile boolean closed;

        Connection(RoutingContext upgrade, ServerWebSocket socket, String client, AtomicInteger open,
                Map<String, Object> headers, String language) {
            this.upgrade = upgrade;
            this.socket = socket;
            this.client = client;
            this.open = open;
            scope = new ConnectionScope(CallerLanguage.fromHeader(language));
            Map<String, Object> context = new ConcurrentHashMap<>();
            context.put("runBlocking", Boolean.TRUE);
            context.put("httpHeaders", headers);
            context.put("state", scope.state());
            handler = new GraphQLTransportWSSubprotocolHandler(this, context);
        }

        void start() {
            connections.add(this);
            socket.closeHandler(v -> closed());
            socket.exceptionHandler(e -> {
                LOG.debugf("WebSocket of %s: %s", client, e.toString());
                String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (message.contains("max") && (message.contains("size") || message.contains("length"))) {
                    close((short) 1009, "A message may be at most 64 KB");
                }
            });
            socket.textMessageHandler(this::received);
            socket.binaryMessageHandler(b -> close((short) 4400, "Send text messages"));
            socket.setWriteQueueMaxSize(1024 * 1024);
            upgrade.vertx().setTimer(INIT_TIMEOUT_MILLIS, id -> {
                if (!initialised && !closed) {
                    close((short) 4408, "Connection initialisation timeout");
                }
            });
        }

        private void received(String text) {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                close((short) 4400, "Invalid message: not a JSON object");
                return;
            }
            String type = message.getValue("type") instanceof String t ? t : "";
            if (type.equals("connection_init")) {
                initialised = true;
            } else if (type.equals("subscribe") && initialised) {
                if (!admit(message)) {
                    return;
                }
            } else if (type.equals("complete") && message.getValue("id") instanceof String id && active.remove(id)) {
                subscriptions.decrementAndGet();
            }
            scope.run(() -> handler.onMessage(text));
        }

        /** Whether a subscribe message may go on to SmallRye; if not, it is answered with an error message. */
        private boolean admit(JsonObject message) {
            String id = message.getValue("id") instanceof String s ? s : null;
            JsonObject payload = message.getValue("payload") instanceof JsonObject p ? p : null;
            if (id == null || payload == null || !(payload.getValue("query") instanceof String query)) {
                close((short) 4400, "Invalid message: subscribe needs an id and a payload with a query");
                return false;
            }
            if (active.contains(id)) {
                return true; // SmallRye closes the connection: 4409, Subscriber for <id> already exists
            }
            String operationName = payload.getValue("operationName") instanceof String n ? n : null;
            Map<String, Object> variables = payload.getValue("variables") instanceof JsonObject v ? v.getMap() : null;
            MinshengConfig.Limits limits = config.limits();
            PreparedDocuments.Prepared prepared = documents.prepare(query);
            if (prepared.limit() != null) {
                refuse(id, List.of(GraphQLErrors.error(prepared.limit())));
                return false;
            }
            if (!prepared.ready()) {
                refuse(id, GraphQLErrors.refused(prepared.errorCode(), prepared.errors()));
                return false;
            }
            OperationDefinition operation = prepared.analysis().select(operationName);
            if (operation != null && operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
                refuse(id, List.of(GraphQLErrors.error(GraphQLErrors.BAD_USER_INPUT, "Only subscriptions run over "
                        + "WebSocket; send " + (operation.getOperation() == OperationDefinition.Operation.QUERY ? "queries"
                                : "mutations")
                        + " over HTTP to /"
                        + rootPath)));
                return false;
            }
            try {
                long requested = prepared.analysis().cost(schema, operationName, variables, lists);
                if (requested > limits.cost()) {
                    refuse(id, List.of(GraphQLErrors.error(new LimitExceededException("cost", limits.cost(), requested,
                            "Each change may resolve up to " + requested + " objects, over the limit of " + limits.cost()
                                    + " (minsheng.limits.cost); ask for fewer nested lists"))));
                    return false;
                }
            } catch (LimitExceededException e) {
                refuse(id, List.of(GraphQLErrors.error(e)));
                return false;
            }
            int most = limits.subscriptionsPerConnection();
            if (active.size() >= most) {
                refuse(id, List.of(GraphQLErrors.error(GraphQLErrors.LIMIT_EXCEEDED, "This connection holds " + most
                        + " subscriptions (minsheng.limits.subscriptions-per-connection); complete one first",
                        Map.of("limit", "subscriptions-per-connection", "maximum", most), null, null)));
                return false;
            }
            if (active.add(id)) {
                subscriptions.incrementAndGet();
            }
            return true;
        }

        private void refuse(String id, List<Map<String, Object>> errors) {
            send(new JsonObject().put("id", id).put("type", "error").put("payload", new JsonArray(errors)).encode());
        }

        @Override
        public void sendMessage(String text) {
            if (closed) {
                return;
            }
            if (text.contains("\"error\"") || text.contains("\"complete\"")) {
                try {
                    JsonObject message = new JsonObject(text);
                    String type = message.getString("type");
                    if (("error".equals(type) || "complete".equals(type)) && message.getValue("id") instanceof String id
                            && active.remove(id)) {
                        subscriptions.decrementAndGet();
                    }
                } catch (DecodeException | ClassCastException e) {
                    // not ours to judge: sent as it is
                }
            }
            send(text);
        }

        private void send(String text) {
            if (socket.writeQueueFull()) {
                close((short) 1013, "The client is not reading its messages");
                return;
            }
            socket.writeTextMessage(text);
        }

        @Override
        public void close(short status, String reason) {
            if (!closed) {
                socket.close(status, reason);
            }
        }

        @Override
        public boolean isClosed() {
            return closed || socket.isClosed();
        }

        private void closed() {
            if (closed) {
                return;
            }
            closed = true;
            subscriptions.addAndGet(-active.size());
            active.clear();
            release(client, open);
            connections.remove(this);
            upgradeDone(upgrade);
            scope.close(handler::onClose);
        }
    }
}
