package io.jiangxin.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A board viewer over a real WebSocket, collecting what the server sends. */
public final class BoardViewer implements AutoCloseable {

    private final Vertx vertx;
    // Kept: a client nobody references may be closed under us.
    private final WebSocketClient client;
    private final WebSocket socket;
    public final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    private BoardViewer(Vertx vertx, WebSocketClient client, WebSocket socket) {
        this.vertx = vertx;
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    }

    public static BoardViewer connect(int port) throws Exception {
        return connect(port, new WebSocketClientOptions());
    }

    /** A viewer with a tiny receive buffer, so that pausing it backs up the server quickly. */
    public static BoardViewer slow(int port) throws Exception {
        return connect(port, new WebSocketClientOptions().setReceiveBufferSize(1024));
    }

    private static BoardViewer connect(int port, WebSocketClientOptions options) throws Exception {
        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(options.setMaxMessageSize(8 * 1024 * 1024)
                .setMaxFrameSize(8 * 1024 * 1024));
        WebSocket socket = client.connect(port, "127.0.0.1", "/ws/boards").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return new BoardViewer(vertx, client, socket);
    }

    public void send(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    public void subscribe(long eventId, String view, Long since, String token) {
        JsonObject message = new JsonObject().put("type", "subscribe").put("view", view)
                .put("events", new io.vertx.core.json.JsonArray().add(eventId));
        if (since != null) {
            message.put("since", new JsonObject().put(String.valueOf(eventId), since));
        }
        if (token != null) {
            message.put("token", token);
        }
        send(message);
    }

    public void pause() {
        socket.pause();
    }

    public void resume() {
        socket.resume();
    }

    /** The next message matching, skipping others; fails after the timeout. */
    public JsonObject await(Predicate<JsonObject> wanted, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            JsonObject message = left <= 0 ? null : received.poll(left, TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no matching message within " + timeoutMs + " ms");
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** Everything received until nothing more arrives for {@code quietMs}. */
    public List<JsonObject> drain(long quietMs) throws InterruptedException {
        List<JsonObject> all = new ArrayList<>();
        JsonObject message;
        while ((message = received.poll(quietMs, TimeUnit.MILLISECONDS)) != null) {
            all.add(message);
        }
        return all;
    }

    public boolean closed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
