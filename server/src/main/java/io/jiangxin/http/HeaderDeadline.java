package io.jiangxin.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that do not send a whole request head in time. An idle timeout alone never fires for a
 * client that trickles a byte every few seconds, so hundreds of half-open connections could be held for as long
 * as their senders like. A new connection has {@link #FIRST_REQUEST_MS} for its first head; a kept-alive one has
 * {@link #NEXT_REQUEST_MS} after each answer for its next.
 */
public final class HeaderDeadline {

    static final long FIRST_REQUEST_MS = 10_000;
    static final long NEXT_REQUEST_MS = 60_000;

    private final Vertx vertx;
    private final Map<HttpConnection, Long> timers = new ConcurrentHashMap<>();

    public HeaderDeadline(Vertx vertx) {
        this.vertx = vertx;
    }

    /** For {@code HttpServer.connectionHandler}: every new connection starts its clock. */
    public void connected(HttpConnection connection) {
        arm(connection, FIRST_REQUEST_MS);
        connection.closeHandler(closed -> disarm(connection));
    }

    /** Wraps the request handler: a whole head stops the clock, a finished answer starts it for the next one. */
    public Handler<HttpServerRequest> guarding(Handler<HttpServerRequest> requests) {
        return request -> {
            HttpConnection connection = request.connection();
            disarm(connection);
            request.response().endHandler(ended -> arm(connection, NEXT_REQUEST_MS));
            requests.handle(request);
        };
    }

    private void arm(HttpConnection connection, long ms) {
        long timer = vertx.setTimer(ms, id -> {
            if (timers.remove(connection, id)) {
                connection.close();
            }
        });
        Long previous = timers.put(connection, timer);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void disarm(HttpConnection connection) {
        Long timer = timers.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
