package io.jiangxin.storage;

import io.jiangxin.results.ResultsContest;
import io.jiangxin.results.ResultsEvent;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.results.Publication;
import io.jiangxin.results.PublicationStatus;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Publications (公示) of events' results, their history and withdrawals, and the appeals that decide finality. */
public final class PublicationStore extends PooledStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String EVENTS = "select e.id, e.contest_id, e.name, e.trade, c.kind, e.signed_off_at"
            + " from event e join contest c on c.id = e.contest_id";

    public PublicationStore(Pool pool) {
        super(pool);
    }

    /** The event; with {@code lock}, its row is locked, which orders publishing against sign-off and appeals. */
    public Future<ResultsEvent> event(SqlClient client, long eventId, boolean lock) {
        return client.preparedQuery(EVENTS + " where e.id = $1" + (lock ? " for update of e" : ""))
                .execute(Tuple.of(eventId))
                .map(Rows.single(EventStore.WHAT, eventId, PublicationStore::event));
    }

    public Future<ResultsContest> contest(SqlClient client, long contestId) {
        return client.preparedQuery("select id, name, kind, level, contest_class, year, organizer from contest"
                        + " where id = $1")
                .execute(Tuple.of(contestId))
                .map(Rows.single(ContestStore.WHAT, contestId, r -> new ResultsContest(r.getLong("id"), r.getString("name"),
                        r.getString("kind"), r.getString("level"), r.getString("contest_class"), r.getInteger("year"),
                        r.getString("organizer"))));
    }

    /** The contest's events in id order. */
    public Future<List<ResultsEvent>> eventsOfContest(SqlClient client, long contestId) {
        return client.preparedQuery(EVENTS + " where e.contest_id = $1 order by e.id")
                .execute(Tuple.of(contestId))
                .map(rows -> {
                    List<ResultsEvent> events = new ArrayList<>();
                    rows.forEach(r -> events.add(event(r)));
                    return events;
                });
    }

    /** Records a publication of the event's current sign-off and score-log sequence; one may stand at a time. */
    public Future<Void> insert(SqlClient client, long eventId, long publishedBy, Instant publishedAt, int noticeHours,
                               Instant noticeEndsAt, Instant signedOffAt) {
        return client.preparedQuery("insert into publication (event_id, published_by, published_at, notice_hours,"
                        + " notice_ends_at, signed_off_at, log_seq) values ($1, $2, $3, $4, $5, $6,"
                        + " coalesce((select last_seq from event_chain where event_id = $1), 0))")
                .execute(Tuple.of(eventId, publishedBy, utc(publishedAt), noticeHours, utc(noticeEndsAt),
                        utc(signedOffAt)))
                .<Void>mapEmpty()
                .recover(e -> Future.failedFuture(e instanceof PgException pg
                        && UNIQUE_VIOLATION.equals(pg.getSqlState()) ? alreadyPublished() : e));
    }

    /** Withdraws the standing publication, if any, naming the upheld appeal; the row stays in the history. */
    public Future<Boolean> withdraw(SqlClient client, long eventId, long appealId, String reason, Instant at) {
        return event(client, eventId, true).compose(locked -> client.preparedQuery("update publication"
                        + " set withdrawn_at = $3, withdrawn_appeal = $2, withdrawn_reason = $4"
                        + " where event_id = $1 and withdrawn_at is null")
                .execute(Tuple.of(eventId, appealId, utc(at), reason))
                .map(rows -> rows.rowCount() > 0));
    }

    public Future<PublicationStatus> status(SqlClient client, long eventId, Instant now) {
        return statuses(client, List.of(eventId), now).map(map -> map.get(eventId));
    }

    /** Each event's publication state at {@code now}, from its history and its appeals. */
    public Future<Map<Long, PublicationStatus>> statuses(SqlClient client, List<Long> eventIds, Instant now) {
        Long[] ids = eventIds.toArray(Long[]::new);
        Future<Map<Long, List<Publication>>> histories = client.preparedQuery("select p.*, a.display_name"
                        + " from publication p join account a on a.id = p.published_by where p.event_id = any($1)"
                        + " order by p.event_id, p.id")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<Long, List<Publication>> map = new HashMap<>();
                    rows.forEach(r -> map.computeIfAbsent(r.getLong("event_id"), k -> new ArrayList<>())
                            .add(publication(r)));
                    return map;
                });
        Future<Map<Long, Row>> appeals = client.preparedQuery("select e.id as event_id, e.appeal_window_minutes,"
                        + " count(a.id) filter (where a.status = 'FILED') as pending, max(a.decided_at) as last_ruling"
                        + " from event e left join appeal a on a.event_id = e.id where e.id = any($1) group by e.id")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<Long, Row> map = new HashMap<>();
                    rows.forEach(r -> map.put(r.getLong("event_id"), r));
                    return map;
                });
        return Future.all(histories, appeals).map(done -> {
            Map<Long, PublicationStatus> statuses = new LinkedHashMap<>();
            for (long id : eventIds) {
                Row appeal = appeals.result().get(id);
                if (appeal == null) {
                    throw Problem.notFound(EventStore.WHAT, id);
                }
                statuses.put(id, PublicationStatus.of(id, histories.result().getOrDefault(id, List.of()),
                        appeal.getInteger("appeal_window_minutes"), appeal.getLong("pending").intValue(),
                        instant(appeal.getOffsetDateTime("last_ruling")), now));
            }
            return statuses;
        });
    }

    static Problem alreadyPublished() {
        return new Problem(ErrorCode.ALREADY_PUBLISHED, "该赛项成绩已公示，不能重复发布 / the event's results are already"
                + " published");
    }

    private static ResultsEvent event(Row r) {
        return new ResultsEvent(r.getLong("id"), r.getLong("contest_id"), r.getString("name"), r.getString("trade"),
                r.getString("kind"), instant(r.getOffsetDateTime("signed_off_at")));
    }

    private static Publication publication(Row r) {
        return new Publication(r.getLong("id"), r.getLong("event_id"), r.getLong("published_by"),
                r.getString("display_name"), instant(r.getOffsetDateTime("published_at")), r.getInteger("notice_hours"),
                instant(r.getOffsetDateTime("notice_ends_at")), instant(r.getOffsetDateTime("signed_off_at")),
                r.getLong("log_seq"), instant(r.getOffsetDateTime("withdrawn_at")), r.getLong("withdrawn_appeal"),
                r.getString("withdrawn_reason"));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
