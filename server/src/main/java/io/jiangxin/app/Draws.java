package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.registry.Draw;
import io.jiangxin.registry.DrawKind;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.DrawStore;
import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 抽签: draws entry codes and stations by lot, in one transaction with the registrations they change, and checks a
 * recorded draw by re-running it from its seed. A draw is refused once the event's score log has any record.
 */
public final class Draws {

    private static final Logger LOG = LoggerFactory.getLogger(Draws.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the organizer asked for; {@code seed} null lets the server choose one. */
    public record Request(DrawKind kind, String seed, String prefix, List<String> stations) {
    }

    private final Pool pool;
    private final DrawStore store;
    private final ScoreLogStore log;
    private final IdempotencyStore idempotency;
    private final LiveEvents live;

    public Draws(Pool pool, DrawStore store, ScoreLogStore log, IdempotencyStore idempotency, LiveEvents live) {
        this.pool = pool;
        this.store = store;
        this.log = log;
        this.idempotency = idempotency;
        this.live = live;
    }

    /** Draws under the event's score-log lock; with a key, a retry answers the first reply and draws nothing. */
    public Future<LogWriter.Outcome> draw(Principal who, long eventId, Request request, String key,
                                          String requestHash) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED,
                    "只有组委会可以抽签 / only organizers draw lots"));
        }
        String seed = request.seed() != null ? request.seed() : newSeed();
        String source = request.seed() != null ? "GIVEN" : "SERVER";
        return pool.withTransaction(conn -> store.event(conn, eventId)
                        .compose(event -> Idempotent.once(idempotency, conn,
                                Idempotent.claim(who.accountId(), key, requestHash), 201, () ->
                                log.lock(conn, eventId).compose(head -> {
                                if (head.lastSeq() > 0) {
                                    throw new Problem(ErrorCode.JUDGING_STARTED, "评分日志已有记录，不能再抽签 /"
                                            + " the event's score log has records; it is too late to draw");
                                }
                                return store.drawn(conn, eventId, request.kind());
                            }).compose(drawn -> {
                                if (drawn) {
                                    throw new Problem(ErrorCode.ALREADY_DRAWN, "该赛项已抽过" + request.kind().label()
                                            + " / this event's " + request.kind() + " draw is already done");
                                }
                                return store.entrants(conn, eventId, request.kind());
                            }).compose(entrants -> {
                                if (entrants.isEmpty()) {
                                    throw new Problem(ErrorCode.NO_ENTRANTS, "该赛项没有报名 / the event has no entrants");
                                }
                                List<String> lots = request.kind() == DrawKind.ENTRY_CODES
                                        ? Draw.codes(request.prefix(), entrants.size()) : request.stations();
                                if (lots.size() < entrants.size()) {
                                    throw Problem.invalid(List.of(new FieldError("stations", "工位数 " + lots.size()
                                            + " 少于选手数 " + entrants.size() + " / " + lots.size()
                                            + " stations for " + entrants.size() + " entrants")));
                                }
                                Draw.Result result = Draw.assign(seed, entrants, lots);
                                return store.write(conn, eventId, request.kind(), result)
                                        .compose(done -> store.insert(conn, eventId, request.kind(), seed, source,
                                                request.prefix(), lots, result, who.accountId()))
                                        .compose(stored -> store.entrantsNamed(conn, eventId)
                                                .map(named -> view(stored, named)));
                            }))))
                .compose(outcome -> outcome.replayed() ? Future.succeededFuture(outcome)
                        // Entry codes and stations are part of the live state; it is rebuilt with the new ones.
                        : live.evict(eventId).otherwise(failure -> {
                            LOG.warn("live state of event {} not evicted after a draw: {}", eventId, failure.toString());
                            return null;
                        }).map(done -> outcome));
    }

    /** The event's draws: seeds and digests for everyone; the assignment only for those who may see it. */
    public Future<JsonObject> list(Principal who, long eventId) {
        return store.event(pool, eventId).compose(event -> store.list(pool, eventId).compose(draws -> {
            boolean reveal = mayReveal(who, event);
            Future<Map<Long, DrawStore.Entrant>> named = reveal ? store.entrantsNamed(pool, eventId)
                    : Future.succeededFuture(Map.of());
            // Whether a draw can still be made (no score-log record yet), so a console disables its draw buttons
            // with the reason instead of letting the organizer run into JUDGING_STARTED.
            Future<Map<Long, Long>> heads = log.heads(pool, java.util.List.of(eventId));
            return Future.all(named, heads).map(done -> {
                Map<Long, DrawStore.Entrant> entrants = named.result();
                JsonArray items = new JsonArray();
                draws.forEach(draw -> items.add(reveal ? view(draw, entrants) : publicView(draw)));
                return new JsonObject().put("eventId", eventId).put("items", items)
                        .put("judgingStarted", heads.result().getOrDefault(eventId, 0L) > 0);
            });
        }));
    }

    public Future<JsonObject> get(Principal who, long eventId, long drawId) {
        return store.event(pool, eventId).compose(event -> store.get(pool, eventId, drawId).compose(draw -> {
            if (!mayReveal(who, event)) {
                return Future.succeededFuture(publicView(draw));
            }
            return store.entrantsNamed(pool, eventId).map(entrants -> view(draw, entrants));
        }));
    }

    /** Re-runs the recorded draw from its seed and compares; public, and it names no one. */
    public Future<JsonObject> verify(long eventId, long drawId) {
        return store.get(pool, eventId, drawId).compose(draw -> store.entrantsNamed(pool, eventId).map(entrants -> {
            Draw.Result again = Draw.assign(draw.seed(), draw.entrants(), draw.lots());
            boolean same = again.values().equals(draw.assigned()) && again.digest().equals(draw.digest());
            boolean current = true;
            for (int k = 0; k < draw.entrants().size(); k++) {
                DrawStore.Entrant entrant = entrants.get(draw.entrants().get(k));
                String now = entrant == null ? null
                        : draw.kind() == DrawKind.ENTRY_CODES ? entrant.entryCode() : entrant.station();
                current &= draw.assigned().get(k).equals(now);
            }
            return publicView(draw).put("recomputedDigest", again.digest()).put("matches", same)
                    .put("registrationsAgree", current);
        }));
    }

    /** Organizers always; an arbiter of the contest once the head judge has signed off; judges never. */
    static boolean mayReveal(Principal who, DrawStore.EventState event) {
        if (who == null) {
            return false;
        }
        if (who.is(AccountKind.ORGANIZER)) {
            return true;
        }
        return event.signedOff() && who.is(AccountKind.ARBITER) && who.contestId() != null
                && who.contestId() == event.contestId();
    }

    static JsonObject publicView(DrawStore.Stored draw) {
        JsonObject view = new JsonObject().put("id", draw.id()).put("eventId", draw.eventId())
                .put("kind", draw.kind().name()).put("kindLabel", draw.kind().label()).put("seed", draw.seed())
                .put("seedSource", draw.seedSource()).put("algorithm", draw.algorithm())
                .put("entrants", draw.entrants().size()).put("digest", draw.digest())
                .put("drawnBy", new JsonObject().put("accountId", draw.drawnBy()).put("name", draw.drawnByName()))
                .put("drawnAt", draw.drawnAt().toInstant().toString());
        if (draw.kind() == DrawKind.ENTRY_CODES) {
            view.put("prefix", draw.prefix());
        } else {
            view.put("stations", new JsonArray(List.copyOf(draw.lots())));
        }
        return view;
    }

    static JsonObject view(DrawStore.Stored draw, Map<Long, DrawStore.Entrant> entrants) {
        JsonArray assignment = new JsonArray();
        for (int k = 0; k < draw.entrants().size(); k++) {
            long id = draw.entrants().get(k);
            DrawStore.Entrant entrant = entrants.get(id);
            assignment.add(new JsonObject().put("registrationId", id)
                    .put("personId", entrant == null ? null : entrant.personId())
                    .put("teamId", entrant == null ? null : entrant.teamId())
                    .put("name", entrant == null ? null : entrant.name())
                    .put("value", draw.assigned().get(k)));
        }
        return publicView(draw).put("assignment", assignment);
    }

    /** 128 random bits as 32 hex digits, published with the draw. */
    static String newSeed() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
