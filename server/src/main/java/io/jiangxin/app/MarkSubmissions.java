package io.jiangxin.app;

import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.judging.RecordKind;
import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.IdempotencyStore.Claim;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.jiangxin.storage.ScoreLogStore.MarkKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges' mark submissions, committed per event in groups. An event's appends are serialised by its chain lock
 * anyway, so the submissions that arrive while one transaction runs wait and then share the next: one lock, one
 * batch of statements and one live update for all of them. Each submission is still checked on its own, answered
 * on its own, and acknowledged only after the commit.
 */
public final class MarkSubmissions {

    private static final Logger LOG = LoggerFactory.getLogger(MarkSubmissions.class);
    static final int MAX_BATCH = 128;

    /** One judge's request, waiting for its group. */
    private record Pending(Principal judge, long eventId, String entryCode, List<Judging.MarkInput> marks, Actor actor,
                           Claim claim, Promise<LogWriter.Outcome> reply) {
    }

    private final Pool pool;
    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final IdempotencyStore idempotency;
    private final LiveEvents live;
    private final Schemes schemes;
    private final io.jiangxin.storage.ReviewStore reviews;
    private final Map<Long, ArrayDeque<Pending>> queues = new ConcurrentHashMap<>();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public MarkSubmissions(Pool pool, JudgingStore judging, ScoreLogStore log, IdempotencyStore idempotency,
                           LiveEvents live, Schemes schemes) {
        this.pool = pool;
        this.judging = judging;
        this.log = log;
        this.idempotency = idempotency;
        this.live = live;
        this.schemes = schemes;
        this.reviews = new io.jiangxin.storage.ReviewStore(pool);
    }

    public Future<LogWriter.Outcome> submit(Principal judge, long eventId, String entryCode,
                                            List<Judging.MarkInput> marks, Actor actor, String key, String requestHash) {
        Promise<LogWriter.Outcome> reply = Promise.promise();
        ArrayDeque<Pending> queue = queues.computeIfAbsent(eventId, id -> new ArrayDeque<>());
        synchronized (queue) {
            queue.add(new Pending(judge, eventId, entryCode, marks, actor,
                    new Claim(judge.accountId(), key, requestHash), reply));
        }
        drain(eventId);
        return reply.future();
    }

    private void drain(long eventId) {
        if (!running.add(eventId)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        ArrayDeque<Pending> queue = queues.get(eventId);
        synchronized (queue) {
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
        }
        if (batch.isEmpty()) {
            running.remove(eventId);
            // A submission may have arrived between the poll and the removal.
            synchronized (queue) {
                if (queue.isEmpty()) {
                    return;
                }
            }
            drain(eventId);
            return;
        }
        commit(eventId, batch).onComplete(done -> {
            running.remove(eventId);
            drain(eventId);
        });
    }

    /** One transaction for a group; every member's promise is completed, whatever happens. */
    private Future<Void> commit(long eventId, List<Pending> batch) {
        // The same key twice in one group (a retry that caught up with its original) is one request.
        Map<Claim, List<Pending>> byClaim = new LinkedHashMap<>();
        batch.forEach(p -> byClaim.computeIfAbsent(p.claim(), c -> new ArrayList<>()).add(p));
        List<Pending> requests = byClaim.values().stream().map(list -> list.get(0)).toList();
        Map<Claim, Object> answers = new HashMap<>();
        List<LogEntry> appended = new ArrayList<>();

        Future<Void> transaction = pool.withTransaction(conn -> {
            Future<Map<Claim, Object>> claimed = idempotency.claimAll(conn,
                    requests.stream().map(Pending::claim).toList());
            Future<ScoreLogStore.LockedEvent> locked = log.lockWithFacts(conn, eventId);
            return Future.all(claimed, locked).compose(done -> {
                answers.putAll(claimed.result());
                List<Pending> fresh = requests.stream().filter(p -> !answers.containsKey(p.claim())).toList();
                if (fresh.isEmpty()) {
                    return Future.succeededFuture();
                }
                if (locked.result() == null) {
                    // No chain: the event is unknown (404 from facts) or has no scheme yet.
                    return judging.facts(conn, eventId).compose(facts -> Future.failedFuture(Problem.noScheme()));
                }
                return decideAndAppend(conn, locked.result(), fresh, answers, appended);
            });
        });

        return transaction.compose(v -> appended.isEmpty() ? Future.succeededFuture()
                        : live.apply(eventId, appended).otherwise(failure -> {
                            LOG.warn("live state of event {} not updated after commit: {}", eventId, failure.toString());
                            return null;
                        }).mapEmpty())
                .onComplete(done -> byClaim.forEach((claim, members) -> {
                    Object answer = done.succeeded() ? answers.get(claim) : done.cause();
                    for (Pending member : members) {
                        if (answer instanceof LogWriter.Outcome outcome) {
                            member.reply().complete(outcome);
                        } else if (answer instanceof IdempotencyStore.Replay replay) {
                            member.reply().complete(new LogWriter.Outcome(replay.status(), replay.response(), true));
                        } else if (answer instanceof Throwable failure) {
                            member.reply().fail(failure);
                        } else {
                            member.reply().fail(new IllegalStateException("no answer for a submission"));
                        }
                    }
                }))
                .mapEmpty();
    }

    private Future<Void> decideAndAppend(SqlConnection conn, ScoreLogStore.LockedEvent event, List<Pending> fresh,
                                         Map<Claim, Object> answers, List<LogEntry> appended) {
        long eventId = event.head().eventId();
        Set<String> codes = new HashSet<>();
        Set<Long> judges = new HashSet<>();
        fresh.forEach(p -> {
            codes.add(p.entryCode());
            judges.add(p.judge().accountId());
        });
        Future<List<PanelMember>> panel = judging.panel(conn, eventId);
        Future<Map<String, EventEntry>> entries = judging.entriesByCode(conn, eventId, codes);
        Future<Map<Long, Map<Long, String>>> conflicts = judging.conflicts(conn, eventId);
        // A document round with a review assignment: each judge marks only the entries assigned to them.
        Future<Map<Long, Set<Long>>> assigned = reviews.assignedFor(conn, eventId, judges);
        return Future.all(panel, entries, conflicts, assigned).compose(context -> {
            Set<Long> registrations = new HashSet<>();
            entries.result().values().forEach(e -> registrations.add(e.registrationId()));
            return log.currentMarks(conn, eventId, registrations, judges).compose(current -> {
                List<LogDraft> drafts = new ArrayList<>();
                List<Actor> actors = new ArrayList<>();
                List<Pending> accepted = new ArrayList<>();
                List<Integer> draftCounts = new ArrayList<>();
                List<JsonArray> items = new ArrayList<>();
                for (Pending p : fresh) {
                    try {
                        List<LogDraft> own = new ArrayList<>();
                        JsonArray answered = decide(p, event.facts(), panel.result(), entries.result(),
                                conflicts.result(), assigned.result(), current, own);
                        drafts.addAll(own);
                        own.forEach(d -> actors.add(p.actor()));
                        accepted.add(p);
                        draftCounts.add(own.size());
                        items.add(answered);
                    } catch (Problem refused) {
                        answers.put(p.claim(), refused);
                    }
                }
                List<Claim> refused = fresh.stream().map(Pending::claim).filter(answers::containsKey).toList();
                return log.append(conn, event.head(), actors, drafts).compose(stored -> {
                    appended.addAll(stored);
                    List<Integer> statuses = new ArrayList<>();
                    List<JsonObject> bodies = new ArrayList<>();
                    int at = 0;
                    for (int i = 0; i < accepted.size(); i++) {
                        Pending p = accepted.get(i);
                        int count = draftCounts.get(i);
                        JsonArray answered = items.get(i);
                        for (int m = 0, e = at; m < answered.size(); m++) {
                            JsonObject item = answered.getJsonObject(m);
                            if (!"UNCHANGED".equals(item.getString("result"))) {
                                item.put("seq", stored.get(e++).seq());
                            }
                        }
                        long version = count == 0 ? event.head().lastSeq() : stored.get(at + count - 1).seq();
                        at += count;
                        int status = count == 0 ? 200 : 201;
                        JsonObject body = new JsonObject().put("eventId", eventId).put("entryCode", p.entryCode())
                                .put("version", version).put("marks", answered);
                        statuses.add(status);
                        bodies.add(body);
                        answers.put(p.claim(), new LogWriter.Outcome(status, body, false));
                    }
                    return idempotency.settle(conn, accepted.stream().map(Pending::claim).toList(), statuses, bodies,
                            refused);
                });
            });
        });
    }

    /** Checks one submission against the event as it stands, and states the records it adds. */
    private JsonArray decide(Pending p, EventFacts facts, List<PanelMember> panel,
                             Map<String, EventEntry> entries, Map<Long, Map<Long, String>> conflicts,
                             Map<Long, Set<Long>> assigned, Map<MarkKey, BigDecimal> current, List<LogDraft> drafts) {
        MarkingScheme scheme = schemes.of(facts.schemeJson());
        Judging.checkMarks(scheme, p.marks());
        if (facts.signedOffAt() != null) {
            throw Refusals.signedOff();
        }
        PanelRole role = panel.stream().filter(m -> m.accountId() == p.judge().accountId())
                .map(PanelMember::role).findFirst().orElse(null);
        if (role == null) {
            throw Refusals.notOnPanel();
        }
        if (role != PanelRole.JUDGE) {
            throw Refusals.wrongRole("JUDGE / 裁判（裁判长不打分 / head judges do not mark）");
        }
        EventEntry entry = entries.get(p.entryCode());
        if (entry == null) {
            throw new Problem(404, "NOT_FOUND", "该赛项没有参赛号 " + p.entryCode() + " / no entry " + p.entryCode()
                    + " in this event", null);
        }
        if (!"REGISTERED".equals(entry.status())) {
            throw Refusals.withdrawn();
        }
        if (entry.locked()) {
            throw Refusals.locked();
        }
        Long organization = p.judge().organizationId();
        if (organization != null && entry.organizationIds().contains(organization)) {
            throw Refusals.recusedSameOrganization();
        }
        String declared = conflicts.getOrDefault(p.judge().accountId(), Map.of()).get(entry.registrationId());
        if (declared != null) {
            throw Refusals.recusedDeclared(declared);
        }
        if (assigned != null && !assigned.getOrDefault(p.judge().accountId(), Set.of()).contains(entry.registrationId())) {
            throw ReviewAssignments.notAssigned();
        }
        JsonArray answered = new JsonArray();
        for (Judging.MarkInput mark : p.marks()) {
            MarkKey key = new MarkKey(entry.registrationId(), mark.aspectId(), p.judge().accountId());
            BigDecimal previous = current.get(key);
            JsonObject item = new JsonObject().put("aspectId", mark.aspectId()).put("value", mark.value().toPlainString())
                    .put("previous", previous == null ? null : previous.toPlainString());
            if (previous != null && previous.compareTo(mark.value()) == 0) {
                answered.add(item.put("result", "UNCHANGED"));
                continue;
            }
            RecordKind kind = previous == null ? RecordKind.MARK : RecordKind.CORRECTION;
            drafts.add(new LogDraft(kind, entry.registrationId(), mark.aspectId(), p.judge().accountId(), previous,
                    mark.value(), null, null, null));
            // A later submission in the same group corrects this one, not the stored mark.
            current.put(key, mark.value());
            answered.add(item.put("result", kind == RecordKind.MARK ? "RECORDED" : "CORRECTED"));
        }
        return answered;
    }
}
