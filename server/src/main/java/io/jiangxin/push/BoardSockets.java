package io.jiangxin.push;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Sessions;
import io.jiangxin.judging.BoardView;
import io.jiangxin.storage.EventStore;
import io.jiangxin.paging.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /ws/boards}: the board protocol of docs/websocket.md. A viewer subscribes to events or a contest, public
 * or (with a jury token) jury, optionally from the versions it already has, and is kept current.
 */
public final class BoardSockets {

    static final int MAX_MESSAGE_BYTES = 16 * 1024;
    static final int MAX_EVENTS_PER_SOCKET = 100;
    static final String MATRIX = "MATRIX";

    private final BoardRelay relay;
    private final Sessions sessions;
    private final BoardReads reads;
    private final EventStore events;

    public BoardSockets(Vertx vertx, LiveEvents live, BoardReads reads, EventStore events, Sessions sessions,
                        io.jiangxin.metrics.JudgingMeters meters) {
        this.relay = new BoardRelay(vertx, live, reads.directory, meters);
        this.sessions = sessions;
        this.reads = reads;
        this.events = events;
        relay.start();
    }

    public void handle(RoutingContext ctx) {
        if (!ctx.request().canUpgradeToWebSocket()) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(BoardMessages.error("WEBSOCKET_REQUIRED", "此地址只接受 WebSocket 连接 / this address takes"
                            + " WebSocket connections only").encode());
            return;
        }
        ctx.request().toWebSocket().onSuccess(this::accept);
    }

    public int viewerCount() {
        return relay.viewerCount();
    }

    public void close(String reason) {
        relay.stop(reason);
    }

    private void accept(ServerWebSocket socket) {
        Viewer viewer = new Viewer(socket, io.vertx.core.Vertx.currentContext());
        relay.connected(viewer);
        socket.closeHandler(v -> relay.disconnected(viewer));
        socket.drainHandler(v -> relay.drained(viewer));
        socket.pongHandler(pong -> viewer.lastSeen = System.currentTimeMillis());
        socket.exceptionHandler(e -> socket.close());
        socket.textMessageHandler(text -> {
            viewer.lastSeen = System.currentTimeMillis();
            if (text.length() > MAX_MESSAGE_BYTES) {
                reply(viewer, BoardMessages.error("MESSAGE_TOO_LARGE", "消息过大 / message too large"));
                return;
            }
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                reply(viewer, BoardMessages.error("MALFORMED_JSON", "JSON 格式错误 / malformed JSON"));
                return;
            }
            onMessage(viewer, message);
        });
    }

    private void onMessage(Viewer viewer, JsonObject message) {
        String type = message.getValue("type") instanceof String t ? t : "";
        switch (type) {
            case "ping" -> reply(viewer, new JsonObject().put("type", "pong").put("time", System.currentTimeMillis()));
            case "subscribe" -> subscribe(viewer, message);
            case "unsubscribe" -> {
                for (Long eventId : ids(message.getValue("events"))) {
                    relay.unwatchMatrix(viewer, eventId);
                    for (BoardView view : BoardView.values()) {
                        relay.leave(viewer, new ChannelKey(eventId, view));
                    }
                }
                reply(viewer, new JsonObject().put("type", "unsubscribed"));
            }
            default -> reply(viewer, BoardMessages.error("UNKNOWN_TYPE",
                    "未知消息类型 / unknown message type; expected subscribe, unsubscribe or ping"));
        }
    }

    private void subscribe(Viewer viewer, JsonObject message) {
        if (MATRIX.equals(message.getValue("view"))) {
            watchMatrix(viewer, message);
            return;
        }
        BoardView view;
        try {
            view = BoardView.valueOf(message.getValue("view") instanceof String v ? v : "PUBLIC");
        } catch (IllegalArgumentException e) {
            reply(viewer, BoardMessages.error("BAD_VIEW", "view 须为 PUBLIC 或 JURY / view must be PUBLIC or JURY"));
            return;
        }
        JsonObject since = message.getValue("since") instanceof JsonObject s ? s : new JsonObject();
        Future<List<Long>> wanted = message.getValue("contest") != null
                ? contestEvents(message.getValue("contest"))
                : Future.succeededFuture(ids(message.getValue("events")));
        Future<Principal> principal = view == BoardView.JURY
                ? (message.getValue("token") instanceof String token ? sessions.resolve(token)
                        : Future.succeededFuture(null))
                : Future.succeededFuture(null);
        Future.all(wanted, principal).onComplete(done -> {
            if (done.failed()) {
                reply(viewer, BoardMessages.error("BAD_SUBSCRIPTION", String.valueOf(done.cause().getMessage())));
                return;
            }
            List<Long> eventIds = wanted.result();
            if (eventIds.isEmpty() || eventIds.size() + viewer.versions.size() > MAX_EVENTS_PER_SOCKET) {
                reply(viewer, BoardMessages.error("BAD_SUBSCRIPTION", "须订阅 1 至 " + MAX_EVENTS_PER_SOCKET
                        + " 个赛项 / subscribe to 1 to " + MAX_EVENTS_PER_SOCKET + " events"));
                return;
            }
            for (long eventId : eventIds) {
                ChannelKey key = new ChannelKey(eventId, view);
                long from = since.getValue(String.valueOf(eventId)) instanceof Number n ? n.longValue() : -1;
                reads.allowed(principal.result(), key)
                        .compose(ok -> ok ? relay.subscribe(viewer, key, from) : Future.failedFuture(new SecurityException(
                                "该账号不能查看评审榜 / this account may not see the jury board")))
                        .onFailure(e -> reply(viewer, (e instanceof Problem p && p.errorCode() == ErrorCode.PRIVATE_BOARD
                                ? BoardMessages.error(p.code(), e.getMessage())
                                : BoardMessages.error(e instanceof SecurityException ? "ROLE_NOT_ALLOWED" : "NO_BOARD",
                                        "赛项 " + eventId + "：" + e.getMessage())).put("event", eventId)));
            }
        });
    }

    /**
     * {@code view: "MATRIX"}: notices ({@code {"type": "matrix", "event": 12}}) whenever the event's panel state
     * changes, for the head judge's matrix and sheet pages, which then read it over REST instead of polling.
     */
    private void watchMatrix(Viewer viewer, JsonObject message) {
        List<Long> eventIds = ids(message.getValue("events"));
        if (eventIds.isEmpty() || eventIds.size() + viewer.matrices.size() > MAX_EVENTS_PER_SOCKET) {
            reply(viewer, BoardMessages.error("BAD_SUBSCRIPTION", "须订阅 1 至 " + MAX_EVENTS_PER_SOCKET
                    + " 个赛项 / subscribe to 1 to " + MAX_EVENTS_PER_SOCKET + " events"));
            return;
        }
        Future<Principal> principal = message.getValue("token") instanceof String token ? sessions.resolve(token)
                : Future.succeededFuture(null);
        principal.onComplete(who -> {
            for (long eventId : eventIds) {
                (who.succeeded() ? reads.matrixAllowed(who.result(), eventId) : Future.succeededFuture(false))
                        .onComplete(ok -> {
                            if (ok.succeeded() && ok.result()) {
                                relay.watchMatrix(viewer, eventId);
                            } else {
                                reply(viewer, BoardMessages.error("ROLE_NOT_ALLOWED", "赛项 " + eventId
                                        + "：评分矩阵仅供组委会和该赛项裁判长查看 / the panel matrix is for organizers"
                                        + " and the event's head judge").put("event", eventId));
                            }
                        });
            }
        });
    }

    private Future<List<Long>> contestEvents(Object contest) {
        if (!(contest instanceof Number number)) {
            return Future.failedFuture(new IllegalArgumentException("contest 须为编号 / contest must be an id"));
        }
        return events.list(number.longValue(), null, new PageRequest(MAX_EVENTS_PER_SOCKET, 0))
                .map(page -> page.items().stream().map(io.jiangxin.registry.Event::id).toList());
    }

    private static List<Long> ids(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (Object item : array) {
                if (item instanceof Number n && n.longValue() > 0) {
                    ids.add(n.longValue());
                }
            }
        }
        return ids;
    }

    private static void reply(Viewer viewer, JsonObject message) {
        viewer.offer(message.toBuffer());
    }
}
