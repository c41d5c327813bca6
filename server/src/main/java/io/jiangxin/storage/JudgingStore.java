package io.jiangxin.storage;

import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.BoardHeader;
import io.jiangxin.judging.Seat;
import io.jiangxin.judging.PanelMember;

import io.jiangxin.judging.EventEntry;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.PanelRole;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What judging reads and writes besides the log: schemes, panels, conflicts, entries, locks and sign-off. */
public final class JudgingStore extends PooledStore {


    private static final String ENTRIES = "select r.id, r.entry_code, r.station, r.status, r.team_id,"
            + " coalesce(p.name, t.name) as entrant, coalesce(s.locked, false) as locked,"
            + " array_remove(array[p.organization_id, t.organization_id]"
            + "   || coalesce((select array_agg(mp.organization_id) from team_member tm join person mp"
            + "      on mp.id = tm.person_id where tm.team_id = r.team_id), '{}'), null) as organizations"
            + " from registration r left join person p on p.id = r.person_id left join team t on t.id = r.team_id"
            + " left join sheet_state s on s.event_id = r.event_id and s.registration_id = r.id";

    public JudgingStore(Pool pool) {
        super(pool);
    }

    public Future<EventFacts> facts(SqlClient client, long eventId) {
        return client.preparedQuery("select e.id, e.contest_id, e.scheme::text as scheme, e.signed_off_at,"
                        + " e.appeal_window_minutes, c.kind from event e join contest c on c.id = e.contest_id"
                        + " where e.id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound(EventStore.WHAT, eventId);
                    }
                    Row row = rows.iterator().next();
                    OffsetDateTime signedOff = row.getOffsetDateTime("signed_off_at");
                    return new EventFacts(row.getLong("id"), row.getLong("contest_id"), row.getString("scheme"),
                            signedOff == null ? null : signedOff.toInstant(), row.getInteger("appeal_window_minutes"),
                            row.getString("kind"));
                });
    }

    /** A contest's kind, or null when there is no such contest. */
    public Future<String> contestKind(long contestId) {
        return pool.preparedQuery("select kind from contest where id = $1").execute(Tuple.of(contestId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("kind"));
    }

    public Future<EventFacts> facts(long eventId) {
        return facts(pool, eventId);
    }

    /** Sets the scheme; refused once the event's log has records, so results never mix two schemes. */
    public Future<Void> setScheme(long eventId, String schemeJson, int appealWindowMinutes) {
        return pool.withTransaction(conn -> conn.preparedQuery("select last_seq from event_chain where event_id = $1"
                        + " for update").execute(Tuple.of(eventId))
                .compose(rows -> {
                    if (rows.size() > 0 && rows.iterator().next().getLong(0) > 0) {
                        return Future.failedFuture(new Problem(ErrorCode.SCHEME_IN_USE,
                                "已有评分记录，评分标准不能再改 / the event has score records; its scheme can no longer change"));
                    }
                    return conn.preparedQuery("update event set scheme = $2::text::jsonb, appeal_window_minutes = $3,"
                                    + " updated_at = now() where id = $1")
                            .execute(Tuple.of(eventId, schemeJson, appealWindowMinutes))
                            .compose(updated -> updated.rowCount() == 0 ? Future.succeededFuture(updated)
                                    : conn.preparedQuery("insert into event_chain (event_id) values ($1)"
                                            + " on conflict do nothing").execute(Tuple.of(eventId)).map(updated));
                })
                .compose(rows -> rows.rowCount() == 0
                        ? Future.failedFuture(Problem.notFound(EventStore.WHAT, eventId)) : Future.succeededFuture()));
    }

    public Future<EventEntry> entry(SqlClient client, long eventId, String entryCode) {
        return client.preparedQuery(ENTRIES + " where r.event_id = $1 and r.entry_code = $2")
                .execute(Tuple.of(eventId, entryCode))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new Problem(ErrorCode.NOT_FOUND, "该赛项没有参赛号 " + entryCode + " / no entry "
                                + entryCode + " in this event");
                    }
                    return entry(rows.iterator().next());
                });
    }

    /** The event's registered entries, by entry code. */
    public Future<List<EventEntry>> entries(SqlClient client, long eventId) {
        return entries(client, eventId, false);
    }

    /** The entries with these codes, whatever their status, by code. */
    public Future<Map<String, EventEntry>> entriesByCode(SqlClient client, long eventId, java.util.Collection<String> codes) {
        return client.preparedQuery(ENTRIES + " where r.event_id = $1 and r.entry_code = any($2::text[])")
                .execute(Tuple.tuple().addLong(eventId).addArrayOfString(codes.toArray(new String[0])))
                .map(rows -> {
                    Map<String, EventEntry> map = new HashMap<>();
                    rows.forEach(row -> map.put(row.getString("entry_code"), entry(row)));
                    return map;
                });
    }

    public Future<List<EventEntry>> entries(SqlClient client, long eventId, boolean withWithdrawn) {
        return client.preparedQuery(ENTRIES + " where r.event_id = $1"
                        + (withWithdrawn ? "" : " and r.status = 'REGISTERED'") + " order by r.entry_code")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    List<EventEntry> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(entry(row)));
                    return list;
                });
    }

    public Future<List<PanelMember>> panel(SqlClient client, long eventId) {
        return client.preparedQuery("select a.id, a.display_name, m.role, p.organization_id from panel_member m"
                        + " join account a on a.id = m.account_id left join person p on p.id = a.person_id"
                        + " where m.event_id = $1 order by a.id")
                .execute(Tuple.of(eventId))
                .map(Rows.each(row -> new PanelMember(row.getLong("id"), row.getString("display_name"),
                        PanelRole.valueOf(row.getString("role")), row.getLong("organization_id"))));
    }

    public Future<BoardHeader> boardHeader(long eventId) {
        Future<io.vertx.sqlclient.RowSet<Row>> event = pool.preparedQuery("select e.id, e.name, c.id as contest_id,"
                        + " c.name as contest, c.organizer from event e join contest c on c.id = e.contest_id where e.id = $1")
                .execute(Tuple.of(eventId));
        Future<io.vertx.sqlclient.RowSet<Row>> organizations = pool.preparedQuery("select distinct o.id, o.name"
                        + " from registration r left join person p on p.id = r.person_id left join team t on t.id = r.team_id"
                        + " join organization o on o.id = coalesce(p.organization_id, t.organization_id)"
                        + " where r.event_id = $1")
                .execute(Tuple.of(eventId));
        return Future.all(event, organizations).map(done -> {
            if (event.result().size() == 0) {
                throw Problem.notFound(EventStore.WHAT, eventId);
            }
            Row row = event.result().iterator().next();
            Map<Long, String> names = new HashMap<>();
            organizations.result().forEach(o -> names.put(o.getLong("id"), o.getString("name")));
            return new BoardHeader(eventId, row.getLong("contest_id"), row.getString("name"), row.getString("contest"),
                    row.getString("organizer"), names);
        });
    }

    /** The events whose panel this account sits on, in event order. */
    public Future<List<Seat>> seats(long accountId) {
        return pool.preparedQuery("select e.id, e.contest_id, e.name, e.trade, m.role from panel_member m"
                        + " join event e on e.id = m.event_id where m.account_id = $1 order by e.id")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    List<Seat> seats = new ArrayList<>();
                    rows.forEach(row -> seats.add(new Seat(row.getLong("id"), row.getLong("contest_id"),
                            row.getString("name"), row.getString("trade"), PanelRole.valueOf(row.getString("role")))));
                    return seats;
                });
    }

    public Future<Void> setPanelMember(long eventId, long accountId, PanelRole role) {
        return pool.preparedQuery("insert into panel_member (event_id, account_id, role) values ($1, $2, $3)"
                        + " on conflict (event_id, account_id) do update set role = excluded.role")
                .execute(Tuple.of(eventId, accountId, role.name()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .mapEmpty();
    }

    public Future<Boolean> removePanelMember(long eventId, long accountId) {
        return pool.preparedQuery("delete from panel_member where event_id = $1 and account_id = $2")
                .execute(Tuple.of(eventId, accountId)).map(rows -> rows.rowCount() > 0);
    }

    /** Declared conflicts of an event's panel: account id → registration ids, with reasons. */
    public Future<Map<Long, Map<Long, String>>> conflicts(SqlClient client, long eventId) {
        return client.preparedQuery("select c.account_id, c.registration_id, c.reason from conflict c"
                        + " join registration r on r.id = c.registration_id where r.event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Map<Long, Map<Long, String>> map = new HashMap<>();
                    rows.forEach(row -> map.computeIfAbsent(row.getLong("account_id"), k -> new HashMap<>())
                            .put(row.getLong("registration_id"), row.getString("reason")));
                    return map;
                });
    }

    public Future<Void> declareConflict(long accountId, long registrationId, String reason, long declaredBy) {
        return pool.preparedQuery("insert into conflict (account_id, registration_id, reason, declared_by)"
                        + " values ($1, $2, $3, $4) on conflict (account_id, registration_id) do update"
                        + " set reason = excluded.reason")
                .execute(Tuple.of(accountId, registrationId, reason, declaredBy))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .mapEmpty();
    }

    public Future<Boolean> locked(SqlClient client, long eventId, long registrationId) {
        return client.preparedQuery("select locked from sheet_state where event_id = $1 and registration_id = $2")
                .execute(Tuple.of(eventId, registrationId))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean(0));
    }

    public Future<Void> setLocked(SqlClient client, long eventId, long registrationId, boolean locked) {
        return client.preparedQuery("insert into sheet_state (event_id, registration_id, locked) values ($1, $2, $3)"
                        + " on conflict (event_id, registration_id) do update set locked = excluded.locked")
                .execute(Tuple.of(eventId, registrationId, locked)).mapEmpty();
    }

    /** How many of the event's registered entries are not locked. */
    public Future<Long> unlockedCount(SqlClient client, long eventId) {
        return client.preparedQuery("select count(*) from registration r left join sheet_state s"
                        + " on s.event_id = r.event_id and s.registration_id = r.id"
                        + " where r.event_id = $1 and r.status = 'REGISTERED' and not coalesce(s.locked, false)")
                .execute(Tuple.of(eventId)).map(rows -> rows.iterator().next().getLong(0));
    }

    public Future<Void> setSignedOff(SqlClient client, long eventId, Instant at) {
        return client.preparedQuery("update event set signed_off_at = $2 where id = $1")
                .execute(Tuple.of(eventId, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .mapEmpty();
    }

    private static EventEntry entry(Row row) {
        Long[] organizations = row.getArrayOfLongs("organizations");
        return new EventEntry(row.getLong("id"), row.getString("entry_code"), row.getString("station"),
                row.getString("status"), row.getLong("team_id"),
                organizations == null ? List.of() : Arrays.stream(organizations).distinct().toList(),
                row.getString("entrant"), row.getBoolean("locked"));
    }
}
