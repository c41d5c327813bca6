package io.jiangxin.storage;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
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

    /** One key of a batch: who sent it, the key and the hash of what they sent. */
    public record Claim(long accountId, String key, String requestHash) {
    }

    /**
     * Claims a batch of keys in this transaction. Answers, for each claim already used before, its earlier reply
     * (or a 422 problem when the request differs); claims absent from the answer are fresh.
     */
    public Future<java.util.Map<Claim, Object>> claimAll(SqlConnection conn, java.util.List<Claim> claims) {
        Long[] accounts = claims.stream().map(Claim::accountId).toArray(Long[]::new);
        String[] keys = claims.stream().map(Claim::key).toArray(String[]::new);
        String[] hashes = claims.stream().map(Claim::requestHash).toArray(String[]::new);
        return conn.preparedQuery("insert into idempotency (account_id, key, request_hash) select * from"
                        + " unnest($1::bigint[], $2::text[], $3::text[]) on conflict do nothing returning account_id, key")
                .execute(Tuple.tuple().addValue(accounts).addValue(keys).addValue(hashes))
                .compose(inserted -> {
                    java.util.Set<String> fresh = new java.util.HashSet<>();
                    inserted.forEach(row -> fresh.add(row.getLong(0) + "/" + row.getString(1)));
                    java.util.List<Claim> used = claims.stream()
                            .filter(c -> !fresh.remove(c.accountId() + "/" + c.key())).toList();
                    if (used.isEmpty()) {
                        return Future.succeededFuture(java.util.Map.<Claim, Object>of());
                    }
                    return conn.preparedQuery("select account_id, key, request_hash, status, response::text from idempotency"
                                    + " where (account_id, key) in (select * from unnest($1::bigint[], $2::text[]))")
                            .execute(Tuple.tuple().addValue(used.stream().map(Claim::accountId).toArray(Long[]::new))
                                    .addValue(used.stream().map(Claim::key).toArray(String[]::new)))
                            .map(rows -> {
                                java.util.Map<String, Row> stored = new java.util.HashMap<>();
                                rows.forEach(row -> stored.put(row.getLong("account_id") + "/" + row.getString("key"), row));
                                java.util.Map<Claim, Object> answers = new java.util.HashMap<>();
                                for (Claim claim : used) {
                                    Row row = stored.get(claim.accountId() + "/" + claim.key());
                                    Object answer;
                                    if (row == null || row.getInteger("status") == null) {
                                        // The same key twice in one batch: the first is being written now.
                                        answer = new Problem(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, "同一请求正在处理，请稍后重试 /"
                                                + " the same request is being processed; retry shortly");
                                    } else {
                                        try {
                                            answer = replay(row, claim.requestHash());
                                        } catch (Problem problem) {
                                            answer = problem;
                                        }
                                    }
                                    answers.put(claim, answer);
                                }
                                return answers;
                            });
                });
    }

    /** Stores the replies of a batch's fresh claims, and releases the claims of requests that were refused. */
    public Future<Void> settle(SqlConnection conn, java.util.List<Claim> done, java.util.List<Integer> statuses,
                               java.util.List<JsonObject> responses, java.util.List<Claim> refused) {
        java.util.List<Future<?>> writes = new java.util.ArrayList<>();
        if (!done.isEmpty()) {
            // One statement for the whole group: a group's answers cost the database one update, not one each.
            writes.add(conn.preparedQuery("update idempotency i set status = u.status, response = u.response::jsonb"
                            + " from unnest($1::bigint[], $2::text[], $3::int[], $4::text[])"
                            + " as u(account_id, key, status, response)"
                            + " where i.account_id = u.account_id and i.key = u.key")
                    .execute(Tuple.tuple().addValue(done.stream().map(Claim::accountId).toArray(Long[]::new))
                            .addValue(done.stream().map(Claim::key).toArray(String[]::new))
                            .addValue(statuses.toArray(Integer[]::new))
                            .addValue(responses.stream().map(JsonObject::encode).toArray(String[]::new))));
        }
        if (!refused.isEmpty()) {
            writes.add(conn.preparedQuery("delete from idempotency where (account_id, key) in (select * from"
                            + " unnest($1::bigint[], $2::text[]))")
                    .execute(Tuple.tuple().addValue(refused.stream().map(Claim::accountId).toArray(Long[]::new))
                            .addValue(refused.stream().map(Claim::key).toArray(String[]::new))));
        }
        return Future.all(writes).mapEmpty();
    }

    private static Replay replay(Row row, String requestHash) {
        if (!row.getString("request_hash").equals(requestHash)) {
            throw new Problem(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "该 Idempotency-Key 已用于另一个请求 / this Idempotency-Key was used for a different request");
        }
        return new Replay(row.getInteger("status"), new JsonObject(row.getString("response")));
    }
}
