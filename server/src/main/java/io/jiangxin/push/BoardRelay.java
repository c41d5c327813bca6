package io.jiangxin.push;

import io.jiangxin.cluster.BoardUpdate;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.metrics.JudgingMeters;
import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each node's one relay between the cluster and its own sockets. Whichever node applies a change publishes a
 * notice on the clustered event bus carrying the deltas the change made; every node's relay writes them to its
 * local viewers without reading them back. A relay that finds a gap (a notice lost, or one that carries no deltas)
 * reads what it misses from the shared state once, as a viewer asks for a snapshot. No socket subscribes to the
 * cluster itself.
 */
public final class BoardRelay {

    private static final Logger LOG = LoggerFactory.getLogger(BoardRelay.class);
    public static final String ADDRESS = "jiangxin.boards.changed";
    static final long HEARTBEAT_MS = 15_000;
    static final long DEAD_AFTER_MS = 45_000;
    /** The version of a viewer that has been sent nothing yet: any delta makes it ask for a snapshot. */
    static final long NOTHING_SENT = -1;

    /** The viewers of one channel on this node and how far it has relayed. */
    private static final class Channel {
        final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
        long relayed = -1;
        boolean pulling;
        /** A notice (or a member change) came while a pull was under way: pull once more when it ends. */
        boolean dirty;
    }

    private final Vertx vertx;
    private final LiveEvents live;
    private final EntryDirectory directory;
    private final Map<ChannelKey, Channel> channels = new ConcurrentHashMap<>();
    /** Per event, the viewers told whenever its panel state changes (the head judge's matrix). */
    private final Map<Long, Set<Viewer>> matrixWatchers = new ConcurrentHashMap<>();
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final JudgingMeters meters;
    private long heartbeat;

    BoardRelay(Vertx vertx, LiveEvents live, EntryDirectory directory, JudgingMeters meters) {
        this.meters = meters;
        this.vertx = vertx;
        this.live = live;
        this.directory = directory;
    }

    void start() {
        vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> {
            JsonObject notice = message.body();
            long eventId = notice.getLong("event");
            matrixChanged(eventId);
            if (notice.getBoolean("reconciled", false)) {
                recheck(new ChannelKey(eventId, BoardView.JURY));
                recheck(new ChannelKey(eventId, BoardView.PUBLIC));
                return;
            }
            long sentAt = notice.getLong("at", 0L);
            wanted(new ChannelKey(eventId, BoardView.JURY), notice.getLong("jury"),
                    DeltaWire.decode(notice.getJsonArray("juryDeltas")), sentAt);
            wanted(new ChannelKey(eventId, BoardView.PUBLIC), notice.getLong("public"),
                    DeltaWire.decode(notice.getJsonArray("publicDeltas")), sentAt);
        });
        live.onBoardChange(new LiveEvents.BoardListener() {
            @Override
            public void changed(long eventId, long jury, long pub, List<BoardDelta> juryDeltas,
                                List<BoardDelta> publicDeltas) {
                JsonObject notice = new JsonObject().put("event", eventId).put("jury", jury).put("public", pub)
                        .put("at", System.currentTimeMillis());
                if (juryDeltas != null) {
                    notice.put("juryDeltas", DeltaWire.encode(juryDeltas));
                }
                if (publicDeltas != null) {
                    notice.put("publicDeltas", DeltaWire.encode(publicDeltas));
                }
                vertx.eventBus().publish(ADDRESS, notice);
            }

            @Override
            public void reconciled(long eventId) {
                vertx.eventBus().publish(ADDRESS, new JsonObject().put("event", eventId).put("reconciled", true));
            }
        });
        heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> beat());
    }

    void stop(String reason) {
        vertx.cancelTimer(heartbeat);
        for (Viewer viewer : viewers) {
            viewer.socket.close((short) 1001, reason);
        }
    }

    int viewerCount() {
        return viewers.size();
    }

    void connected(Viewer viewer) {
        viewers.add(viewer);
    }

    void disconnected(Viewer viewer) {
        viewers.remove(viewer);
        viewer.versions.keySet().forEach(key -> leave(viewer, key));
        Set.copyOf(viewer.matrices).forEach(eventId -> unwatchMatrix(viewer, eventId));
    }

    /** From now on the viewer is told of every change to the event's panel state; told once at once, to read it. */
    void watchMatrix(Viewer viewer, long eventId) {
        viewer.matrices.add(eventId);
        matrixWatchers.computeIfAbsent(eventId, k -> ConcurrentHashMap.newKeySet()).add(viewer);
        viewer.offer(BoardMessages.matrixChanged(eventId).toBuffer());
    }

    void unwatchMatrix(Viewer viewer, long eventId) {
        viewer.matrices.remove(eventId);
        Set<Viewer> watchers = matrixWatchers.get(eventId);
        if (watchers != null) {
            watchers.remove(viewer);
        }
    }

    /**
     * Every applied record (a mark below quorum included, which moves no board) and every reconciliation: the
     * watchers get a notice without data and read the matrix over REST, where the usual checks apply. A watcher
     * whose socket is full is skipped; the next notice tells it again.
     */
    private void matrixChanged(long eventId) {
        Set<Viewer> watchers = matrixWatchers.get(eventId);
        if (watchers == null || watchers.isEmpty()) {
            return;
        }
        String message = BoardMessages.matrixChanged(eventId).encode();
        Map<io.vertx.core.Context, java.util.List<Viewer>> byLoop = new java.util.HashMap<>();
        for (Viewer viewer : watchers) {
            byLoop.computeIfAbsent(viewer.context, c -> new java.util.ArrayList<>()).add(viewer);
        }
        byLoop.forEach((context, group) -> context.runOnContext(v -> group.forEach(viewer -> viewer.offer(message))));
    }

    /** Sends the viewer what it needs from {@code since} (a snapshot when negative), then keeps it current. */
    Future<Void> subscribe(Viewer viewer, ChannelKey key, long since) {
        return live.view(key.eventId(), new Projections.BoardSince(key.view(), since))
                .compose(update -> send(viewer, key, update))
                .map(version -> {
                    viewer.versions.put(key, version);
                    Channel channel = channels.computeIfAbsent(key, k -> new Channel());
                    synchronized (channel) {
                        channel.viewers.add(viewer);
                        channel.relayed = Math.max(channel.relayed, version);
                    }
                    return null;
                });
    }

    void leave(Viewer viewer, ChannelKey key) {
        viewer.versions.remove(key);
        Channel channel = channels.get(key);
        if (channel != null) {
            channel.viewers.remove(viewer);
        }
    }

    /** Brings one viewer's channel to the latest board with a snapshot, e.g. after it fell behind. */
    void resync(Viewer viewer, ChannelKey key) {
        viewer.behind.remove(key);
        live.view(key.eventId(), new Projections.BoardSince(key.view(), -1))
                .compose(update -> send(viewer, key, update))
                .onSuccess(version -> viewer.versions.computeIfPresent(key, (k, v) -> Math.max(v, version)))
                .onFailure(e -> LOG.debug("resync of event {} failed: {}", key.eventId(), e.toString()));
    }

    private Future<Long> send(Viewer viewer, ChannelKey key, BoardUpdate update) {
        if (update == null) {
            return Future.failedFuture(new IllegalStateException("no board"));
        }
        if (update.snapshot() != null) {
            return directory.covering(key.eventId(), update.snapshot().rows().stream().map(r -> r.entryId()).toList())
                    .map(listing -> {
                        if (viewer.offer(BoardMessages.snapshot(key.eventId(), update.snapshot(), listing,
                                update.revealsLeft()).toBuffer())) {
                            return update.snapshot().version();
                        }
                        viewer.behind.add(key);
                        return NOTHING_SENT;
                    });
        }
        return directory.of(key.eventId()).map(listing -> {
            for (BoardDelta delta : update.deltas()) {
                if (!viewer.offer(BoardMessages.delta(key.eventId(), delta, listing).toBuffer())) {
                    viewer.behind.add(key);
                    return NOTHING_SENT;
                }
            }
            return update.version();
        });
    }

    /** A notice: its deltas go straight to the viewers when they start where this node left off. */
    private void wanted(ChannelKey key, long version, List<BoardDelta> deltas, long sentAt) {
        Channel channel = channels.get(key);
        if (channel == null || channel.viewers.isEmpty()) {
            return;
        }
        boolean carried;
        synchronized (channel) {
            if (version <= channel.relayed) {
                return;
            }
            if (channel.pulling) {
                channel.dirty = true;
                return;
            }
            channel.pulling = true;
            carried = deltas != null && !deltas.isEmpty() && deltas.get(0).from() == channel.relayed
                    && deltas.get(deltas.size() - 1).version() == version;
        }
        if (!carried) {
            pull(key, channel);
            return;
        }
        relayed(key, channel, fanOut(key, channel, new BoardUpdate(version, deltas, null, 0))
                .onSuccess(v -> {
                    if (sentAt > 0) {
                        meters.pushed(Math.max(0, System.currentTimeMillis() - sentAt) * 1_000_000);
                    }
                }));
    }

    /**
     * After a member change the state may have come from the other side of a split, behind or ahead of what this
     * node relayed: its viewers are brought to it whatever its version (a chain from what they have, or a snapshot).
     */
    private void recheck(ChannelKey key) {
        Channel channel = channels.get(key);
        if (channel == null || channel.viewers.isEmpty()) {
            return;
        }
        synchronized (channel) {
            if (channel.pulling) {
                channel.dirty = true;
                return;
            }
            channel.pulling = true;
        }
        pull(key, channel);
    }

    /** Reads the deltas this node has not relayed yet, once, and fans them out. */
    private void pull(ChannelKey key, Channel channel) {
        long since;
        synchronized (channel) {
            channel.dirty = false;
            since = channel.relayed;
        }
        relayed(key, channel, live.view(key.eventId(), new Projections.BoardSince(key.view(), since))
                .compose(update -> fanOut(key, channel, update)));
    }

    /** After a relay: once more when another notice came meanwhile. */
    private void relayed(ChannelKey key, Channel channel, Future<Void> relay) {
        relay.onComplete(done -> {
            if (done.failed()) {
                LOG.warn("relaying board of event {} failed: {}", key.eventId(), done.cause().toString());
            }
            boolean again;
            synchronized (channel) {
                channel.pulling = false;
                again = done.succeeded() && channel.dirty;
                if (again) {
                    channel.pulling = true;
                }
            }
            if (again) {
                pull(key, channel);
            }
        });
    }

    private Future<Void> fanOut(ChannelKey key, Channel channel, BoardUpdate update) {
        if (update.snapshot() != null) {
            // Too far behind to catch up delta by delta: every viewer here gets the board afresh.
            for (Viewer viewer : channel.viewers) {
                resync(viewer, key);
            }
            synchronized (channel) {
                // The board as it is now, even when that is behind what was relayed before a split healed.
                channel.relayed = update.version();
            }
            return Future.succeededFuture();
        }
        java.util.List<String> ids = update.deltas().stream().flatMap(d -> d.rows().stream()).map(r -> r.entryId())
                .toList();
        return directory.covering(key.eventId(), ids).map(listing -> {
            java.util.List<BoardDelta> deltas = update.deltas();
            java.util.List<String> messages = deltas.stream()
                    .map(delta -> BoardMessages.delta(key.eventId(), delta, listing).encode()).toList();
            // One task per event loop, each writing to its own sockets, instead of a hand-off per socket.
            java.util.Map<io.vertx.core.Context, java.util.List<Viewer>> byLoop = new java.util.HashMap<>();
            for (Viewer viewer : channel.viewers) {
                byLoop.computeIfAbsent(viewer.context, c -> new java.util.ArrayList<>()).add(viewer);
            }
            byLoop.forEach((context, group) -> context.runOnContext(v -> {
                for (int i = 0; i < deltas.size(); i++) {
                    for (Viewer viewer : group) {
                        deliver(viewer, key, deltas.get(i), messages.get(i));
                    }
                }
            }));
            synchronized (channel) {
                channel.relayed = Math.max(channel.relayed, update.version());
            }
            return null;
        });
    }

    private void deliver(Viewer viewer, ChannelKey key, BoardDelta delta, String message) {
        switch (viewer.fit(key, delta.from(), delta.version())) {
            case SEND -> {
                if (viewer.offer(message)) {
                    viewer.versions.put(key, delta.version());
                } else {
                    viewer.behind.add(key);
                }
            }
            case RESYNC -> {
                if (!viewer.socket.writeQueueFull() && viewer.behind.isEmpty()) {
                    resync(viewer, key);
                } else {
                    viewer.behind.add(key);
                }
            }
            default -> {
                // already has it, or no longer subscribed
            }
        }
    }

    /** When a slow viewer's socket drains, each board it fell behind on is sent once, as it is now. */
    void drained(Viewer viewer) {
        for (ChannelKey key : Set.copyOf(viewer.behind)) {
            resync(viewer, key);
        }
    }

    private void beat() {
        long now = System.currentTimeMillis();
        for (Viewer viewer : viewers) {
            if (now - viewer.lastSeen > DEAD_AFTER_MS) {
                viewer.socket.close((short) 1001, "心跳超时 / heartbeat timeout");
            } else if (!viewer.socket.isClosed()) {
                viewer.socket.writePing(Buffer.buffer("hb"));
            }
        }
    }
}
