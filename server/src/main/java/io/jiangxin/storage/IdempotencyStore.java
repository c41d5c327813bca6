package io.jiangxin.storage;

import io.jiangxin.app.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Makes a write happen once per key: the key is claimed in the write's own transaction, so a retry after a
 * lost reply gets the first answer back and records nothing; a concurrent retry waits for the first to commit.
 */
public final class IdempotencyStore {

    /** The stored answer of a write already done under this key. */
    public record Replay(int status, JsonObject response) {
    }

    /** Claims the key in this transaction; answers the earlier reply when the key was used before. */
    public Future<Replay> claim(SqlConnection conn, long accountId, String key, String requestHash) {
        return conn.preparedQuery("insert into idempotency (account_id, key, request_hash) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .execute(Tuple.of(accountId, key, requestHash))
                .compose(inserted -> {
                    if (inserted.rowCount() == 1) {
                        return Future.succeededFuture(null);
                    }
                    return conn.preparedQuery("select request_hash, status, response::text from idempotency"
                                    + " where account_id = $1 and key = $2")
                            .execute(Tuple.of(accountId, key))
                            .map(rows -> replay(rows.iterator().next(), requestHash));
                });
    }

    public Future<Void> complete(SqlConnection conn, long accountId, String key, int status, JsonObject response) {
        return conn.preparedQuery("update idempotency set status = $3, response = $4::text::jsonb"
                        + " where account_id = $1 and key = $2")
                .execute(Tuple.of(accountId, key, status, response.encode()))
                .mapEmpty();
    }

    private static Replay replay(Row row, String requestHash) {
        if (!row.getString("request_hash").equals(requestHash)) {
            throw new Problem(422, "IDEMPOTENCY_KEY_REUSED",
                    "该 Idempotency-Key 已用于另一个请求 / this Idempotency-Key was used for a different request", null);
        }
        return new Replay(row.getInteger("status"), new JsonObject(row.getString("response")));
    }
}
