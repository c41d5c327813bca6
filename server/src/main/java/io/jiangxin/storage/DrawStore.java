package io.jiangxin.storage;

import io.jiangxin.registry.Draw;
import io.jiangxin.registry.DrawKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Draws of lots and what they wrote into the event's registrations. */
public final class DrawStore {

    static final String WHAT = "抽签 / draw";
    private static final String COLUMNS = "d.id, d.event_id, d.kind, d.seed, d.seed_source, d.algorithm, d.prefix,"
            + " d.lots, d.entrants, d.assigned, d.digest, d.drawn_by, a.display_name as drawn_by_name, d.drawn_at";
    private static final String FROM = " from draw d join account a on a.id = d.drawn_by";

    /** A recorded draw: its inputs, its assignment in entrant order and who drew it when. */
    public record Stored(long id, long eventId, DrawKind kind, String seed, String seedSource, String algorithm,
                         String prefix, List<String> lots, List<Long> entrants, List<String> assigned, String digest,
                         long drawnBy, String drawnByName, OffsetDateTime drawnAt) {
    }

    /** The event as a draw needs it: its contest and whether the head judge has signed off. */
    public record EventState(long eventId, long contestId, boolean signedOff) {
    }

    /** A registration's entrant and what it carries now. */
    public record Entrant(long registrationId, Long personId, Long teamId, String name, String entryCode,
                          String station) {
    }

    public Future<EventState> event(SqlClient client, long eventId) {
        return client.preparedQuery("select id, contest_id, signed_off_at is not null as signed_off from event"
                        + " where id = $1")
                .execute(Tuple.of(eventId))
                .map(Rows.single(EventStore.WHAT, eventId, row -> new EventState(row.getLong("id"),
                        row.getLong("contest_id"), row.getBoolean("signed_off"))));
    }

    public Future<Boolean> drawn(SqlConnection conn, long eventId, DrawKind kind) {
        return conn.preparedQuery("select 1 from draw where event_id = $1 and kind = $2")
                .execute(Tuple.of(eventId, kind.name()))
                .map(rows -> rows.size() > 0);
    }

    /** Entry codes are drawn for every registration (codes are never reused); stations only for those registered. */
    public Future<List<Long>> entrants(SqlConnection conn, long eventId, DrawKind kind) {
        String only = kind == DrawKind.STATIONS ? " and status = 'REGISTERED'" : "";
        return conn.preparedQuery("select id from registration where event_id = $1" + only + " order by id for update")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    /** Writes the drawn values; entry codes pass through a temporary code each so uniqueness holds throughout. */
    public Future<Void> write(SqlConnection conn, long eventId, DrawKind kind, Draw.Result result) {
        Long[] ids = result.assignment().keySet().toArray(Long[]::new);
        String[] values = result.assignment().values().toArray(String[]::new);
        String column = kind == DrawKind.ENTRY_CODES ? "entry_code" : "station";
        Future<?> first = kind == DrawKind.ENTRY_CODES
                ? conn.preparedQuery("update registration set entry_code = '~draw~' || id where event_id = $1"
                        + " and id = any($2::bigint[])").execute(Tuple.tuple().addLong(eventId).addValue(ids))
                : Future.succeededFuture();
        return first.compose(done -> conn.preparedQuery("update registration r set " + column + " = v.value,"
                                + " updated_at = now() from unnest($2::bigint[], $3::text[]) as v(id, value)"
                                + " where r.id = v.id and r.event_id = $1")
                        .execute(Tuple.tuple().addLong(eventId).addValue(ids).addValue(values)))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .mapEmpty();
    }

    public Future<Stored> insert(SqlConnection conn, long eventId, DrawKind kind, String seed, String seedSource,
                                 String prefix, List<String> lots, Draw.Result result, long drawnBy) {
        Tuple values = Tuple.tuple().addLong(eventId).addString(kind.name()).addString(seed).addString(seedSource)
                .addString(Draw.ALGORITHM).addString(prefix).addValue(lots.toArray(String[]::new))
                .addValue(result.assignment().keySet().toArray(Long[]::new))
                .addValue(result.assignment().values().toArray(String[]::new)).addString(result.digest())
                .addLong(drawnBy);
        return conn.preparedQuery("insert into draw (event_id, kind, seed, seed_source, algorithm, prefix, lots,"
                        + " entrants, assigned, digest, drawn_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                        + " returning id")
                .execute(values)
                .compose(rows -> get(conn, eventId, rows.iterator().next().getLong(0)));
    }

    public Future<List<Stored>> list(SqlClient client, long eventId) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where d.event_id = $1 order by d.id")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    List<Stored> draws = new ArrayList<>();
                    rows.forEach(row -> draws.add(map(row)));
                    return draws;
                });
    }

    public Future<Stored> get(SqlClient client, long eventId, long drawId) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where d.event_id = $1 and d.id = $2")
                .execute(Tuple.of(eventId, drawId))
                .map(Rows.single(WHAT, drawId, DrawStore::map));
    }

    /** Every registration of the event with its entrant's name, by registration id. */
    public Future<Map<Long, Entrant>> entrantsNamed(SqlClient client, long eventId) {
        return client.preparedQuery("select r.id, r.person_id, r.team_id, coalesce(p.name, t.name) as name,"
                        + " r.entry_code, r.station from registration r left join person p on p.id = r.person_id"
                        + " left join team t on t.id = r.team_id where r.event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Map<Long, Entrant> entrants = new HashMap<>();
                    rows.forEach(row -> entrants.put(row.getLong("id"), new Entrant(row.getLong("id"),
                            row.getLong("person_id"), row.getLong("team_id"), row.getString("name"),
                            row.getString("entry_code"), row.getString("station"))));
                    return entrants;
                });
    }

    static Stored map(Row row) {
        return new Stored(row.getLong("id"), row.getLong("event_id"), DrawKind.valueOf(row.getString("kind")),
                row.getString("seed"), row.getString("seed_source"), row.getString("algorithm"),
                row.getString("prefix"), Arrays.asList(row.getArrayOfStrings("lots")),
                Arrays.asList(row.getArrayOfLongs("entrants")), Arrays.asList(row.getArrayOfStrings("assigned")),
                row.getString("digest"), row.getLong("drawn_by"), row.getString("drawn_by_name"),
                row.getOffsetDateTime("drawn_at"));
    }
}
