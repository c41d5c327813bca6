package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.problem.Problem;
import io.jiangxin.registry.Registration;
import io.jiangxin.registry.RegistrationStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

public final class RegistrationStore {

    static final String WHAT = "报名 / registration";
    private static final String COLUMNS = "id, event_id, person_id, team_id, entry_code, station, status";
    /** Registrations with what they are filtered by: the event's contest and the entrant's organization. */
    private static final String REGISTRATIONS = "(select r.id, r.event_id, r.person_id, r.team_id, r.entry_code,"
            + " r.station, r.status, e.contest_id, coalesce(p.organization_id, t.organization_id) as organization_id"
            + " from registration r join event e on e.id = r.event_id left join person p on p.id = r.person_id"
            + " left join team t on t.id = r.team_id) registrations";
    /** The lowest free three-digit code at or after the event's counter, so hand-given codes are skipped. */
    private static final String NEXT_ENTRY_CODE = "update event set next_entry_no = (select min(n) from"
            + " generate_series(next_entry_no, next_entry_no + 100000) n where not exists (select 1 from registration r"
            + " where r.event_id = event.id and r.entry_code = lpad(n::text, 3, '0'))) + 1 where id = $1"
            + " returning lpad((next_entry_no - 1)::text, 3, '0')";

    private final Pool pool;

    public RegistrationStore(Pool pool) {
        this.pool = pool;
    }

    /** Without an entry code, the event's next free code is given (001, 002, ...) until the draw replaces it. */
    public Future<Registration> create(Registration.Draft draft) {
        return pool.withTransaction(conn -> entryCode(conn, draft)
                        .compose(code -> conn.preparedQuery("insert into registration (event_id, person_id, team_id,"
                                        + " entry_code, station, status) values ($1, $2, $3, $4, $5, $6) returning "
                                        + COLUMNS)
                                .execute(Tuple.of(draft.eventId(), draft.personId(), draft.teamId(), code,
                                        draft.station(), status(draft).name()))))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Registration> get(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from registration where id = $1")
                .execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, RegistrationStore::map));
    }

    /** Who is registered never changes; the code, the station and the status may. */
    public Future<Registration> update(long id, String entryCode, String station, RegistrationStatus status) {
        return pool.preparedQuery("update registration set entry_code = coalesce($1, entry_code), station = $2,"
                        + " status = $3, updated_at = now() where id = $4 returning " + COLUMNS)
                .execute(Tuple.of(entryCode, station, status.name(), id))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(Rows.single(WHAT, id, RegistrationStore::map));
    }

    public Future<Page<Registration>> list(Long contestId, Long eventId, Long organizationId, Long personId,
                                           PageRequest page) {
        Filter filter = new Filter()
                .equal("contest_id", contestId)
                .equal("event_id", eventId)
                .equal("organization_id", organizationId)
                .equal("person_id", personId);
        return Listing.page(pool, REGISTRATIONS, COLUMNS, filter, page, RegistrationStore::map);
    }

    private static Future<String> entryCode(SqlConnection conn, Registration.Draft draft) {
        if (draft.entryCode() != null) {
            return Future.succeededFuture(draft.entryCode());
        }
        return conn.preparedQuery(NEXT_ENTRY_CODE).execute(Tuple.of(draft.eventId())).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.unknownReference("eventId", "赛项不存在 / unknown event");
            }
            return rows.iterator().next().getString(0);
        });
    }

    private static RegistrationStatus status(Registration.Draft draft) {
        return draft.status() == null ? RegistrationStatus.REGISTERED : draft.status();
    }

    static Registration map(Row row) {
        return new Registration(row.getLong("id"), row.getLong("event_id"), row.getLong("person_id"),
                row.getLong("team_id"), row.getString("entry_code"), row.getString("station"),
                RegistrationStatus.valueOf(row.getString("status")));
    }
}
