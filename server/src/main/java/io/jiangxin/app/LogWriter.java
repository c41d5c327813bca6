package io.jiangxin.app;

import io.jiangxin.judging.Actor;
import io.jiangxin.judging.ChainHead;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.metrics.JudgingMeters;
import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.IdempotencyStore.Claim;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path by which anything enters an event's score log: marks, corrections, the head judge's decisions,
 * locks, sign-off, appeals and board policy alike. Commands for one event are queued and committed in groups: the
 * commands that arrive while a transaction runs share the next one, with one claim of their idempotency keys, one
 * lock of the event's chain, one commit and one live update. Within a group each command is decided in order under
 * the lock and sees what the ones before it appended; a refused command leaves nothing behind (a savepoint undoes
 * whatever it wrote) and does not disturb the others. Each is answered on its own, after the commit, so an
 * acknowledged write is durable and a retried one is recorded once.
 *
 * <p>An event's queue lives on one writer context (one of {@link #start}'s instances, chosen by the event), so it
 * needs no lock; each answer goes back to the context that asked.
 */
public final class LogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_GROUP = 128;

    /** What a command decided: the records to append and how to answer once they have sequence numbers. */
    public record Decision(int status, List<LogDraft> drafts, Function<List<LogEntry>, JsonObject> answer) {
    }

    /** A command's rules, checked under the event's chain lock; it may read and write in the transaction. */
    public interface Command {
        Future<Decision> decide(SqlConnection conn, EventFacts facts, ChainHead head);
    }

    /**
     * Commands of one kind decided together with one set of reads (the judges' marks): the consecutive commands of
     * a group that share a batch. It must not write; it answers, per command and in order, a {@link Decision} or
     * the {@link RuntimeException} refusing it.
     */
    public interface Batch<C> {
        Future<List<Object>> decideAll(SqlConnection conn, EventFacts facts, ChainHead head, List<C> commands);
    }

    /** The answer to the client, and whether it repeats an earlier one. */
    public record Outcome(int status, JsonObject body, boolean replayed) {
    }

    private record Pending(Actor actor, Claim claim, Command single, Batch<Object> batch, Object batched,
                           Promise<Outcome> reply, Context caller) {
    }

    /** One writer context and the queues of the events it commits. */
    private static final class Shard {
        final Context context;
        final Map<Long, ArrayDeque<Pending>> queues = new HashMap<>();
        final Set<Long> committing = new HashSet<>();

        Shard(Context context) {
            this.context = context;
        }
    }

    private final Pool pool;
    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final IdempotencyStore idempotency;
    private final LiveEvents live;
    private final JudgingMeters meters;
    private final List<Shard> shards = new CopyOnWriteArrayList<>();

    public LogWriter(Pool pool, JudgingStore judging, ScoreLogStore log, IdempotencyStore idempotency,
                     LiveEvents live, JudgingMeters meters) {
        this.pool = pool;
        this.judging = judging;
        this.log = log;
        this.idempotency = idempotency;
        this.live = live;
        this.meters = meters;
    }

    /** Deploys the writer's contexts, one per instance; events are spread over them. */
    public Future<Void> start(Vertx vertx, int instances) {
        return vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                shards.add(new Shard(context));
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(instances)).mapEmpty();
    }

    public Future<Outcome> write(long eventId, Actor actor, String key, String requestHash, Command command) {
        return enqueue(eventId, actor, key, requestHash, command, null, null);
    }

    @SuppressWarnings("unchecked")
    public <C> Future<Outcome> write(long eventId, Actor actor, String key, String requestHash, Batch<C> batch,
                                     C command) {
        return enqueue(eventId, actor, key, requestHash, null, (Batch<Object>) batch, command);
    }

    private Future<Outcome> enqueue(long eventId, Actor actor, String key, String requestHash, Command single,
                                    Batch<Object> batch, Object batched) {
        if (shards.isEmpty()) {
            return Future.failedFuture(new IllegalStateException("the score-log writer has not started"));
        }
        Promise<Outcome> reply = Promise.promise();
        Pending pending = new Pending(actor, key == null ? null : new Claim(actor.accountId(), key, requestHash),
                single, batch, batched, reply, Vertx.currentContext());
        Shard shard = shards.get(Math.floorMod(Long.hashCode(eventId), shards.size()));
        shard.context.runOnContext(v -> {
            shard.queues.computeIfAbsent(eventId, id -> new ArrayDeque<>()).add(pending);
            drain(shard, eventId);
        });
        return reply.future();
    }

    private void drain(Shard shard, long eventId) {
        ArrayDeque<Pending> queue = shard.queues.get(eventId);
        if (shard.committing.contains(eventId) || queue == null) {
            return;
        }
        if (queue.isEmpty()) {
            shard.queues.remove(eventId);
            return;
        }
        List<Pending> group = new ArrayList<>();
        while (!queue.isEmpty() && group.size() < MAX_GROUP) {
            group.add(queue.poll());
        }
        shard.committing.add(eventId);
        commit(eventId, group).onComplete(done -> {
            shard.committing.remove(eventId);
            drain(shard, eventId);
        });
    }

    /** One transaction for a group; every member is answered, whatever happens. */
    private Future<Void> commit(long eventId, List<Pending> group) {
        long started = System.nanoTime();
        // The same key twice in one group (a retry that caught up with its original) is one request.
        Map<Object, List<Pending>> byRequest = new LinkedHashMap<>();
        group.forEach(p -> byRequest.computeIfAbsent(p.claim() != null ? p.claim() : p, k -> new ArrayList<>()).add(p));
        List<Pending> requests = byRequest.values().stream().map(list -> list.get(0)).toList();
        Map<Pending, Object> answers = new HashMap<>();
        List<LogEntry> appended = new ArrayList<>();

        Future<Void> transaction = pool.withTransaction(conn -> {
            List<Claim> claims = requests.stream().map(Pending::claim).filter(c -> c != null).toList();
            Future<Map<Claim, Object>> claimed = claims.isEmpty() ? Future.succeededFuture(Map.of())
                    : idempotency.claimAll(conn, claims);
            Future<ScoreLogStore.LockedEvent> locked = log.lockWithFacts(conn, eventId);
            return Future.all(claimed, locked).compose(done -> {
                List<Pending> fresh = new ArrayList<>();
                for (Pending p : requests) {
                    Object earlier = p.claim() == null ? null : claimed.result().get(p.claim());
                    if (earlier instanceof IdempotencyStore.Replay replay) {
                        answers.put(p, new Outcome(replay.status(), replay.response(), true));
                    } else if (earlier != null) {
                        answers.put(p, earlier);
                    } else {
                        fresh.add(p);
                    }
                }
                if (fresh.isEmpty()) {
                    return Future.succeededFuture();
                }
                // An event whose scheme was never set has no chain yet: its facts say whether it exists at all.
                Future<ScoreLogStore.LockedEvent> event = locked.result() != null
                        ? Future.succeededFuture(locked.result())
                        : judging.facts(conn, eventId).compose(facts -> log.lock(conn, eventId)
                                .map(head -> new ScoreLogStore.LockedEvent(head, facts)));
                return event.compose(e -> new Group(conn, e.head(), e.facts(), answers, appended).decide(fresh))
                        .compose(v -> settle(conn, fresh, answers));
            });
        });

        return transaction.compose(v -> {
                    meters.groupCommitted(requests.size(), appended.size(), System.nanoTime() - started);
                    return appended.isEmpty() ? Future.<Void>succeededFuture()
                            // The write is durable; the live state catches up from the log if this update is lost.
                            : live.apply(eventId, appended).otherwise(failure -> {
                                LOG.warn("live state of event {} not updated after commit: {}", eventId,
                                        failure.toString());
                                return null;
                            }).mapEmpty();
                })
                .onComplete(done -> byRequest.forEach((request, members) -> {
                    Object answer = done.succeeded() ? answers.get(members.get(0)) : done.cause();
                    members.forEach(member -> answer(member, answer));
                }))
                .mapEmpty();
    }

    private static void answer(Pending member, Object answer) {
        Runnable reply = () -> {
            if (answer instanceof Outcome outcome) {
                member.reply().complete(outcome);
            } else if (answer instanceof Throwable failure) {
                member.reply().fail(failure);
            } else {
                member.reply().fail(new IllegalStateException("no answer for a score-log write"));
            }
        };
        if (member.caller() == null || member.caller() == Vertx.currentContext()) {
            reply.run();
        } else {
            member.caller().runOnContext(v -> reply.run());
        }
    }

    /** Stores the answers of the fresh requests and releases the keys of the refused ones. */
    private Future<Void> settle(SqlConnection conn, List<Pending> fresh, Map<Pending, Object> answers) {
        List<Claim> done = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        List<JsonObject> bodies = new ArrayList<>();
        List<Claim> refused = new ArrayList<>();
        for (Pending p : fresh) {
            if (p.claim() == null) {
                continue;
            }
            if (answers.get(p) instanceof Outcome outcome) {
                done.add(p.claim());
                statuses.add(outcome.status());
                bodies.add(outcome.body());
            } else {
                refused.add(p.claim());
            }
        }
        return idempotency.settle(conn, done, statuses, bodies, refused);
    }

    /** A group's fresh commands decided in order under the lock, each after what the ones before it appended. */
    private final class Group {
        private final SqlConnection conn;
        private final Map<Pending, Object> answers;
        private final List<LogEntry> appended;
        private ChainHead head;
        private EventFacts facts;

        Group(SqlConnection conn, ChainHead head, EventFacts facts, Map<Pending, Object> answers,
              List<LogEntry> appended) {
            this.conn = conn;
            this.head = head;
            this.facts = facts;
            this.answers = answers;
            this.appended = appended;
        }

        Future<Void> decide(List<Pending> fresh) {
            Future<Void> done = Future.succeededFuture();
            int i = 0;
            while (i < fresh.size()) {
                Pending first = fresh.get(i);
                int end = i + 1;
                while (first.batch() != null && end < fresh.size() && fresh.get(end).batch() == first.batch()) {
                    end++;
                }
                List<Pending> run = fresh.subList(i, end);
                done = done.compose(v -> first.batch() != null ? batch(first.batch(), run) : single(first));
                i = end;
            }
            return done;
        }

        private Future<Void> batch(Batch<Object> batch, List<Pending> run) {
            ChainHead before = head;
            return batch.decideAll(conn, facts, before, run.stream().map(Pending::batched).toList())
                    .compose(decisions -> {
                        List<LogDraft> drafts = new ArrayList<>();
                        List<Actor> actors = new ArrayList<>();
                        List<Pending> accepted = new ArrayList<>();
                        List<Decision> decided = new ArrayList<>();
                        for (int i = 0; i < run.size(); i++) {
                            Pending p = run.get(i);
                            if (decisions.get(i) instanceof Decision decision) {
                                drafts.addAll(decision.drafts());
                                decision.drafts().forEach(d -> actors.add(p.actor()));
                                accepted.add(p);
                                decided.add(decision);
                            } else {
                                answers.put(p, decisions.get(i));
                            }
                        }
                        return log.append(conn, before, actors, drafts).map(stored -> {
                            int at = 0;
                            for (int i = 0; i < accepted.size(); i++) {
                                Decision decision = decided.get(i);
                                List<LogEntry> own = stored.subList(at, at + decision.drafts().size());
                                at += own.size();
                                answers.put(accepted.get(i), new Outcome(decision.status(),
                                        decision.answer().apply(own), false));
                            }
                            advance(stored);
                            return null;
                        });
                    });
        }

        private Future<Void> single(Pending p) {
            ChainHead before = head;
            int appendedBefore = appended.size();
            return conn.query("savepoint command").execute()
                    .compose(v -> p.single().decide(conn, facts, before))
                    .compose(decision -> log.append(conn, before, p.actor(), decision.drafts()).map(stored -> {
                        answers.put(p, new Outcome(decision.status(), decision.answer().apply(stored), false));
                        advance(stored);
                        return stored;
                    }))
                    // A command may change the event itself (sign-off): the next ones see it as it now is.
                    .compose(stored -> stored.isEmpty() ? Future.<Void>succeededFuture()
                            : judging.facts(conn, head.eventId()).map(now -> {
                                facts = now;
                                return null;
                            }))
                    .recover(refusal -> conn.query("rollback to savepoint command").execute().map(v -> {
                        head = before;
                        appended.subList(appendedBefore, appended.size()).clear();
                        answers.put(p, refusal);
                        return null;
                    }));
        }

        private void advance(List<LogEntry> stored) {
            if (!stored.isEmpty()) {
                LogEntry last = stored.get(stored.size() - 1);
                head = new ChainHead(head.eventId(), last.seq(), last.hash());
                appended.addAll(stored);
            }
        }
    }
}
