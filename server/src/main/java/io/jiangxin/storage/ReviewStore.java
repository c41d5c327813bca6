package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** 网评分配: review runs (with their inputs, for re-running) and the current judge ↔ entry assignment. */
public final class ReviewStore extends PooledStore {

    /** A recorded assignment or reassignment. */
    public record Run(long id, long eventId, String kind, String seed, String seedSource, String algorithm, Integer k,
                      Long droppedJudge, JsonObject inputs, JsonObject outcome, String digest, long runBy,
                      String runByName, OffsetDateTime runAt) {
    }

    private static final String RUNS = "select r.id, r.event_id, r.kind, r.seed, r.seed_source, r.algorithm, r.k,"
            + " r.dropped_judge, r.inputs::text as inputs, r.outcome::text as outcome, r.digest, r.run_by,"
            + " a.display_name, r.run_at from review_run r join account a on a.id = r.run_by";

    public ReviewStore(Pool pool) {
        super(pool);
    }

    public Future<Long> insertRun(SqlConnection conn, long eventId, String kind, String seed, String seedSource,
                                  String algorithm, Integer k, Long droppedJudge, JsonObject inputs,
                                  JsonObject outcome, String digest, long runBy) {
        return conn.preparedQuery("insert into review_run (event_id, kind, seed, seed_source, algorithm, k,"
                        + " dropped_judge, inputs, outcome, digest, run_by) values ($1, $2, $3, $4, $5, $6, $7,"
                        + " $8::text::jsonb, $9::text::jsonb, $10, $11) returning id")
                .execute(Tuple.tuple().addLong(eventId).addString(kind).addString(seed).addString(seedSource)
                        .addString(algorithm).addInteger(k).addLong(droppedJudge).addString(inputs.encode())
                        .addString(outcome.encode()).addString(digest).addLong(runBy))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Adds (registration, judge) pairs under a run. */
    public Future<Void> insertPairs(SqlConnection conn, long eventId, long runId, List<long[]> pairs) {
        return ArrayInserts.batches(pairs, batch -> conn.preparedQuery("insert into review_assignment (event_id,"
                        + " registration_id, account_id, run_id) select $1, r, a, $2"
                        + " from unnest($3::bigint[], $4::bigint[]) as t(r, a)")
                .execute(Tuple.tuple().addLong(eventId).addLong(runId)
                        .addArrayOfLong(batch.stream().map(p -> p[0]).toArray(Long[]::new))
                        .addArrayOfLong(batch.stream().map(p -> p[1]).toArray(Long[]::new))));
    }

    /** Removes a judge from these entries. */
    public Future<Void> removePairs(SqlConnection conn, long eventId, long accountId, List<Long> registrations) {
        return conn.preparedQuery("delete from review_assignment where event_id = $1 and account_id = $2"
                        + " and registration_id = any($3::bigint[])")
                .execute(Tuple.tuple().addLong(eventId).addLong(accountId)
                        .addArrayOfLong(registrations.toArray(Long[]::new)))
                .mapEmpty();
    }

    /** The current assignment: registration id → judges ascending; empty when the event assigns nothing. */
    public Future<Map<Long, List<Long>>> assignment(SqlClient client, long eventId) {
        return client.preparedQuery("select registration_id, account_id from review_assignment where event_id = $1"
                        + " order by registration_id, account_id")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Map<Long, List<Long>> map = new TreeMap<>();
                    rows.forEach(row -> map.computeIfAbsent(row.getLong("registration_id"), r -> new ArrayList<>())
                            .add(row.getLong("account_id")));
                    return map;
                });
    }

    /**
     * What one judge may review: null when the event has no assignment (every entry, as in skills contests),
     * else the registration ids assigned to them.
     */
    public Future<Set<Long>> assignedTo(SqlClient client, long eventId, long accountId) {
        return client.preparedQuery("select exists (select 1 from review_run where event_id = $1 and kind = 'ASSIGN')"
                        + " as assigned, (select coalesce(array_agg(registration_id), '{}') from review_assignment"
                        + " where event_id = $1 and account_id = $2) as mine")
                .execute(Tuple.of(eventId, accountId))
                .map(rows -> {
                    var row = rows.iterator().next();
                    if (!row.getBoolean("assigned")) {
                        return null;
                    }
                    Set<Long> mine = new HashSet<>();
                    for (Long id : row.getArrayOfLongs("mine")) {
                        mine.add(id);
                    }
                    return mine;
                });
    }

    /** For a group of judges' writes: null when the event assigns nothing, else each judge's registration ids. */
    public Future<Map<Long, Set<Long>>> assignedFor(SqlClient client, long eventId, java.util.Collection<Long> judges) {
        return client.preparedQuery("select exists (select 1 from review_run where event_id = $1 and kind = 'ASSIGN')"
                        + " as assigned").execute(Tuple.of(eventId))
                .compose(rows -> {
                    if (!rows.iterator().next().getBoolean("assigned")) {
                        return Future.succeededFuture(null);
                    }
                    return client.preparedQuery("select account_id, registration_id from review_assignment"
                                    + " where event_id = $1 and account_id = any($2::bigint[])")
                            .execute(Tuple.tuple().addLong(eventId).addArrayOfLong(judges.toArray(Long[]::new)))
                            .map(pairs -> {
                                Map<Long, Set<Long>> map = new java.util.HashMap<>();
                                judges.forEach(j -> map.put(j, new HashSet<>()));
                                pairs.forEach(row -> map.computeIfAbsent(row.getLong("account_id"),
                                        j -> new HashSet<>()).add(row.getLong("registration_id")));
                                return map;
                            });
                });
    }

    /** The entries a judge has put any mark on (a started sheet counts as theirs). */
    public Future<Set<Long>> markedBy(SqlClient client, long eventId, long accountId) {
        return client.preparedQuery("select distinct registration_id from score_event where event_id = $1"
                        + " and judge_id = $2 and kind in ('MARK', 'CORRECTION')")
                .execute(Tuple.of(eventId, accountId))
                .map(rows -> {
                    Set<Long> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getLong("registration_id")));
                    return ids;
                });
    }

    public Future<List<Run>> runs(SqlClient client, long eventId) {
        return client.preparedQuery(RUNS + " where r.event_id = $1 order by r.id").execute(Tuple.of(eventId))
                .map(rows -> {
                    List<Run> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(new Run(row.getLong("id"), row.getLong("event_id"),
                            row.getString("kind"), row.getString("seed"), row.getString("seed_source"),
                            row.getString("algorithm"), row.getInteger("k"), row.getLong("dropped_judge"),
                            new JsonObject(row.getString("inputs")), new JsonObject(row.getString("outcome")),
                            row.getString("digest"), row.getLong("run_by"), row.getString("display_name"),
                            row.getOffsetDateTime("run_at"))));
                    return runs;
                });
    }
}
