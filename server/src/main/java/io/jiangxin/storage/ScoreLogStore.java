package io.jiangxin.storage;

import io.jiangxin.judging.LogChain;
import io.jiangxin.judging.ChainHead;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.judging.Actor;
import io.jiangxin.judging.HashChain;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.judging.RecordKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only score log. An append locks the event's chain row, so an event's records get gapless
 * sequence numbers and each carries the hash of the one before it.
 */
public final class ScoreLogStore {

    static final String COLUMNS = "event_id, seq, registration_id, kind, aspect_id, judge_id, old_value, new_value,"
            + " detail, reason, payload, actor_id, actor_role, device, address, created_at, prev_hash, hash";

    private final BrokenLog brokenLogs = new BrokenLog();

    /** The logs this node found broken, with the alarms they raised. */
    public BrokenLog brokenLogs() {
        return brokenLogs;
    }

    /** Locks the event's chain for the rest of the transaction and returns its head. */
    public Future<ChainHead> lock(SqlConnection conn, long eventId) {
        return conn.preparedQuery("insert into event_chain (event_id) values ($1) on conflict do nothing")
                .execute(Tuple.of(eventId))
                .compose(done -> conn.preparedQuery("select last_seq, last_hash from event_chain where event_id = $1"
                        + " for update").execute(Tuple.of(eventId)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ChainHead(eventId, row.getLong("last_seq"), row.getString("last_hash"));
                });
    }

    /** The locked chain head and the event's judging facts, read in one statement. */
    public record LockedEvent(ChainHead head, EventFacts facts) {
    }

    /** Locks the event's chain (made when its scheme was set) and reads the event with it; null without a chain. */
    public Future<LockedEvent> lockWithFacts(SqlConnection conn, long eventId) {
        return conn.preparedQuery("select c.last_seq, c.last_hash, e.contest_id, e.scheme::text as scheme,"
                        + " e.signed_off_at, e.appeal_window_minutes, k.kind from event_chain c join event e"
                        + " on e.id = c.event_id join contest k on k.id = e.contest_id"
                        + " where c.event_id = $1 for update of c")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    OffsetDateTime signedOff = row.getOffsetDateTime("signed_off_at");
                    return new LockedEvent(new ChainHead(eventId, row.getLong("last_seq"), row.getString("last_hash")),
                            new EventFacts(eventId, row.getLong("contest_id"),
                                    row.getString("scheme"), signedOff == null ? null : signedOff.toInstant(),
                                    row.getInteger("appeal_window_minutes"), row.getString("kind")));
                });
    }

    /** A judge's current mark on one aspect of one sheet. */
    public record MarkKey(long registrationId, String aspectId, long judgeId) {
    }

    /**
     * The current marks of these judges on these sheets: each judge's latest mark or correction per aspect, unless a
     * re-mark was requested after it.
     */
    public Future<java.util.Map<MarkKey, BigDecimal>> currentMarks(SqlClient client, long eventId,
                                                                 java.util.Collection<Long> registrationIds,
                                                                 java.util.Collection<Long> judgeIds) {
        Long[] registrations = registrationIds.toArray(new Long[0]);
        Future<io.vertx.sqlclient.RowSet<Row>> marks = client.preparedQuery("select distinct on (registration_id,"
                        + " aspect_id, judge_id) registration_id, aspect_id, judge_id, new_value, seq from score_event"
                        + " where event_id = $1 and registration_id = any($2::bigint[]) and judge_id = any($3::bigint[])"
                        + " and kind in ('MARK', 'CORRECTION') order by registration_id, aspect_id, judge_id, seq desc")
                .execute(Tuple.tuple().addLong(eventId).addArrayOfLong(registrations)
                        .addArrayOfLong(judgeIds.toArray(new Long[0])));
        Future<io.vertx.sqlclient.RowSet<Row>> remarks = client.preparedQuery("select registration_id, aspect_id,"
                        + " max(seq) as seq from score_event where event_id = $1 and registration_id = any($2::bigint[])"
                        + " and kind = 'REMARK_REQUESTED' group by registration_id, aspect_id")
                .execute(Tuple.tuple().addLong(eventId).addArrayOfLong(registrations));
        return Future.all(marks, remarks).map(done -> {
            java.util.Map<String, Long> remarkedAt = new java.util.HashMap<>();
            remarks.result().forEach(row -> remarkedAt.put(row.getLong("registration_id") + "/"
                    + row.getString("aspect_id"), row.getLong("seq")));
            java.util.Map<MarkKey, BigDecimal> current = new java.util.HashMap<>();
            marks.result().forEach(row -> {
                long registration = row.getLong("registration_id");
                String aspect = row.getString("aspect_id");
                if (row.getLong("seq") > remarkedAt.getOrDefault(registration + "/" + aspect, 0L)) {
                    current.put(new MarkKey(registration, aspect, row.getLong("judge_id")), row.getBigDecimal("new_value"));
                }
            });
            return current;
        });
    }

    /** Appends drafts after the locked head, in order; returns them as stored. */
    public Future<List<LogEntry>> append(SqlConnection conn, ChainHead head, Actor actor, List<LogDraft> drafts) {
        return append(conn, head, java.util.Collections.nCopies(drafts.size(), actor), drafts);
    }

    /** Appends drafts after the locked head, each by its own actor, in order; returns them as stored. */
    public Future<List<LogEntry>> append(SqlConnection conn, ChainHead head, List<Actor> actors, List<LogDraft> drafts) {
        if (drafts.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        // PostgreSQL keeps microseconds; the hash must cover the time exactly as it will be read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<LogEntry> entries = new ArrayList<>();
        String previous = head.lastHash();
        long seq = head.lastSeq();
        for (int i = 0; i < drafts.size(); i++) {
            LogDraft draft = drafts.get(i);
            Actor actor = actors.get(i);
            seq++;
            LogEntry unsigned = new LogEntry(head.eventId(), seq, draft.registrationId(), draft.kind(),
                    draft.aspectId(), draft.judgeId(), draft.oldValue(), draft.newValue(), draft.detail(),
                    draft.reason(), draft.payload(), actor.accountId(), actor.role(), actor.device(), actor.address(),
                    now, previous, "");
            String hash = HashChain.hash(previous, unsigned);
            entries.add(new LogEntry(unsigned.eventId(), unsigned.seq(), unsigned.registrationId(), unsigned.kind(),
                    unsigned.aspectId(), unsigned.judgeId(), unsigned.oldValue(), unsigned.newValue(),
                    unsigned.detail(), unsigned.reason(), unsigned.payload(), unsigned.actorId(),
                    unsigned.actorRole(), unsigned.device(), unsigned.address(), unsigned.createdAt(), previous, hash));
            previous = hash;
        }
        List<Tuple> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            rows.add(tuple(entries.get(i)).addString(actors.get(i).requestId()));
        }
        String lastHash = previous;
        long lastSeq = seq;
        // Both statements go out together; the transaction keeps them all or none.
        Future<?> inserted = conn.preparedQuery("insert into score_event (" + COLUMNS + ", request_id) values ($1, $2,"
                        + " $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)")
                .executeBatch(rows);
        // The head moves only while its record is still there as hashed: appending after a log cut behind the
        // server's back would bury the cut under records that link to a hash no record has. This statement runs
        // after the chain row was locked, so it sees the head's record even when it was committed just before.
        Future<io.vertx.sqlclient.RowSet<Row>> advanced = conn.preparedQuery("update event_chain set last_seq = $2,"
                        + " last_hash = $3 where event_id = $1 and ($4 = 0 or exists (select 1 from score_event"
                        + " where event_id = $1 and seq = $4 and hash = $5))")
                .execute(Tuple.of(head.eventId(), lastSeq, lastHash, head.lastSeq(), head.lastHash()));
        return Future.all(inserted, advanced).map(done -> {
            if (advanced.result().rowCount() != 1) {
                throw brokenLogs.problem(head.eventId(), "seq " + head.lastSeq()
                        + ": the chain head's record is missing or altered");
            }
            return entries;
        });
    }

    /** An event's records after {@code afterSeq}, in order. */
    public Future<List<LogEntry>> read(SqlClient client, long eventId, long afterSeq) {
        return client.preparedQuery("select " + COLUMNS + " from score_event where event_id = $1 and seq > $2"
                        + " order by seq")
                .execute(Tuple.of(eventId, afterSeq))
                .map(ScoreLogStore::entries);
    }

    /** The event's log with its head; an event whose scheme was never set has an empty chain at seq 0. */
    public Future<LogChain> readChain(SqlClient client, long eventId) {
        return client.preparedQuery("select c.last_seq as head_seq, c.last_hash as head_hash, " + prefixed("s")
                        + " from event_chain c left join score_event s on s.event_id = c.event_id"
                        + " where c.event_id = $1 order by s.seq")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    ChainHead head = new ChainHead(eventId, 0, "");
                    List<LogEntry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        head = new ChainHead(eventId, row.getLong("head_seq"), row.getString("head_hash"));
                        if (row.getValue("seq") != null) {
                            entries.add(map(row));
                        }
                    }
                    return new LogChain(head, entries);
                });
    }

    /** The heads of these events' chains: event id → last sequence number. */
    public Future<java.util.Map<Long, Long>> heads(SqlClient client, java.util.Collection<Long> eventIds) {
        return client.preparedQuery("select event_id, last_seq from event_chain where event_id = any($1::bigint[])")
                .execute(Tuple.tuple().addArrayOfLong(eventIds.toArray(new Long[0])))
                .map(rows -> {
                    java.util.Map<Long, Long> heads = new java.util.HashMap<>();
                    rows.forEach(row -> heads.put(row.getLong("event_id"), row.getLong("last_seq")));
                    return heads;
                });
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(",")).map(String::strip).map(c -> alias + "." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** One sheet's records, in order. */
    public Future<List<LogEntry>> readSheet(SqlClient client, long eventId, long registrationId) {
        return client.preparedQuery("select " + COLUMNS + " from score_event where event_id = $1"
                        + " and registration_id = $2 order by seq")
                .execute(Tuple.of(eventId, registrationId))
                .map(ScoreLogStore::entries);
    }

    /** The audit trail of an event, narrowed to a sheet, a judge marked or an actor when given. */
    public Future<Page<LogEntry>> audit(SqlClient client, long eventId, Long registrationId, Long judgeId,
                                       Long actorId, PageRequest page) {
        Filter filter = new Filter().equal("event_id", eventId).equal("registration_id", registrationId)
                .equal("judge_id", judgeId).equal("actor_id", actorId);
        Future<List<LogEntry>> items = client.preparedQuery("select " + COLUMNS + " from score_event" + filter.where()
                        + " order by seq" + filter.limitOffset())
                .execute(filter.valuesWithPage(page)).map(ScoreLogStore::entries);
        Future<Long> total = client.preparedQuery("select count(*) from score_event" + filter.where())
                .execute(filter.values()).map(rows -> rows.iterator().next().getLong(0));
        return Future.all(items, total).map(done -> new Page<>(items.result(), total.result(), page.limit(),
                page.offset()));
    }

    private static Tuple tuple(LogEntry e) {
        return Tuple.tuple().addLong(e.eventId()).addLong(e.seq()).addValue(e.registrationId())
                .addString(e.kind().name()).addString(e.aspectId()).addValue(e.judgeId())
                .addValue(e.oldValue()).addValue(e.newValue()).addString(e.detail()).addString(e.reason())
                .addString(e.payload()).addLong(e.actorId()).addString(e.actorRole()).addString(e.device())
                .addString(e.address()).addOffsetDateTime(OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC))
                .addString(e.prevHash()).addString(e.hash());
    }

    private static List<LogEntry> entries(io.vertx.sqlclient.RowSet<Row> rows) {
        List<LogEntry> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(map(row)));
        return list;
    }

    static LogEntry map(Row row) {
        return new LogEntry(row.getLong("event_id"), row.getLong("seq"), row.getLong("registration_id"),
                RecordKind.valueOf(row.getString("kind")), row.getString("aspect_id"), row.getLong("judge_id"),
                decimal(row, "old_value"), decimal(row, "new_value"), row.getString("detail"), row.getString("reason"),
                row.getString("payload"), row.getLong("actor_id"), row.getString("actor_role"),
                row.getString("device"), row.getString("address"),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("prev_hash"), row.getString("hash"));
    }

    private static BigDecimal decimal(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : row.getBigDecimal(column);
    }
}
