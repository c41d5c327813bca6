package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Personal data as stored (docs/privacy.md): a contest's people with their full ID numbers, one person's whole
 * record, anonymisation, and the audit of every such action.
 */
public final class PersonalDataStore {

    /** What replaces a name; the same in every export and page, so an anonymised person is plainly marked. */
    public static final String ANONYMISED_NAME = "已匿名 / anonymised";

    private final Pool pool;

    public PersonalDataStore(Pool pool) {
        this.pool = pool;
    }

    /** One person of a contest as the organizer's audited export lists them. */
    public record ContestPerson(long personId, String name, String employeeNo, String organization, String idNumber,
                                String trade, String events, boolean anonymised) {
    }

    /** People registered in the contest, alone or in a team, ordered by enterprise and employee number. */
    public Future<List<ContestPerson>> contestPeople(long contestId) {
        return pool.preparedQuery(PEOPLE_OF_CONTESTS + " select p.id, p.name, p.employee_no, o.name as organization,"
                        + " p.id_number, p.trade, string_agg(distinct e.name, '、' order by e.name) as events,"
                        + " p.anonymised_at is not null as anonymised from person_contest pc join person p on p.id = pc.person_id"
                        + " join organization o on o.id = p.organization_id join event e on e.id = pc.event_id"
                        + " where pc.contest_id = $1 group by p.id, o.name order by o.name, p.employee_no")
                .execute(Tuple.of(contestId))
                .map(rows -> {
                    List<ContestPerson> people = new ArrayList<>();
                    rows.forEach(r -> people.add(new ContestPerson(r.getLong("id"), r.getString("name"),
                            r.getString("employee_no"), r.getString("organization"), r.getString("id_number"),
                            r.getString("trade"), r.getString("events"), r.getBoolean("anonymised"))));
                    return people;
                });
    }

    /** Each registration's person and contest, directly or through a team. */
    private static final String PEOPLE_OF_CONTESTS = "with person_contest as ("
            + " select r.person_id, e.contest_id, e.id as event_id from registration r join event e on e.id = r.event_id"
            + " where r.person_id is not null"
            + " union select tm.person_id, e.contest_id, e.id from team_member tm"
            + " join registration r on r.team_id = tm.team_id join event e on e.id = r.event_id)";

    /** Everything stored about one person, as they may ask to see it; null when there is no such person. */
    public Future<JsonObject> personRecord(long personId) {
        Future<JsonObject> person = pool.preparedQuery("select p.*, o.name as organization from person p"
                        + " join organization o on o.id = p.organization_id where p.id = $1").execute(Tuple.of(personId))
                .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
        Future<JsonArray> registrations = array(pool, "select c.name as contest, c.year, e.name as event, r.entry_code,"
                + " r.station, r.status, t.name as team, r.created_at from registration r join event e on e.id = r.event_id"
                + " join contest c on c.id = e.contest_id left join team t on t.id = r.team_id where r.person_id = $1"
                + " or r.team_id in (select team_id from team_member where person_id = $1) order by r.created_at", personId);
        Future<JsonArray> accounts = array(pool, "select kind, display_name, created_at, disabled_at from account"
                + " where person_id = $1 order by created_at", personId);
        Future<JsonArray> certificates = array(pool, "select c.code, c.names, c.award_name_zh, c.contest_name,"
                + " c.event_name, c.issued_at, c.revoked_at from certificate c join registration r on r.id = c.registration_id"
                + " where r.person_id = $1 or r.team_id in (select team_id from team_member where person_id = $1)"
                + " order by c.issued_at", personId);
        Future<JsonArray> ladder = array(pool, "select * from ladder_tier_holding where person_id = $1 order by id",
                personId);
        Future<JsonArray> points = array(pool, "select * from ladder_ledger where person_id = $1 order by id", personId);
        return Future.all(person, registrations, accounts, certificates, ladder).compose(done -> points).map(pts ->
                person.result() == null ? null : new JsonObject().put("person", person.result())
                        .put("registrations", registrations.result()).put("accounts", accounts.result())
                        .put("certificates", certificates.result()).put("ladderTiers", ladder.result())
                        .put("ladderPoints", pts));
    }

    /** A row as JSON: times as ISO-8601, numbers exact as text, arrays as arrays. */
    static JsonObject json(Row row) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.getValue(i);
            if (value instanceof java.time.temporal.Temporal || value instanceof io.vertx.sqlclient.data.Numeric
                    || value instanceof java.math.BigDecimal) {
                value = value.toString();
            } else if (value instanceof Object[] items) {
                value = new JsonArray(java.util.Arrays.asList(items));
            }
            object.put(row.getColumnName(i), value);
        }
        return object;
    }

    private static Future<JsonArray> array(SqlClient client, String sql, long id) {
        return client.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            JsonArray array = new JsonArray();
            rows.forEach(row -> array.add(json(row)));
            return array;
        });
    }

    /**
     * The people none of whose contests is younger than {@code closedBefore}: every event of each of their contests
     * has a current publication whose notice ended before it. People with a craftsman-ladder record or a worker
     * account are kept: the ladder is a long-running purpose of its own (docs/privacy.md).
     */
    public Future<List<Long>> pastRetention(Instant closedBefore) {
        return pool.preparedQuery(PEOPLE_OF_CONTESTS + ", closed as (select e.contest_id, max(pub.notice_ends_at) as at"
                        + " from event e left join publication pub on pub.event_id = e.id and pub.withdrawn_at is null"
                        + " group by e.contest_id having bool_and(pub.id is not null))"
                        + " select pc.person_id from person_contest pc join person p on p.id = pc.person_id"
                        + " left join closed c on c.contest_id = pc.contest_id where p.anonymised_at is null"
                        + " and not exists (select 1 from ladder_tier_holding h where h.person_id = p.id)"
                        + " and not exists (select 1 from ladder_ledger l where l.person_id = p.id)"
                        + " and not exists (select 1 from ladder_nomination n where n.person_id = p.id)"
                        + " and not exists (select 1 from account a where a.person_id = p.id)"
                        + " group by pc.person_id having bool_and(c.at is not null and c.at < $1) order by pc.person_id")
                .execute(Tuple.of(OffsetDateTime.ofInstant(closedBefore, ZoneOffset.UTC)))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    return ids;
                });
    }

    /**
     * Replaces the people's names (also where certificates printed them), employee numbers and ID numbers, and
     * records the action, in one transaction. Ids, registrations, marks, results and the score logs are untouched,
     * so results stay computable and every hash chain verifies. Returns how many were anonymised now.
     */
    public Future<Integer> anonymise(List<Long> personIds, Action action) {
        if (personIds.isEmpty()) {
            return Future.succeededFuture(0);
        }
        Long[] ids = personIds.toArray(new Long[0]);
        return pool.withTransaction(conn -> conn.preparedQuery("update certificate c set names = array_replace(c.names,"
                                + " p.name, $2) from registration r, person p where r.id = c.registration_id"
                                + " and p.id = any($1::bigint[]) and p.anonymised_at is null and (r.person_id = p.id"
                                + " or r.team_id in (select team_id from team_member where person_id = p.id))")
                        .execute(Tuple.of(ids, ANONYMISED_NAME))
                .compose(done -> conn.preparedQuery("update person set name = $2, employee_no = 'ANON-' || id,"
                                + " id_number = null, anonymised_at = now(), updated_at = now()"
                                + " where id = any($1::bigint[]) and anonymised_at is null")
                        .execute(Tuple.of(ids, ANONYMISED_NAME)))
                .compose(updated -> record(conn, action.withPeople(updated.rowCount())).map(id -> updated.rowCount())));
    }

    /** An audited action on personal data. */
    public record Action(String action, Long accountId, Long contestId, Long personId, int people, String reason,
                         String requestId) {
        Action withPeople(int count) {
            return new Action(action, accountId, contestId, personId, count, reason, requestId);
        }
    }

    public Future<Long> record(SqlClient client, Action action) {
        return client.preparedQuery("insert into personal_data_action (action, account_id, contest_id, person_id,"
                        + " people, reason, request_id) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                .execute(Tuple.of(action.action(), action.accountId(), action.contestId(), action.personId(),
                        action.people(), action.reason(), action.requestId()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Future<Long> record(Action action) {
        return record(pool, action);
    }

    /** Whether the person exists and when they were anonymised (null: not yet); a failed future with null when unknown. */
    public Future<Row> person(long personId) {
        return pool.preparedQuery("select id, anonymised_at from person where id = $1").execute(Tuple.of(personId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    /** The latest audited actions, newest first, with the organizer's display name. */
    public Future<JsonArray> actions(int limit) {
        return pool.preparedQuery("select a.id, a.action, a.account_id, acc.display_name as account, a.contest_id,"
                        + " a.person_id, a.people, a.reason, a.request_id, a.at from personal_data_action a"
                        + " left join account acc on acc.id = a.account_id order by a.at desc, a.id desc limit $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    JsonArray array = new JsonArray();
                    rows.forEach(row -> array.add(json(row)));
                    return array;
                });
    }
}
