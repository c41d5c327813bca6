package io.jiangxin.push;

import io.jiangxin.judging.EventFacts;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.BoardUpdate;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardView;
import io.jiangxin.storage.EventStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.paging.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The same boards as the WebSocket protocol, read once: for plain GETs and for the first message to a viewer. */
public final class BoardReads {

    static final int OVERVIEW_ROWS = 3;

    private final LiveEvents live;
    private final JudgingStore judging;
    private final EventStore events;
    final EntryDirectory directory;

    public BoardReads(LiveEvents live, JudgingStore judging, EventStore events) {
        this.live = live;
        this.judging = judging;
        this.events = events;
        this.directory = new EntryDirectory(judging);
    }

    /** A board as a snapshot, or as the deltas since {@code since} when they are still kept. */
    public Future<JsonObject> board(long eventId, BoardView view, long since, Principal who) {
        return allowed(who, new ChannelKey(eventId, view)).compose(ok -> {
            if (!ok) {
                throw new Problem(who == null ? ErrorCode.SIGN_IN_REQUIRED : ErrorCode.ROLE_NOT_ALLOWED,
                        "评审榜仅供组委会、该赛项裁判长和仲裁组查看 / the jury board is for organizers, the event's"
                        + " head judge and arbiters");
            }
            return live.view(eventId, new Projections.BoardSince(view, since));
        }).compose(update -> render(eventId, update));
    }

    /** A contest's overview: each event's header and the top of its public board; refused for a training contest. */
    public Future<JsonObject> contest(long contestId) {
        return judging.contestKind(contestId).compose(kind -> {
            if (EventFacts.isTraining(kind)) {
                throw privateBoard("培训考核 " + contestId, "training contest " + contestId);
            }
            return events.list(contestId, null, new PageRequest(PageRequest.MAX_LIMIT, 0));
        }).compose(page -> {
            List<Future<JsonObject>> boards = new ArrayList<>();
            for (io.jiangxin.registry.Event event : page.items()) {
                boards.add(live.view(event.id(), new Projections.BoardSince(BoardView.PUBLIC, -1))
                        .compose(update -> render(event.id(), update))
                        .map(board -> {
                            JsonArray rows = board.getJsonArray("rows");
                            JsonArray top = new JsonArray();
                            for (int i = 0; i < Math.min(OVERVIEW_ROWS, rows.size()); i++) {
                                top.add(rows.getValue(i));
                            }
                            return board.put("rows", top).put("entries", rows.size());
                        })
                        .otherwise(failure -> new JsonObject().put("event", event.id())
                                .put("header", new JsonObject().put("event", event.name())).put("rows", new JsonArray())
                                .put("unavailable", String.valueOf(failure.getMessage()))));
            }
            return Future.join(boards).map(done -> {
                JsonArray items = new JsonArray();
                boards.forEach(b -> items.add(b.result()));
                return new JsonObject().put("contest", contestId).put("events", items);
            });
        });
    }

    /** The refusal of a training assessment's public board (403, {@code PRIVATE_BOARD}). */
    static Problem privateBoard(String whatZh, String whatEn) {
        return new Problem(ErrorCode.PRIVATE_BOARD, whatZh + " 为培训考核，成绩仅本人和组委会可见，不设公开榜 / " + whatEn
                + " is a training assessment; its results are private to the worker and the organizer, with no public"
                + " board");
    }

    Future<JsonObject> render(long eventId, BoardUpdate update) {
        if (update.snapshot() != null) {
            return directory.covering(eventId, update.snapshot().rows().stream().map(r -> r.entryId()).toList())
                    .map(listing -> BoardMessages.snapshot(eventId, update.snapshot(), listing, update.revealsLeft()));
        }
        return directory.of(eventId).map(listing -> {
            JsonArray deltas = new JsonArray();
            for (BoardDelta delta : update.deltas()) {
                deltas.add(BoardMessages.delta(eventId, delta, listing));
            }
            return new JsonObject().put("type", "deltas").put("event", eventId).put("version", update.version())
                    .put("deltas", deltas);
        });
    }

    /**
     * The public board is for everyone, except for a training assessment (培训考核), whose results are private to
     * the worker and the organizer: its public board fails with {@code PRIVATE_BOARD}. The jury board is for
     * organizers, the event's head judge and arbiters.
     */
    /** The panel matrix (and its change notices) is for organizers and the event's head judge, as its REST read. */
    Future<Boolean> matrixAllowed(Principal principal, long eventId) {
        if (principal == null || principal.is(AccountKind.ARBITER)) {
            return Future.succeededFuture(false);
        }
        return allowed(principal, new ChannelKey(eventId, BoardView.JURY));
    }

    Future<Boolean> allowed(Principal principal, ChannelKey key) {
        if (key.view() == BoardView.PUBLIC) {
            return judging.facts(key.eventId()).map(facts -> {
                if (facts.training()) {
                    throw privateBoard("赛项 " + key.eventId(), "event " + key.eventId());
                }
                return true;
            });
        }
        if (principal == null) {
            return Future.succeededFuture(false);
        }
        if (principal.is(AccountKind.ORGANIZER)) {
            return Future.succeededFuture(true);
        }
        return judging.facts(key.eventId()).compose(facts -> {
            if (principal.is(AccountKind.ARBITER)) {
                return Future.succeededFuture(facts.contestId() == principal.contestId());
            }
            return judging.panel(judging.pool(), key.eventId()).map(panel -> panel.stream()
                    .anyMatch(m -> m.accountId() == principal.accountId() && m.role() == PanelRole.HEAD_JUDGE));
        });
    }
}
