package io.jiangxin.app;

import io.jiangxin.judging.ChainHead;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path by which anything enters an event's score log. In a single transaction it claims the
 * idempotency key, locks the event's chain, lets the command decide under that lock, appends, and stores the
 * answer; only after the commit does it update the shared live state. So an acknowledged write is durable, a
 * retried one is recorded once, and a refused one leaves nothing behind.
 */
public final class LogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);

    /** What a command decided: the records to append and how to answer once they have sequence numbers. */
    public record Decision(int status, List<LogDraft> drafts, Function<List<LogEntry>, JsonObject> answer) {
    }

    /** A command's rules, checked under the event's chain lock. */
    public interface Command {
        Future<Decision> decide(SqlConnection conn, EventFacts facts, ChainHead head);
    }

    /** The answer to the client, and whether it repeats an earlier one. */
    public record Outcome(int status, JsonObject body, boolean replayed) {
    }

    private final Pool pool;
    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final IdempotencyStore idempotency;
    private final LiveEvents live;

    public LogWriter(Pool pool, JudgingStore judging, ScoreLogStore log, IdempotencyStore idempotency,
                     LiveEvents live) {
        this.pool = pool;
        this.judging = judging;
        this.log = log;
        this.idempotency = idempotency;
        this.live = live;
    }

    public Future<Outcome> write(long eventId, Actor actor, String key, String requestHash, Command command) {
        record Committed(Outcome outcome, List<LogEntry> entries) {
        }
        return pool.withTransaction(conn -> idempotency.claim(conn, actor.accountId(), key, requestHash)
                .compose(replay -> {
                    if (replay != null) {
                        return Future.succeededFuture(new Committed(
                                new Outcome(replay.status(), replay.response(), true), List.of()));
                    }
                    return judging.facts(conn, eventId)
                            .compose(facts -> log.lock(conn, eventId)
                                    .compose(head -> command.decide(conn, facts, head)
                                            .compose(decision -> log.append(conn, head, actor, decision.drafts())
                                                    .compose(entries -> {
                                                        JsonObject body = decision.answer().apply(entries);
                                                        return idempotency.complete(conn, actor.accountId(), key,
                                                                        decision.status(), body)
                                                                .map(done -> new Committed(new Outcome(
                                                                        decision.status(), body, false), entries));
                                                    }))));
                }))
                .compose(committed -> {
                    if (committed.entries().isEmpty()) {
                        return Future.succeededFuture(committed.outcome());
                    }
                    // The write is durable; the live state catches up from the log if this update is lost.
                    return live.apply(eventId, committed.entries())
                            .otherwise(failure -> {
                                LOG.warn("live state of event {} not updated after commit: {}", eventId,
                                        failure.toString());
                                return null;
                            })
                            .map(update -> committed.outcome());
                });
    }
}
