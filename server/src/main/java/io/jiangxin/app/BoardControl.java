package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.BoardUpdate;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.BoardSettings;
import io.jiangxin.judging.BoardView;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.RecordKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The organizer's control of the public board: its policy, 封榜 (freeze) and 揭榜 (reveal, one entry per step from
 * the bottom up). Each is a record in the event's score log, so every screen and every rebuild agrees.
 */
public final class BoardControl {

    private final LogWriter writer;
    private final LiveEvents live;

    public BoardControl(LogWriter writer, LiveEvents live) {
        this.writer = writer;
        this.live = live;
    }

    public Future<LogWriter.Outcome> policy(Principal who, long eventId, BoardSettings settings, Actor actor,
                                            String key, String requestHash) {
        return organizer(who).compose(v -> write(eventId, RecordKind.BOARD_POLICY, settings.detail(), actor, key,
                requestHash));
    }

    public Future<LogWriter.Outcome> freeze(Principal who, long eventId, Actor actor, String key, String requestHash) {
        return organizer(who).compose(v -> state(eventId)).compose(board -> {
            if (board.snapshot().frozen()) {
                throw new Problem(ErrorCode.ALREADY_FROZEN, "榜单已封 / the public board is already frozen");
            }
            return write(eventId, RecordKind.FREEZE, null, actor, key, requestHash);
        });
    }

    public Future<LogWriter.Outcome> reveal(Principal who, long eventId, Actor actor, String key, String requestHash) {
        return organizer(who).compose(v -> state(eventId)).compose(board -> {
            if (!board.snapshot().frozen()) {
                throw new Problem(ErrorCode.NOT_FROZEN, "榜单未封，无需揭榜 / the public board is not frozen");
            }
            if (board.revealsLeft() == 0) {
                throw new Problem(ErrorCode.NOTHING_TO_REVEAL,
                        "已全部揭晓，可解封 / everything is revealed; unfreeze the board");
            }
            return write(eventId, RecordKind.REVEAL_STEP, null, actor, key, requestHash);
        });
    }

    public Future<LogWriter.Outcome> unfreeze(Principal who, long eventId, Actor actor, String key, String requestHash) {
        return organizer(who).compose(v -> state(eventId)).compose(board -> {
            if (!board.snapshot().frozen()) {
                throw new Problem(ErrorCode.NOT_FROZEN, "榜单未封 / the public board is not frozen");
            }
            return write(eventId, RecordKind.UNFREEZE, null, actor, key, requestHash);
        });
    }

    private Future<BoardUpdate> state(long eventId) {
        return live.view(eventId, new Projections.BoardSince(BoardView.PUBLIC, -1));
    }

    private Future<LogWriter.Outcome> write(long eventId, RecordKind kind, String detail, Actor actor, String key,
                                            String requestHash) {
        return writer.write(eventId, actor, key, requestHash, (conn, facts, head) -> Future.succeededFuture(
                new LogWriter.Decision(201, List.of(new LogDraft(kind, null, null, null, null, null, detail, null, null)),
                        entries -> new JsonObject().put("eventId", eventId).put("record", kind.name())
                                .put("version", entries.get(0).seq()))));
    }

    private static Future<Void> organizer(Principal who) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED,
                    "只有组委会可以封榜、揭榜 / only organizers freeze and reveal the board"));
        }
        return Future.succeededFuture();
    }
}
