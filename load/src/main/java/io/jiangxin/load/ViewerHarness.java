package io.jiangxin.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many WebSocket viewers in one process. Each notes when it first saw each version; latency is computed afterwards
 * against the times the writes were acknowledged, so a push that beats its own 2xx counts as zero.
 */
final class ViewerHarness {

    static final int CONNECT_BATCH = 500;

    private final Vertx vertx;
    // Kept: an unreferenced client may be closed under us.
    private final WebSocketClient client;
    final List<WebSocket> sockets = new ArrayList<>();
    /** Per viewer: version → nanoTime of first receipt. */
    final List<ConcurrentHashMap<Long, Long>> received = new ArrayList<>();
    final AtomicInteger snapshots = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong deltaBytes = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong deltaCount = new java.util.concurrent.atomic.AtomicLong();

    ViewerHarness(Vertx vertx, int viewers) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(viewers + 10)
                .setConnectTimeout(30_000).setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
    }

    /** Opens viewers against the targets in turn; {@code subscribe} is the text each sends once connected. */
    Future<Void> connect(List<URI> targets, String path, int viewers, String subscribe) {
        return connectBatch(targets, path, viewers, subscribe, 0);
    }

    private Future<Void> connectBatch(List<URI> targets, String path, int viewers, String subscribe, int from) {
        if (from >= viewers) {
            return Future.succeededFuture();
        }
        List<Future<WebSocket>> batch = new ArrayList<>();
        for (int i = from; i < Math.min(viewers, from + CONNECT_BATCH); i++) {
            URI target = targets.get(i % targets.size());
            ConcurrentHashMap<Long, Long> seen = new ConcurrentHashMap<>();
            received.add(seen);
            batch.add(client.connect(new WebSocketConnectOptions().setHost(target.getHost()).setPort(target.getPort())
                    .setURI(path)).onSuccess(ws -> {
                        ws.textMessageHandler(text -> note(seen, text));
                        if (subscribe != null) {
                            ws.writeTextMessage(subscribe);
                        }
                        synchronized (sockets) {
                            sockets.add(ws);
                        }
                    }).onFailure(e -> failures.incrementAndGet()));
        }
        return Future.join(batch).otherwiseEmpty().compose(v -> connectBatch(targets, path, viewers, subscribe,
                from + CONNECT_BATCH));
    }

    private void note(ConcurrentHashMap<Long, Long> seen, String text) {
        long now = System.nanoTime();
        if (text.startsWith("{\"type\":\"snapshot\"")) {
            snapshots.incrementAndGet();
        } else {
            deltaBytes.addAndGet(text.length());
            deltaCount.incrementAndGet();
        }
        int at = text.indexOf("\"version\":");
        if (at < 0) {
            return;
        }
        long version = 0;
        for (int i = at + 10; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            version = version * 10 + (text.charAt(i) - '0');
        }
        seen.putIfAbsent(version, now);
    }

    /** Waits until every connected viewer has seen some version at least as high. */
    Future<Void> awaitAll(long version, long timeoutMs) {
        Promise<Void> done = Promise.promise();
        long deadline = System.currentTimeMillis() + timeoutMs;
        vertx.setPeriodic(100, id -> {
            long behind = received.stream().filter(m -> m.keySet().stream().noneMatch(v -> v >= version)).count();
            if (behind == 0 || System.currentTimeMillis() > deadline) {
                vertx.cancelTimer(id);
                done.complete();
            }
        });
        return done.future();
    }

    /** Latencies in ns from each acknowledged version to each viewer's receipt of it, sorted; misses counted. */
    Latencies latencies(java.util.Map<Long, Long> acknowledged) {
        long[] all = new long[received.size() * acknowledged.size()];
        int n = 0;
        long missed = 0;
        for (ConcurrentHashMap<Long, Long> seen : received) {
            for (var ack : acknowledged.entrySet()) {
                Long at = seen.get(ack.getKey());
                if (at == null) {
                    missed++;
                } else {
                    all[n++] = Math.max(0, at - ack.getValue());
                }
            }
        }
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        return new Latencies(sorted, missed);
    }

    record Latencies(long[] sorted, long missed) {
        double percentileMs(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
            return sorted[index] / 1e6;
        }
    }

    Future<Void> close() {
        List<Future<Void>> closing = new ArrayList<>();
        synchronized (sockets) {
            sockets.forEach(ws -> closing.add(ws.close()));
        }
        return Future.join(closing).otherwiseEmpty().mapEmpty();
    }
}
