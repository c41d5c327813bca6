package io.jiangxin.app;

import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.IdempotencyStore.Claim;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A write outside the score log that a retry must not repeat (a draw, a need posted): the same claim and settle as
 * the log writer's, for one request in the caller's transaction.
 */
final class Idempotent {

    private Idempotent() {
    }

    /** The earlier answer under {@code claim}, or {@code work}'s, stored with {@code status}; without a key, just the work. */
    static Future<LogWriter.Outcome> once(IdempotencyStore store, SqlConnection conn, Claim claim, int status,
                                          Supplier<Future<JsonObject>> work) {
        if (claim == null) {
            return work.get().map(body -> new LogWriter.Outcome(status, body, false));
        }
        return store.claimAll(conn, List.of(claim)).compose(earlier -> {
            Object answered = earlier.get(claim);
            if (answered instanceof IdempotencyStore.Replay replay) {
                return Future.succeededFuture(new LogWriter.Outcome(replay.status(), replay.response(), true));
            }
            if (answered instanceof RuntimeException refused) {
                return Future.failedFuture(refused);
            }
            return work.get().compose(body -> store.settle(conn, List.of(claim), List.of(status), List.of(body),
                    List.of()).map(done -> new LogWriter.Outcome(status, body, false)));
        });
    }

    static Claim claim(long accountId, String key, String requestHash) {
        return key == null ? null : new Claim(accountId, key, requestHash);
    }
}
