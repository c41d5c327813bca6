package io.jiangxin.storage;

import io.jiangxin.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** 晋级: registering advancing entries in the next event with their content and documents, and the record of it. */
public final class AdvancementStore extends PooledStore {

    /** A target event's state: locked for the copy. */
    public record Target(long eventId, long contestId, boolean signedOff) {
    }

    /** An entry registered in the target: its new registration and code, and how many documents came along. */
    public record Moved(long fromRegistrationId, long toRegistrationId, String entryCode, int documents) {
    }

    public AdvancementStore(Pool pool) {
        super(pool);
    }

    public Future<Target> lockTarget(SqlConnection conn, long eventId) {
        return conn.preparedQuery("select id, contest_id, signed_off_at from event where id = $1 for update")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound(EventStore.WHAT, eventId);
                    }
                    Row row = rows.iterator().next();
                    return new Target(row.getLong("id"), row.getLong("contest_id"),
                            row.getOffsetDateTime("signed_off_at") != null);
                });
    }

    /**
     * Registers the entrant of {@code from} (the same person or team) in the target event with its next free code,
     * and copies the entry's content and documents; null when that entrant is already registered there.
     */
    public Future<Moved> advance(SqlConnection conn, long from, long toEvent, long accountId) {
        return conn.preparedQuery("select r.person_id, r.team_id from registration r where r.id = $1 and not exists"
                        + " (select 1 from registration t where t.event_id = $2 and (t.person_id = r.person_id"
                        + " or t.team_id = r.team_id))")
                .execute(Tuple.of(from, toEvent))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(null);
                    }
                    Row row = rows.iterator().next();
                    return conn.preparedQuery("update event set next_entry_no = (select min(n) from"
                                    + " generate_series(next_entry_no, next_entry_no + 100000) n where not exists"
                                    + " (select 1 from registration r where r.event_id = event.id and r.entry_code ="
                                    + " lpad(n::text, 3, '0'))) + 1 where id = $1"
                                    + " returning lpad((next_entry_no - 1)::text, 3, '0') as code")
                            .execute(Tuple.of(toEvent))
                            .compose(code -> conn.preparedQuery("insert into registration (event_id, person_id, team_id,"
                                            + " entry_code, status) values ($1, $2, $3, $4, 'REGISTERED') returning id,"
                                            + " entry_code")
                                    .execute(Tuple.of(toEvent, row.getLong("person_id"), row.getLong("team_id"),
                                            code.iterator().next().getString("code"))))
                            .compose(inserted -> {
                                Row created = inserted.iterator().next();
                                long to = created.getLong("id");
                                return conn.preparedQuery("insert into innovation_entry (registration_id, title, kind,"
                                                + " summary, patent_numbers, standard_numbers, benefit, video_url,"
                                                + " updated_by) select $2, title, kind, summary, patent_numbers,"
                                                + " standard_numbers, benefit, video_url, $3 from innovation_entry"
                                                + " where registration_id = $1")
                                        .execute(Tuple.of(from, to, accountId))
                                        .compose(done -> conn.preparedQuery("insert into entry_attachment"
                                                        + " (registration_id, file_name, content_type, size_bytes,"
                                                        + " sha256, content, uploaded_by) select $2, file_name,"
                                                        + " content_type, size_bytes, sha256, content, uploaded_by"
                                                        + " from entry_attachment where registration_id = $1 order by id")
                                                .execute(Tuple.of(from, to)))
                                        .map(copied -> new Moved(from, to, created.getString("entry_code"),
                                                copied.rowCount()));
                            });
                });
    }

    public Future<Long> record(SqlConnection conn, long fromEvent, long toEvent, JsonObject rule, JsonArray advanced,
                               long accountId) {
        return conn.preparedQuery("insert into advancement (from_event_id, to_event_id, rule, advanced, advanced_by)"
                        + " values ($1, $2, $3::text::jsonb, $4::text::jsonb, $5) returning id")
                .execute(Tuple.of(fromEvent, toEvent, rule.encode(), advanced.encode(), accountId))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** The advancements out of and into an event, oldest first. */
    public Future<List<JsonObject>> list(long eventId) {
        return pool.preparedQuery("select x.id, x.from_event_id, x.to_event_id, x.rule::text as rule,"
                        + " x.advanced::text as advanced, x.advanced_at, a.display_name from advancement x"
                        + " join account a on a.id = x.advanced_by where x.from_event_id = $1 or x.to_event_id = $1"
                        + " order by x.id")
                .execute(Tuple.of(eventId))
                .map(Rows.each(row -> new JsonObject().put("id", row.getLong("id"))
                        .put("fromEventId", row.getLong("from_event_id")).put("toEventId", row.getLong("to_event_id"))
                        .put("rule", new JsonObject(row.getString("rule")))
                        .put("advanced", new JsonArray(row.getString("advanced")))
                        .put("advancedAt", row.getOffsetDateTime("advanced_at").toInstant().toString())
                        .put("advancedBy", row.getString("display_name"))));
    }
}
