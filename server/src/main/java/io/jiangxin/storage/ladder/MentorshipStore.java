package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.ids;

import io.jiangxin.problem.Problem;
import io.jiangxin.storage.Constraints;
import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** 师带徒 pairs with their goals, and the progress recorded on them. */
public final class MentorshipStore {

    public record ProgressRow(long id, String kind, LocalDate date, String grade, String honourLevel,
                              String description, String evidenceRef) {
    }

    public record MentorshipRow(long id, long mentorId, long apprenticeId, LocalDate startedOn, LocalDate endedOn,
                                JsonArray goals, List<ProgressRow> progress) {
    }

    public Future<Long> insertMentorship(SqlClient client, long mentorId, long apprenticeId, LocalDate startedOn,
                                        LocalDate endedOn, JsonArray goals) {
        return client.preparedQuery("insert into ladder_mentorship (mentor_id, apprentice_id, started_on, ended_on, goals)"
                        + " values ($1, $2, $3, $4, $5::jsonb) returning id")
                .execute(Tuple.of(mentorId, apprenticeId, startedOn, endedOn, goals))
                .map(rows -> rows.iterator().next().getLong("id"))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    public Future<Long> insertProgress(SqlClient client, long mentorshipId, String kind, LocalDate date, String grade,
                                      String honourLevel, String description, String evidenceRef) {
        return client.preparedQuery("insert into ladder_progress (mentorship_id, kind, on_date, grade, honour_level,"
                        + " description, evidence_ref) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                .execute(Tuple.from(new Object[] {mentorshipId, kind, date, grade, honourLevel, description, evidenceRef}))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Future<MentorshipRow> mentorship(SqlClient client, long id) {
        return mentorships(client, "m.id = $1", id).map(list -> {
            if (list.isEmpty()) {
                throw Problem.notFound("师带徒 / mentorship", id);
            }
            return list.get(0);
        });
    }

    /** Mentorships in which the person is mentor or apprentice. */
    public Future<List<MentorshipRow>> mentorshipsOf(SqlClient client, Collection<Long> personIds) {
        return mentorships(client, "(m.mentor_id = any($1::bigint[]) or m.apprentice_id = any($1::bigint[]))",
                ids(personIds));
    }

    private Future<List<MentorshipRow>> mentorships(SqlClient client, String where, Object value) {
        return client.preparedQuery("select m.id, m.mentor_id, m.apprentice_id, m.started_on, m.ended_on,"
                        + " m.goals::text as goals, coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind,"
                        + " 'date', p.on_date, 'grade', p.grade, 'honourLevel', p.honour_level, 'description',"
                        + " p.description, 'evidenceRef', p.evidence_ref) order by p.on_date, p.id)"
                        + " from ladder_progress p where p.mentorship_id = m.id), '[]')::text as progress"
                        + " from ladder_mentorship m where " + where + " order by m.id")
                .execute(Tuple.of(value))
                .map(Rows.each(row -> {
                    List<ProgressRow> progress = new ArrayList<>();
                    new JsonArray(row.getString("progress")).forEach(o -> {
                        JsonObject p = (JsonObject) o;
                        progress.add(new ProgressRow(p.getLong("id"), p.getString("kind"),
                                LocalDate.parse(p.getString("date")), p.getString("grade"), p.getString("honourLevel"),
                                p.getString("description"), p.getString("evidenceRef")));
                    });
                    return new MentorshipRow(row.getLong("id"), row.getLong("mentor_id"), row.getLong("apprentice_id"),
                            row.getLocalDate("started_on"), row.getLocalDate("ended_on"),
                            new JsonArray(row.getString("goals")), progress);
                }));
    }
}
