package org.minsheng.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A graphql-transport-ws client over the JDK's WebSocket, as a frontend's would be: it sends
 * messages and hands over what the service sends, one message at a time, and how the socket closed.
 */
public final class GraphQLSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GraphQLSocket(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(GraphQL.parse(text.toString()));
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete("error " + error);
            }
        }).join();
    }

    /** Connects to {@code ws://host:port/graphql} and completes the protocol's handshake (connection_ack). */
    public static GraphQLSocket open(URI uri, Map<String, String> headers) throws InterruptedException {
        GraphQLSocket socket = new GraphQLSocket(uri, headers);
        socket.send(Map.of("type", "connection_init"));
        JsonNode ack = socket.next(5);
        if (ack == null || !ack.get("type").asText().equals("connection_ack")) {
            throw new AssertionError("no connection_ack: " + ack);
        }
        return socket;
    }

    /** Connects without the protocol's handshake. */
    public static GraphQLSocket raw(URI uri) {
        return new GraphQLSocket(uri, Map.of());
    }

    public void send(Object message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends this text as it is, JSON or not. */
    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** Starts a subscription with this id. */
    public void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The next message other than a ping or pong, or null if none came within the time. */
    public JsonNode next(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            JsonNode message = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null || !message.path("type").asText().matches("ping|pong")) {
                return message;
            }
        }
    }

    /** How the service closed the socket ("4400 reason"), waiting up to the time; null if it is open. */
    public String closedWith(double seconds) {
        try {
            return closed.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
