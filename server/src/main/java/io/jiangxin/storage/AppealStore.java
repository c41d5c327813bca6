package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Written appeals (申诉) and their rulings. */
public final class AppealStore {

    static final String WHAT = "申诉 / appeal";
    private static final String COLUMNS = "a.id, a.event_id, a.registration_id, r.entry_code, a.statement,"
            + " a.filed_by, a.filed_at, a.status, a.decided_by, a.decided_at, a.decision";
    private static final String FROM = " from appeal a join registration r on r.id = a.registration_id";

    /** An appeal with the event it is about. */
    public record Appeal(long id, long eventId, long registrationId, String entryCode, String status,
                         JsonObject view) {
    }

    public Future<Long> file(SqlClient client, long eventId, long registrationId, String statement, long filedBy) {
        return client.preparedQuery("insert into appeal (event_id, registration_id, statement, filed_by)"
                        + " values ($1, $2, $3, $4) returning id")
                .execute(Tuple.of(eventId, registrationId, statement, filedBy))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Future<Appeal> get(SqlClient client, long id, boolean forUpdate) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where a.id = $1" + (forUpdate ? " for update of a" : ""))
                .execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, AppealStore::map));
    }

    public Future<Void> decide(SqlClient client, long id, String status, long decidedBy, String decision) {
        return client.preparedQuery("update appeal set status = $2, decided_by = $3, decided_at = now(), decision = $4"
                        + " where id = $1")
                .execute(Tuple.of(id, status, decidedBy, decision)).mapEmpty();
    }

    public Future<List<Appeal>> ofEvent(SqlClient client, long eventId) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where a.event_id = $1 order by a.id")
                .execute(Tuple.of(eventId))
                .map(Rows.each(AppealStore::map));
    }

    private static Appeal map(Row row) {
        JsonObject view = new JsonObject().put("id", row.getLong("id")).put("eventId", row.getLong("event_id"))
                .put("entryCode", row.getString("entry_code")).put("statement", row.getString("statement"))
                .put("filedBy", row.getLong("filed_by")).put("filedAt", row.getOffsetDateTime("filed_at").toString())
                .put("status", row.getString("status")).put("decidedBy", row.getLong("decided_by"))
                .put("decidedAt", row.getOffsetDateTime("decided_at") == null ? null
                        : row.getOffsetDateTime("decided_at").toString())
                .put("decision", row.getString("decision"));
        return new Appeal(row.getLong("id"), row.getLong("event_id"), row.getLong("registration_id"),
                row.getString("entry_code"), row.getString("status"), view);
    }
}
