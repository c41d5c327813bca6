package io.jiangxin.push;

import io.jiangxin.auth.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One WebSocket and the board versions it has. A delta is sent only onto the version it starts from; a viewer
 * whose socket cannot take more is marked behind and, once it drains, gets one snapshot of the latest board
 * instead of everything it missed, so the server never buffers without bound for a slow client.
 */
final class Viewer {

    /** Bytes a viewer may have waiting in its socket before it is treated as slow. */
    static final int WRITE_QUEUE_BYTES = 32 * 1024;

    final ServerWebSocket socket;
    /** The event loop the socket belongs to: writes are grouped per loop, not dispatched one by one. */
    final io.vertx.core.Context context;
    final Map<ChannelKey, Long> versions = new ConcurrentHashMap<>();
    final Set<ChannelKey> behind = ConcurrentHashMap.newKeySet();
    /** Events whose panel matrix this viewer watches (view {@code MATRIX}). */
    final Set<Long> matrices = ConcurrentHashMap.newKeySet();
    volatile Principal principal;
    volatile long lastSeen = System.currentTimeMillis();

    Viewer(ServerWebSocket socket, io.vertx.core.Context context) {
        this.socket = socket;
        this.context = context;
        socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    }

    /** What to do with a delta from {@code from} to {@code version} on a channel. */
    enum Fit { SEND, SKIP, RESYNC, NOT_SUBSCRIBED }

    Fit fit(ChannelKey key, long from, long version) {
        Long mine = versions.get(key);
        if (mine == null) {
            return Fit.NOT_SUBSCRIBED;
        }
        if (version <= mine) {
            return Fit.SKIP;
        }
        if (from != mine || behind.contains(key)) {
            return Fit.RESYNC;
        }
        return Fit.SEND;
    }

    /** Writes unless the socket is full; answers whether it was written. */
    boolean offer(String message) {
        if (socket.isClosed() || socket.writeQueueFull()) {
            return false;
        }
        // A socket can close between the check and the write; that failure needs no more than the close itself.
        socket.writeTextMessage(message).onFailure(closedMeanwhile -> { });
        return true;
    }

    boolean offer(Buffer message) {
        return offer(message.toString());
    }
}
