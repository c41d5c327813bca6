package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * What a 路演 (roadshow final) hall screen shows beside the board: each registered entry's code, title and kind, and
 * who presents it (the team's or the person's name and enterprise), in one query for the whole event.
 */
public final class RoadshowStore {

    /** One line of the programme. {@code entrant} and {@code organization} are for the caller to hide. */
    public record Line(String entryCode, String title, String kind, String entrant, String organization) {

        public JsonObject json(boolean namesPublic) {
            JsonObject line = new JsonObject().put("entryCode", entryCode).put("title", title).put("kind", kind);
            if (namesPublic) {
                line.put("entrant", entrant).put("organization", organization);
            }
            return line;
        }
    }

    private final Pool pool;

    public RoadshowStore(Pool pool) {
        this.pool = pool;
    }

    /** The event's registered entries with a code, in code order (the order the draw gave them on stage). */
    public Future<List<Line>> lines(long eventId) {
        return pool.preparedQuery("select r.entry_code, i.title, i.kind, coalesce(t.name, p.name) as entrant,"
                        + " o.name as organization from registration r"
                        + " left join innovation_entry i on i.registration_id = r.id"
                        + " left join person p on p.id = r.person_id left join team t on t.id = r.team_id"
                        + " left join organization o on o.id = coalesce(t.organization_id, p.organization_id)"
                        + " where r.event_id = $1 and r.status = 'REGISTERED' and r.entry_code is not null"
                        + " order by r.entry_code")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    List<Line> lines = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        lines.add(new Line(row.getString("entry_code"), row.getString("title"), row.getString("kind"),
                                row.getString("entrant"), row.getString("organization")));
                    }
                    return lines;
                });
    }
}
