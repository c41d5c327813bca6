package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.ids;
import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.storage.Constraints;
import io.jiangxin.storage.PooledStore;
import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Contest results and training assessments as facts, one row per revision, and the events whose current sign-off
 * has been posted to the ladder.
 */
public final class ResultFactStore extends PooledStore {

    /** A contest result revision; {@code rank} null means withdrawn (disqualified on re-sign-off). */
    public record ResultRow(long id, long personId, String eventKey, Long eventId, String eventName, String trade,
                            Level level, ContestClass contestClass, Integer rank, String award, LocalDate heldOn,
                            LocalDate signedOffOn, int revision, String source) {
    }

    /**
     * A training assessment revision (培训考核), private to the worker and the organizer; {@code rank} null means
     * withdrawn (disqualified on re-sign-off), and a withdrawn revision never passes.
     */
    public record AssessmentRow(long id, long personId, String eventKey, long eventId, String eventName,
                                BigDecimal total, boolean passed, Integer rank, LocalDate heldOn,
                                LocalDate signedOffOn, int revision) {
    }

    /** One table of revisioned facts: its columns and how a row reads. */
    private record Revisions<T>(String table, String columns, Function<Row, T> mapper) {

        Future<List<T>> ofPeople(SqlClient client, Collection<Long> personIds) {
            return select(client, "select " + columns + " from " + table + " where person_id = any($1::bigint[])"
                    + " order by person_id, event_key, revision", Tuple.of(ids(personIds)), mapper);
        }

        Future<List<T>> ofEvent(SqlClient client, String eventKey) {
            return select(client, "select " + columns + " from " + table + " where event_key = $1"
                    + " order by person_id, revision", Tuple.of(eventKey), mapper);
        }

        /** Adds a revision; one already there is kept, and {@code false} says so. */
        Future<Boolean> insert(SqlClient client, Object... values) {
            String names = columns.substring(columns.indexOf(',') + 1).strip();
            StringBuilder params = new StringBuilder();
            for (int i = 1; i <= values.length; i++) {
                params.append(i == 1 ? "$" : ", $").append(i);
            }
            return client.preparedQuery("insert into " + table + " (" + names + ") values (" + params
                            + ") on conflict do nothing")
                    .execute(Tuple.from(values)).map(rows -> rows.rowCount() > 0);
        }
    }

    private static final Revisions<ResultRow> RESULTS = new Revisions<>("ladder_result", "id, person_id, event_key,"
            + " event_id, event_name, trade, level, contest_class, rank, award, held_on, signed_off_on, revision, source",
            ResultFactStore::result);
    private static final Revisions<AssessmentRow> ASSESSMENTS = new Revisions<>("ladder_assessment", "id, person_id,"
            + " event_key, event_id, event_name, total, passed, rank, held_on, signed_off_on, revision",
            ResultFactStore::assessment);

    public ResultFactStore(Pool pool) {
        super(pool);
    }

    // ---- results

    public Future<List<ResultRow>> results(SqlClient client, Collection<Long> personIds) {
        return RESULTS.ofPeople(client, personIds);
    }

    public Future<List<ResultRow>> resultsOfEvent(SqlClient client, String eventKey) {
        return RESULTS.ofEvent(client, eventKey);
    }

    public Future<Boolean> insertResult(SqlClient client, ResultRow r) {
        return RESULTS.insert(client, r.personId(), r.eventKey(), r.eventId(), r.eventName(), r.trade(),
                        r.level().name(), r.contestClass().name(), r.rank(), r.award(), r.heldOn(), r.signedOffOn(),
                        r.revision(), r.source())
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    // ---- training assessments

    public Future<List<AssessmentRow>> assessments(SqlClient client, Collection<Long> personIds) {
        return ASSESSMENTS.ofPeople(client, personIds);
    }

    public Future<List<AssessmentRow>> assessmentsOfEvent(SqlClient client, String eventKey) {
        return ASSESSMENTS.ofEvent(client, eventKey);
    }

    public Future<Boolean> insertAssessment(SqlClient client, AssessmentRow a) {
        return ASSESSMENTS.insert(client, a.personId(), a.eventKey(), a.eventId(), a.eventName(), a.total(),
                a.passed(), a.rank(), a.heldOn(), a.signedOffOn(), a.revision());
    }

    /** A lock that orders every posting of one event's results (or one person's), across nodes. */
    public Future<Void> advisoryLock(SqlClient client, String key) {
        return LadderSql.advisoryLock(client, key);
    }

    // ---- the judged events they come from

    /** Registration id → the people it stands for (the person, or the team's members), registered entries only. */
    public Future<Map<Long, List<Long>>> entrants(SqlClient client, long eventId) {
        return client.preparedQuery("select r.id, case when r.person_id is not null then array[r.person_id] else (select"
                        + " array_agg(tm.person_id order by tm.position) from team_member tm where tm.team_id = r.team_id)"
                        + " end as people"
                        + " from registration r where r.event_id = $1 and r.status = 'REGISTERED'")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Map<Long, List<Long>> entrants = new HashMap<>();
                    rows.forEach(r -> {
                        Long[] people = r.getArrayOfLongs("people");
                        entrants.put(r.getLong("id"), people == null ? List.of()
                                : Arrays.stream(people).filter(Objects::nonNull).toList());
                    });
                    return entrants;
                });
    }

    /** Signed-off events whose current sign-off has not been posted to the ladder yet. */
    public Future<List<Long>> unpostedEvents(SqlClient client) {
        return client.query("select e.id from event e left join ladder_event_posting p on p.event_id = e.id"
                        + " where e.signed_off_at is not null and (p.event_id is null or p.signed_off_at <> e.signed_off_at)"
                        + " order by e.id limit 50").execute()
                .map(Rows.each(r -> r.getLong(0)));
    }

    public Future<Void> markPosted(SqlClient client, long eventId, OffsetDateTime signedOffAt) {
        return client.preparedQuery("insert into ladder_event_posting (event_id, signed_off_at) values ($1, $2)"
                        + " on conflict (event_id) do update set signed_off_at = $2, posted_at = now()")
                .execute(Tuple.of(eventId, signedOffAt)).mapEmpty();
    }

    private static ResultRow result(Row row) {
        return new ResultRow(row.getLong("id"), row.getLong("person_id"), row.getString("event_key"),
                row.getLong("event_id"), row.getString("event_name"), row.getString("trade"),
                Level.valueOf(row.getString("level")), ContestClass.valueOf(row.getString("contest_class")),
                row.getInteger("rank"), row.getString("award"), row.getLocalDate("held_on"),
                row.getLocalDate("signed_off_on"), row.getInteger("revision"), row.getString("source"));
    }

    private static AssessmentRow assessment(Row row) {
        return new AssessmentRow(row.getLong("id"), row.getLong("person_id"), row.getString("event_key"),
                row.getLong("event_id"), row.getString("event_name"), row.getBigDecimal("total"),
                row.getBoolean("passed"), row.getInteger("rank"), row.getLocalDate("held_on"),
                row.getLocalDate("signed_off_on"), row.getInteger("revision"));
    }
}
