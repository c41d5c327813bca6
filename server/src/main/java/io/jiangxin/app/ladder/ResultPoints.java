package io.jiangxin.app.ladder;

import io.jiangxin.judging.EventFacts;
import io.jiangxin.app.Schemes;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ResultStore;
import io.jiangxin.storage.ladder.ResultFactStore;
import io.jiangxin.storage.ladder.ResultFactStore.AssessmentRow;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a signed-off event into ladder results and points. Called after the sign-off's commit (and after an
 * appeal decision); it never fails the caller. Each sign-off records the people's ranks as result facts:
 * revision 0 the first time, revision +1 when a later sign-off (after an upheld appeal) changes a rank or award,
 * or withdraws a result. Every configuration's ledger is then reconciled with those facts, which posts new
 * results and reverses changed ones with counter-entries. A training assessment (培训考核, contest kind TRAINING)
 * is not a contest result: each person's total, pass and rank are recorded the same way, by revision, as a private
 * assessment on the worker's training record, and a passed revision is posted as training-assessment evidence.
 *
 * <p>Recovery: an event whose current sign-off is not yet posted stays listed by
 * {@link ResultFactStore#unpostedEvents}; every later sign-off posts those too, each node retries them periodically
 * ({@link #retryUnposted}), and organizers can post one again with {@code POST /api/ladder/events/{id}/post-results}.
 * Posting twice, or from several nodes at once, adds nothing: facts are written under the event's advisory lock
 * and ledger entries under the configuration's, with deterministic unique keys.
 */
public final class ResultPoints {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPoints.class);

    private final LadderReconciliation ladder;
    private final ResultFactStore store;
    private final ResultStore results;
    private final LiveEvents live;
    private final Schemes schemes;
    /** One retry round at a time on this node, however short the interval. */
    private final AtomicBoolean retrying = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong roundsDone = new java.util.concurrent.atomic.AtomicLong();

    public ResultPoints(LadderReconciliation ladder, ResultFactStore store, ResultStore results, LiveEvents live,
                        Schemes schemes) {
        this.ladder = ladder;
        this.store = store;
        this.results = results;
        this.live = live;
        this.schemes = schemes;
    }

    /** The sign-off hook: posts this event and any earlier one whose posting failed. Never throws. */
    public void eventSignedOff(long eventId) {
        try {
            post(eventId).onComplete(done -> {
                if (done.failed()) {
                    LOG.warn("ladder: posting results of event {} failed; it is retried periodically, with the next"
                            + " sign-off, or by POST /api/ladder/events/{}/post-results: {}", eventId, eventId,
                            done.cause().toString());
                }
                store.unpostedEvents(store.pool()).onSuccess(pending -> pending.stream()
                        .filter(id -> id != eventId).forEach(id -> post(id).onFailure(e -> LOG.warn(
                                "ladder: catching up event {} failed: {}", id, e.toString()))));
            });
        } catch (RuntimeException e) {
            LOG.warn("ladder: posting results of event {} failed: {}", eventId, e.toString());
        }
    }

    /**
     * The periodic retry: posts every signed-off event whose current sign-off is not posted yet (for example because
     * the database failed at sign-off time), one after another; returns how many were posted. A failure is logged and
     * left for the next round. Skipped while this node's previous round is still running.
     */
    /** How many retry rounds this node has finished, failed ones included; what a watcher waits on. */
    public long retryRoundsDone() {
        return roundsDone.get();
    }

    public Future<Integer> retryUnposted() {
        if (!retrying.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        Future<Integer> round;
        try {
            round = store.unpostedEvents(store.pool()).compose(pending -> {
                Future<Integer> chain = Future.succeededFuture(0);
                for (long eventId : pending) {
                    chain = chain.compose(n -> post(eventId)
                            .map(done -> n + (done.getBoolean("posted", false) ? 1 : 0))
                            .recover(e -> {
                                LOG.warn("ladder: retrying the posting of event {} failed; trying again next round: {}",
                                        eventId, e.toString());
                                return Future.succeededFuture(n);
                            }));
                }
                return chain;
            });
        } catch (RuntimeException e) {
            round = Future.failedFuture(e);
        }
        return round.onComplete(done -> {
            retrying.set(false);
            roundsDone.incrementAndGet();
            if (done.succeeded() && done.result() > 0) {
                LOG.info("ladder: retry posted {} event(s) that had failed", done.result());
            } else if (done.failed()) {
                LOG.warn("ladder: listing unposted events failed: {}", done.cause().toString());
            }
        });
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
        return results.header(results.pool(), eventId).compose(event -> {
            if (event.signedOffAt() == null) {
                return Future.succeededFuture(new JsonObject().put("eventId", eventId).put("posted", false)
                        .put("reason", "赛项未签字确认或已因申诉重开，待再次签字后过账 / the event is not signed off (or was"
                                + " reopened by an appeal); it is posted at its next sign-off"));
            }
            boolean training = EventFacts.isTraining(event.contestKind());
            return live.view(eventId, new Projections.Standings()).compose(standingsJson -> {
                JsonObject standings = new JsonObject(standingsJson);
                if (!standings.getBoolean("signedOff", false)) {
                    throw new IllegalStateException("live state of event " + eventId + " is not signed off yet");
                }
                MarkingScheme scheme = event.schemeJson() == null ? null : schemes.of(event.schemeJson());
                return store.entrants(store.pool(), eventId).compose(entrants -> training
                        // 培训考核: not a contest result; a private assessment on the worker's training record
                        ? recordAssessments(event, standings.getJsonArray("rows"),
                                scheme != null && scheme.hasPassMarks(), entrants)
                        : record(event, standings.getJsonArray("rows"), entrants));
            }).compose(people -> ladder.reconcileAll(people).compose(posted ->
                    store.markPosted(store.pool(), eventId, event.signedOffAt().atOffset(ZoneOffset.UTC)).map(v -> new JsonObject()
                            .put("eventId", eventId).put("posted", true).put("people", people.size())
                            .put("entries", posted))));
        });
    }

    /** Writes the result facts that changed, under the event's posting lock; returns the people concerned. */
    private Future<Set<Long>> record(ResultStore.Header event, JsonArray rows,
                                     Map<Long, List<Long>> entrants) {
        String key = "E" + event.eventId();
        LocalDate signedOffOn = event.signedOffAt().atZone(LadderCalendar.ZONE).toLocalDate();
        Level level = Level.valueOf(event.level());
        ContestClass contestClass = event.contestClass() == null ? ContestClass.NONE
                : ContestClass.valueOf(event.contestClass());
        String name = event.contestName() + " " + event.eventName();
        Map<Long, int[]> rankOf = new HashMap<>();
        Map<Long, String> awardOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            if ("DISQUALIFIED".equals(row.getString("status")) || row.getInteger("rank") == null) {
                continue;
            }
            long registration = Long.parseLong(row.getString("entryId"));
            int rank = row.getInteger("rank");
            // the engine's award band, as the jury board, the results sheet and the certificates show it
            String award = Objects.requireNonNullElse(row.getString("award"), "");
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

    /**
     * Writes the training assessment revisions that changed (total, passed, rank), under the event's posting lock;
     * returns the people concerned. Without a pass mark in the scheme every ranked entrant passes.
     */
    private Future<Set<Long>> recordAssessments(ResultStore.Header event, JsonArray rows,
                                                boolean hasPassMarks, Map<Long, List<Long>> entrants) {
        String key = "E" + event.eventId();
        LocalDate signedOffOn = event.signedOffAt().atZone(LadderCalendar.ZONE).toLocalDate();
        String name = event.contestName() + " " + event.eventName();
        Map<Long, AssessmentRow> now = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            if ("DISQUALIFIED".equals(row.getString("status")) || row.getInteger("rank") == null) {
                continue;
            }
            long registration = Long.parseLong(row.getString("entryId"));
            BigDecimal total = row.getString("total") == null ? null : new BigDecimal(row.getString("total"));
            boolean passed = hasPassMarks ? Boolean.TRUE.equals(row.getBoolean("passed")) : true;
            for (Long person : entrants.getOrDefault(registration, List.of())) {
                now.put(person, new AssessmentRow(0, person, key, event.eventId(), name, total, passed,
                        row.getInteger("rank"), signedOffOn, signedOffOn, 0));
            }
        }
        return store.pool().withTransaction(conn -> store.advisoryLock(conn, "ladder-result/" + key)
                .compose(v -> store.assessmentsOfEvent(conn, key))
                .compose(existing -> {
                    Map<Long, AssessmentRow> latest = new HashMap<>();
                    Map<Long, AssessmentRow> first = new HashMap<>();
                    existing.forEach(r -> {
                        latest.merge(r.personId(), r, (a, b) -> a.revision() >= b.revision() ? a : b);
                        first.merge(r.personId(), r, (a, b) -> a.revision() <= b.revision() ? a : b);
                    });
                    Set<Long> people = new TreeSet<>(now.keySet());
                    people.addAll(latest.keySet());
                    List<AssessmentRow> fresh = new ArrayList<>();
                    for (Long person : people) {
                        AssessmentRow is = now.get(person);
                        AssessmentRow was = latest.get(person);
                        if (was == null && is == null) {
                            continue;
                        }
                        if (was != null && sameAssessment(was, is)) {
                            continue;
                        }
                        LocalDate heldOn = Optional.ofNullable(first.get(person)).map(AssessmentRow::heldOn)
                                .orElse(signedOffOn);
                        int revision = was == null ? 0 : was.revision() + 1;
                        fresh.add(is == null
                                ? new AssessmentRow(0, person, key, event.eventId(), name, null, false, null, heldOn,
                                        signedOffOn, revision)
                                : new AssessmentRow(0, person, key, event.eventId(), name, is.total(), is.passed(),
                                        is.rank(), heldOn, signedOffOn, revision));
                    }
                    Future<Boolean> chain = Future.succeededFuture(true);
                    for (AssessmentRow row : fresh) {
                        chain = chain.compose(v -> store.insertAssessment(conn, row));
                    }
                    return chain.map(v -> people);
                }));
    }

    /** The stored revision says the same as the new result (null: withdrawn). */
    private static boolean sameAssessment(AssessmentRow was, AssessmentRow is) {
        if (is == null) {
            return was.rank() == null;
        }
        boolean sameTotal = was.total() == null ? is.total() == null
                : is.total() != null && was.total().compareTo(is.total()) == 0;
        return sameTotal && was.passed() == is.passed() && Objects.equals(was.rank(), is.rank());
    }
}
