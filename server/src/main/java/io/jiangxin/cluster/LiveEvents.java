package io.jiangxin.cluster;

import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.LogChain;
import io.jiangxin.judging.EventEntry;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.jiangxin.judging.EventJudging;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.judging.Records;
import io.jiangxin.judging.ScoreRecord;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each event's live judging state, shared by the cluster in one map. PostgreSQL's log is the truth: a state
 * that is missing (a cluster that restarted, a scheme that changed) is rebuilt from it, and a gap left by a node
 * that died between its commit and its update is filled from it.
 */
public final class LiveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    /** The outcome of applying records: the event's version and the entries whose sheets changed. */
    public record Update(long eventId, long version, Set<String> changed) {
    }

    /**
     * Told after each update, so every node's viewers can catch up; boards have their own versions. The deltas are
     * the ones the update made (empty when a board did not move), or null when they are not known (after a gap).
     */
    public interface BoardListener {
        void changed(long eventId, long juryBoardVersion, long publicBoardVersion, List<BoardDelta> juryDeltas,
                     List<BoardDelta> publicDeltas);

        /** The state was brought back to the log after a member change: viewers should be sent the board afresh. */
        default void reconciled(long eventId) {
        }
    }

    /** What one pass of {@link #reconcile} did: states checked, caught up with the log, and dropped to rebuild. */
    public record Reconciled(int checked, int caughtUp, int dropped) {
    }

    private final IMap<Long, EventJudging> states;
    private final Pool pool;
    private final ScoreLogStore log;
    private final JudgingStore judging;
    private volatile BoardListener listener = (eventId, jury, pub, juryDeltas, publicDeltas) -> { };
    private volatile java.util.function.LongConsumer applyNanos = nanos -> { };

    public LiveEvents(HazelcastInstance hazelcast, Pool pool, ScoreLogStore log, JudgingStore judging) {
        this.states = hazelcast.getMap(Maps.LIVE_EVENTS);
        this.pool = pool;
        this.log = log;
        this.judging = judging;
    }

    public void onBoardChange(BoardListener boardListener) {
        this.listener = boardListener;
    }

    /** Applies committed entries; rebuilds the state or fills a gap from PostgreSQL when needed. */
    public Future<Update> apply(long eventId, List<LogEntry> entries) {
        List<ScoreRecord> records = entries.stream().map(Records::of).toList();
        return submit(eventId, records).compose(applied -> {
            if (!applied.present()) {
                return rebuild(eventId).compose(v -> submit(eventId, records));
            }
            return Future.succeededFuture(applied);
        }).compose(applied -> {
            if (applied.missingFrom() > 0) {
                return fillGap(eventId, applied.missingFrom() - 1).map(filled ->
                        new ApplyRecords.Applied(true, filled.version(), 0, union(applied.changed(), filled.changed()),
                                filled.juryBoard(), filled.publicBoard(), null, null));
            }
            return Future.succeededFuture(applied);
        }).map(applied -> {
            listener.changed(eventId, applied.juryBoard(), applied.publicBoard(), applied.juryDeltas(),
                    applied.publicDeltas());
            return new Update(eventId, applied.version(), applied.changed());
        });
    }

    /** Reads a projection of the event's state, building the state first when the cluster has none. */
    public <R extends Serializable> Future<R> view(long eventId, LiveView.Projection<R> projection) {
        LiveView<R> view = new LiveView<>(projection);
        return OnContext.of(states.submitToKey(eventId, view)).compose(result -> {
            if (result != null) {
                return Future.succeededFuture(result);
            }
            return rebuild(eventId).compose(v -> OnContext.of(states.submitToKey(eventId, view)));
        });
    }

    /**
     * Brings every live state back to its log's head ({@code event_chain.last_seq}). A member that dies between its
     * commit and its update leaves records nobody applied; after a split, the side whose copy survived the merge
     * has not applied the other side's records. A state behind its head catches up; one beyond it (a log cut
     * behind the server's back) is dropped, so that its next use rebuilds it and verifies the chain first.
     */
    public Future<Reconciled> reconcile(java.util.Collection<Long> eventIds) {
        // Versions first, heads second: a commit in between only makes a state look behind, which is harmless.
        Map<Long, Future<Long>> versions = new HashMap<>();
        eventIds.forEach(eventId -> versions.put(eventId, OnContext.of(
                states.submitToKey(eventId, new LiveView<>(new Projections.Version())))));
        return Future.join(List.copyOf(versions.values())).transform(read -> log.heads(pool, eventIds))
                .compose(heads -> {
                    List<Future<Integer>> checks = new java.util.ArrayList<>();
                    versions.forEach((eventId, version) -> {
                        if (version.failed() || version.result() == null) {
                            return;
                        }
                        long head = heads.getOrDefault(eventId, 0L);
                        checks.add(reconcile(eventId, version.result(), head));
                    });
                    return Future.join(checks).transform(done -> {
                        int caughtUp = 0;
                        int dropped = 0;
                        for (Future<Integer> check : checks) {
                            if (check.succeeded()) {
                                caughtUp += check.result() > 0 ? 1 : 0;
                                dropped += check.result() < 0 ? 1 : 0;
                            }
                        }
                        return Future.succeededFuture(new Reconciled(checks.size(), caughtUp, dropped));
                    });
                });
    }

    /** 1 when the state caught up, 0 when it was at the head, -1 when it was dropped to be rebuilt. */
    private Future<Integer> reconcile(long eventId, long version, long head) {
        if (version > head) {
            LOG.warn("live state of event {} is at seq {}, beyond its log's head {}; dropped to be rebuilt",
                    eventId, version, head);
            return evict(eventId).map(v -> -1);
        }
        Future<Integer> caughtUp = version == head ? Future.succeededFuture(0)
                : fillGap(eventId, version).map(filled -> 1);
        // Viewers on any node may hold a board from the other side of a split: every relay checks its own.
        return caughtUp.onSuccess(result -> listener.reconciled(eventId));
    }

    /** The events that have live state in the cluster. Blocking: call it off the event loop. */
    public java.util.Set<Long> eventIds() {
        return java.util.Set.copyOf(states.keySet());
    }

    /** Forgets the state so the next use rebuilds it, e.g. after the scheme changed. */
    public Future<Void> evict(long eventId) {
        return OnContext.of(states.removeAsync(eventId)).mapEmpty();
    }

    /** Builds the state from the stored log; a state another node put first is kept. */
    Future<Void> rebuild(long eventId) {
        return judging.facts(eventId).compose(facts -> {
            if (facts.schemeJson() == null) {
                return Future.failedFuture(io.jiangxin.problem.Problem.noScheme());
            }
            return Future.all(judging.entries(pool, eventId, true), log.readChain(pool, eventId),
                    io.jiangxin.storage.RoundTotalStore.ofEvent(pool, eventId)).compose(loaded -> {
                LogChain chain = loaded.resultAt(1);
                var broken = chain.firstBreak();
                if (broken.isPresent()) {
                    // A log that does not verify is never folded into what judges and viewers are shown.
                    return Future.failedFuture(log.brokenLogs().problem(eventId, broken.get()));
                }
                log.brokenLogs().verified(eventId);
                Map<String, String> teams = new HashMap<>();
                List<EventEntry> entries = loaded.resultAt(0);
                // Team (团体) and enterprise boards group entries by the entrant's organization.
                entries.stream().filter(e -> !e.organizationIds().isEmpty())
                        .forEach(e -> teams.put(String.valueOf(e.registrationId()), "org:" + e.organizationIds().get(0)));
                EventJudging state = new EventJudging(eventId, facts.schemeJson(), teams, loaded.resultAt(2));
                List<LogEntry> stored = chain.entries();
                state.apply(stored.stream().map(Records::of).toList());
                LOG.info("rebuilt live state of event {} from {} log records", eventId, stored.size());
                return OnContext.of(states.submitToKey(eventId, new InstallState(state))).mapEmpty();
            });
        });
    }

    private Future<ApplyRecords.Applied> submit(long eventId, List<ScoreRecord> records) {
        long started = System.nanoTime();
        return OnContext.of(states.submitToKey(eventId, new ApplyRecords(records)))
                .andThen(done -> applyNanos.accept(System.nanoTime() - started));
    }

    /** Told each apply's entry-processor time, call to answer, in nanoseconds (the node's metrics). */
    public void timeAppliesWith(java.util.function.LongConsumer recorder) {
        this.applyNanos = recorder;
    }

    private Future<ApplyRecords.Applied> fillGap(long eventId, long afterSeq) {
        return log.read(pool, eventId, afterSeq).compose(missing ->
                submit(eventId, missing.stream().map(Records::of).toList()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
