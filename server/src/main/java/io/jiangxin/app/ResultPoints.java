package io.jiangxin.app;

import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.AwardCriterion;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.storage.LadderStore;
import io.jiangxin.storage.LadderStore.ResultRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a signed-off event into ladder results and points. Called after the sign-off's commit (and after an
 * appeal decision); it never fails the caller. Each sign-off records the people's ranks as result facts:
 * revision 0 the first time, revision +1 when a later sign-off (after an upheld appeal) changes a rank or award,
 * or withdraws a result. Every configuration's ledger is then reconciled with those facts, which posts new
 * results and reverses changed ones with counter-entries.
 *
 * <p>Recovery: an event whose current sign-off is not yet posted stays listed by
 * {@link LadderStore#unpostedEvents}; every later sign-off posts those too, and organizers can post one again
 * with {@code POST /api/ladder/events/{id}/post-results}. Posting twice adds nothing.
 */
public final class ResultPoints {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPoints.class);

    private final LadderService ladder;
    private final LadderStore store;
    private final LiveEvents live;
    private final Schemes schemes;

    public ResultPoints(LadderService ladder, LadderStore store, LiveEvents live, Schemes schemes) {
        this.ladder = ladder;
        this.store = store;
        this.live = live;
        this.schemes = schemes;
    }

    /** The sign-off hook: posts this event and any earlier one whose posting failed. Never throws. */
    public void eventSignedOff(long eventId) {
        try {
            post(eventId).onComplete(done -> {
                if (done.failed()) {
                    LOG.warn("ladder: posting results of event {} failed; it will be posted with the next sign-off or by"
                            + " POST /api/ladder/events/{}/post-results: {}", eventId, eventId, done.cause().toString());
                }
                store.unpostedEvents(store.pool()).onSuccess(pending -> pending.stream()
                        .filter(id -> id != eventId).forEach(id -> post(id).onFailure(e -> LOG.warn(
                                "ladder: catching up event {} failed: {}", id, e.toString()))));
            });
        } catch (RuntimeException e) {
            LOG.warn("ladder: posting results of event {} failed: {}", eventId, e.toString());
        }
    }

    /** The appeal hook: a ruling that reopened sheets waits for the next sign-off; otherwise nothing changed. */
    public void appealDecided(JsonObject decision) {
        Long eventId = decision == null ? null : decision.getLong("eventId");
        if (eventId != null) {
            eventSignedOff(eventId);
        }
    }

    /** Records the event's results and posts them to every ladder configuration; idempotent. */
    public Future<JsonObject> post(long eventId) {
        return store.eventForPosting(store.pool(), eventId).compose(event -> {
            if (event.signedOffAt() == null) {
                return Future.succeededFuture(new JsonObject().put("eventId", eventId).put("posted", false)
                        .put("reason", "赛项未签字确认或已因申诉重开，待再次签字后过账 / the event is not signed off (or was"
                                + " reopened by an appeal); it is posted at its next sign-off"));
            }
            if ("TRAINING".equals(event.kind())) {
                // 培训考核 results are private to the worker and the organizer, and are not contest results.
                return store.markPosted(store.pool(), eventId, event.signedOffAt()).map(v -> new JsonObject()
                        .put("eventId", eventId).put("posted", false).put("reason", "培训考核不计竞赛成绩 / training"
                                + " assessments are not contest results"));
            }
            return live.view(eventId, new Projections.Standings()).compose(standingsJson -> {
                JsonObject standings = new JsonObject(standingsJson);
                if (!standings.getBoolean("signedOff", false)) {
                    throw new IllegalStateException("live state of event " + eventId + " is not signed off yet");
                }
                List<AwardBand> awards = event.schemeJson() == null ? List.of()
                        : schemes.of(event.schemeJson()).awards();
                return store.entrants(store.pool(), eventId).compose(entrants ->
                        record(event, standings.getJsonArray("rows"), awards, entrants));
            }).compose(people -> ladder.reconcileAll(people).compose(posted ->
                    store.markPosted(store.pool(), eventId, event.signedOffAt()).map(v -> new JsonObject()
                            .put("eventId", eventId).put("posted", true).put("people", people.size())
                            .put("entries", posted))));
        });
    }

    /** Writes the result facts that changed, under the event's posting lock; returns the people concerned. */
    private Future<Set<Long>> record(LadderStore.EventForPosting event, JsonArray rows, List<AwardBand> awards,
                                     Map<Long, List<Long>> entrants) {
        String key = "E" + event.eventId();
        LocalDate signedOffOn = event.signedOffAt().atZoneSameInstant(LadderService.ZONE).toLocalDate();
        Level level = Level.valueOf(event.level());
        ContestClass contestClass = event.contestClass() == null ? ContestClass.NONE
                : ContestClass.valueOf(event.contestClass());
        String name = event.contestName() + " " + event.name();
        int ranked = (int) rows.stream().map(o -> (JsonObject) o)
                .filter(r -> !"DISQUALIFIED".equals(r.getString("status"))).count();
        Map<Long, int[]> rankOf = new HashMap<>();
        Map<Long, String> awardOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            if ("DISQUALIFIED".equals(row.getString("status")) || row.getInteger("rank") == null) {
                continue;
            }
            long registration = Long.parseLong(row.getString("entryId"));
            int rank = row.getInteger("rank");
            String award = award(rank, ranked, awards);
            for (Long person : entrants.getOrDefault(registration, List.of())) {
                rankOf.put(person, new int[] {rank});
                awardOf.put(person, award);
            }
        }
        return store.pool().withTransaction(conn -> store.advisoryLock(conn, "ladder-result/" + key)
                .compose(v -> store.resultsOfEvent(conn, key))
                .compose(existing -> {
                    Map<Long, ResultRow> latest = new HashMap<>();
                    Map<Long, ResultRow> first = new HashMap<>();
                    existing.forEach(r -> {
                        latest.merge(r.personId(), r, (a, b) -> a.revision() >= b.revision() ? a : b);
                        first.merge(r.personId(), r, (a, b) -> a.revision() <= b.revision() ? a : b);
                    });
                    Set<Long> people = new TreeSet<>(rankOf.keySet());
                    people.addAll(latest.keySet());
                    List<ResultRow> fresh = new ArrayList<>();
                    for (Long person : people) {
                        Integer rank = rankOf.containsKey(person) ? rankOf.get(person)[0] : null;
                        String award = awardOf.getOrDefault(person, "");
                        Optional<ResultRow> was = Optional.ofNullable(latest.get(person));
                        if (was.isPresent() && Objects.equals(was.get().rank(), rank) && was.get().award().equals(award)) {
                            continue;
                        }
                        if (was.isEmpty() && rank == null) {
                            continue;
                        }
                        LocalDate heldOn = Optional.ofNullable(first.get(person)).map(ResultRow::heldOn).orElse(signedOffOn);
                        fresh.add(new ResultRow(0, person, key, event.eventId(), name, event.trade(), level, contestClass,
                                rank, award, heldOn, signedOffOn, was.map(r -> r.revision() + 1).orElse(0), "JUDGING"));
                    }
                    fresh.sort(Comparator.comparing(ResultRow::personId));
                    Future<Boolean> chain = Future.succeededFuture(true);
                    for (ResultRow row : fresh) {
                        chain = chain.compose(v -> store.insertResult(conn, row));
                    }
                    return chain.map(v -> people);
                }));
    }

    /** The scheme's first award band the rank qualifies for (places or a top fraction); pass bands need sheets. */
    static String award(int rank, int ranked, List<AwardBand> bands) {
        for (AwardBand band : bands) {
            AwardCriterion criterion = band.criterion();
            if (criterion instanceof AwardCriterion.Places places && rank >= places.from() && rank <= places.to()) {
                return band.code();
            }
            if (criterion instanceof AwardCriterion.TopFraction top
                    && BigDecimal.valueOf(rank).compareTo(top.fraction().multiply(BigDecimal.valueOf(ranked))) <= 0) {
                return band.code();
            }
        }
        return "";
    }
}
