package io.jiangxin.storage;

import io.jiangxin.results.ResultLine.Member;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a results sheet prints besides the scores: the event and contest, and who each entry is. */
public final class ResultStore extends PooledStore {

    /** The event and its contest, with the sign-off time and the stored scheme. */
    public record Header(long eventId, String eventName, String trade, long contestId, String contestName,
                         String contestKind, String level, String contestClass, int year, Instant signedOffAt,
                         String schemeJson, long logSeq, String logHash) {
    }

    /** A registration as printed: its code, station, team and members with their enterprises. */
    public record Entrant(long registrationId, String entryCode, String station, String teamName, List<Member> members) {
    }

    public ResultStore(Pool pool) {
        super(pool);
    }

    public Future<Header> header(SqlClient client, long eventId) {
        return client.preparedQuery("select e.id, e.name, e.trade, e.contest_id, c.name as contest_name, c.kind, c.level,"
                        + " c.contest_class, c.year, e.signed_off_at, e.scheme::text as scheme,"
                        + " coalesce(h.last_seq, 0) as log_seq, coalesce(h.last_hash, '') as log_hash"
                        + " from event e join contest c on c.id = e.contest_id"
                        + " left join event_chain h on h.event_id = e.id where e.id = $1")
                .execute(Tuple.of(eventId))
                .map(Rows.single(EventStore.WHAT, eventId, r -> {
                    OffsetDateTime signedOff = r.getOffsetDateTime("signed_off_at");
                    return new Header(r.getLong("id"), r.getString("name"), r.getString("trade"),
                            r.getLong("contest_id"), r.getString("contest_name"), r.getString("kind"),
                            r.getString("level"), r.getString("contest_class"), r.getInteger("year"),
                            signedOff == null ? null : signedOff.toInstant(), r.getString("scheme"),
                            r.getLong("log_seq"), r.getString("log_hash"));
                }));
    }

    /** Registration id → entrant, for every registration of the event (withdrawn ones too: old results name them). */
    public Future<Map<Long, Entrant>> entrants(SqlClient client, long eventId) {
        return client.preparedQuery("select r.id, r.entry_code, r.station, t.name as team_name, m.person_id, m.name,"
                        + " o.name as organization"
                        + " from registration r left join team t on t.id = r.team_id"
                        + " cross join lateral (select p.id as person_id, p.name, p.organization_id, 0 as position"
                        + "   from person p where p.id = r.person_id"
                        + "   union all select p.id, p.name, p.organization_id, tm.position from team_member tm"
                        + "   join person p on p.id = tm.person_id where tm.team_id = r.team_id) m"
                        + " join organization o on o.id = m.organization_id"
                        + " where r.event_id = $1 order by r.id, m.position")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Map<Long, Entrant> entrants = new HashMap<>();
                    Map<Long, List<Member>> members = new HashMap<>();
                    for (Row r : rows) {
                        long id = r.getLong("id");
                        List<Member> list = members.computeIfAbsent(id, k -> new ArrayList<>());
                        list.add(new Member(r.getLong("person_id"), r.getString("name"), r.getString("organization")));
                        entrants.put(id, new Entrant(id, r.getString("entry_code"), r.getString("station"),
                                r.getString("team_name"), list));
                    }
                    return entrants;
                });
    }

    /** Organization id → name, for the team ranking's enterprises. */
    public Future<Map<Long, String>> organizationNames(SqlClient client, List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return client.preparedQuery("select id, name from organization where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, String> names = new HashMap<>();
                    rows.forEach(r -> names.put(r.getLong("id"), r.getString("name")));
                    return names;
                });
    }

    /** The contest's events in id order. */
    public Future<List<Long>> eventsOfContest(SqlClient client, long contestId) {
        return client.preparedQuery("select e.id from contest c left join event e on e.contest_id = c.id"
                        + " where c.id = $1 order by e.id")
                .execute(Tuple.of(contestId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw io.jiangxin.problem.Problem.notFound(ContestStore.WHAT, contestId);
                    }
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> {
                        if (r.getLong("id") != null) {
                            ids.add(r.getLong("id"));
                        }
                    });
                    return ids;
                });
    }
}
