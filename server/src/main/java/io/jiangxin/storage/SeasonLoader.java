package io.jiangxin.storage;

import static io.jiangxin.storage.ArrayInserts.batches;
import static io.jiangxin.storage.ArrayInserts.columns;
import static io.jiangxin.storage.ArrayInserts.texts;

import io.jiangxin.fixtures.Season;
import io.jiangxin.fixtures.Season.ContestRow;
import io.jiangxin.fixtures.Season.EntryRow;
import io.jiangxin.fixtures.Season.EventRow;
import io.jiangxin.fixtures.Season.JudgeRow;
import io.jiangxin.fixtures.Season.OrganizationRow;
import io.jiangxin.fixtures.Season.PersonRow;
import io.jiangxin.fixtures.Season.TeamRow;
import io.jiangxin.auth.Secrets;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a {@link Season} in one transaction with array inserts. Every insert skips rows whose natural key is
 * already present, so loading a season twice adds nothing the second time.
 */
public final class SeasonLoader {

    static final int BATCH = ArrayInserts.BATCH;

    /** How many rows of each kind this load added. */
    public record Counts(long organizations, long people, long contests, long events, long teams, long entries,
                         long judges) {
    }

    private final Pool pool;

    public SeasonLoader(Pool pool) {
        this.pool = pool;
    }

    public Future<Counts> load(Season season) {
        return pool.withTransaction(conn -> new Load(conn, season).run());
    }

    private static final class Load {
        private final SqlConnection conn;
        private final Season season;
        private final Map<String, Long> organizationIds = new HashMap<>();
        private final Map<String, Long> personIds = new HashMap<>();
        private final Map<String, Long> contestIds = new HashMap<>();
        private final Map<String, Long> eventIds = new HashMap<>();
        private final Map<String, Long> teamIds = new HashMap<>();
        private final long[] added = new long[7];

        Load(SqlConnection conn, Season season) {
            this.conn = conn;
            this.season = season;
        }

        Future<Counts> run() {
            return organizations()
                    .compose(v -> people())
                    .compose(v -> contests())
                    .compose(v -> events())
                    .compose(v -> teams())
                    .compose(v -> entries())
                    .compose(v -> judges())
                    .map(v -> new Counts(added[0], added[1], added[2], added[3], added[4], added[5], added[6]));
        }

        private Future<Void> organizations() {
            List<OrganizationRow> rows = season.organizations();
            return batches(rows, batch -> conn.preparedQuery("insert into organization (name, credit_code, region)"
                                    + " select * from unnest($1::text[], $2::text[], $3::text[]) on conflict do nothing")
                            .execute(columns(texts(batch, OrganizationRow::name), texts(batch, OrganizationRow::creditCode),
                                    texts(batch, OrganizationRow::region)))
                            .map(result -> added[0] += result.rowCount()))
                    .compose(v -> conn.preparedQuery("select id, name from organization where name = any($1::text[])")
                            .execute(columns(texts(rows, OrganizationRow::name))))
                    .map(result -> {
                        result.forEach(row -> organizationIds.put(row.getString("name"), row.getLong("id")));
                        return null;
                    });
        }

        private Future<Void> people() {
            List<PersonRow> rows = season.people();
            return batches(rows, batch -> conn.preparedQuery("insert into person (name, employee_no, organization_id,"
                                    + " trade, skill_grade, id_number) select * from unnest($1::text[], $2::text[],"
                                    + " $3::bigint[], $4::text[], $5::text[], $6::text[]) on conflict do nothing")
                            .execute(columns(texts(batch, PersonRow::name), texts(batch, PersonRow::employeeNo),
                                    batch.stream().map(p -> organizationId(p.organization())).toArray(Long[]::new),
                                    texts(batch, PersonRow::trade), texts(batch, PersonRow::skillGrade),
                                    texts(batch, PersonRow::idNumber)))
                            .map(result -> added[1] += result.rowCount()))
                    .compose(v -> conn.preparedQuery("select id, organization_id, employee_no from person"
                                    + " where organization_id = any($1::bigint[])")
                            .execute(columns(organizationIds.values().toArray(new Long[0]))))
                    .map(result -> {
                        result.forEach(row -> personIds.put(row.getLong("organization_id") + "/"
                                + row.getString("employee_no"), row.getLong("id")));
                        return null;
                    });
        }

        private Future<Void> contests() {
            Future<Void> chain = Future.succeededFuture();
            for (ContestRow contest : season.contests()) {
                chain = chain.compose(v -> conn.preparedQuery("insert into contest (name, kind, level, contest_class,"
                                + " year, organizer) values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                        .execute(Tuple.of(contest.name(), contest.kind(), contest.level(), contest.contestClass(),
                                contest.year(), contest.organizer()))
                        .compose(result -> {
                            added[2] += result.rowCount();
                            return conn.preparedQuery("select id from contest where organizer = $1 and name = $2"
                                            + " and year = $3")
                                    .execute(Tuple.of(contest.organizer(), contest.name(), contest.year()));
                        })
                        .map(result -> {
                            contestIds.put(contest.name(), result.iterator().next().getLong("id"));
                            return null;
                        }));
            }
            return chain;
        }

        private Future<Void> events() {
            List<Long> contestOfEvent = new ArrayList<>();
            List<EventRow> rows = new ArrayList<>();
            for (ContestRow contest : season.contests()) {
                for (EventRow event : contest.events()) {
                    contestOfEvent.add(contestIds.get(contest.name()));
                    rows.add(event);
                }
            }
            return conn.preparedQuery("insert into event (contest_id, name, trade, scheme) select c, n, t, s::jsonb"
                            + " from unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) as u(c, n, t, s)"
                            + " on conflict do nothing")
                    .execute(columns(contestOfEvent.toArray(new Long[0]), texts(rows, EventRow::name),
                            texts(rows, EventRow::trade), texts(rows, EventRow::scheme)))
                    .compose(result -> {
                        added[3] += result.rowCount();
                        return conn.preparedQuery("select e.id, c.name as contest, e.name from event e"
                                        + " join contest c on c.id = e.contest_id where e.contest_id = any($1::bigint[])")
                                .execute(columns(contestIds.values().toArray(new Long[0])));
                    })
                    .compose(result -> {
                        result.forEach(row -> eventIds.put(row.getString("contest") + "/" + row.getString("name"),
                                row.getLong("id")));
                        // An event with a scheme is ready for judging: its log's chain exists.
                        return conn.preparedQuery("insert into event_chain (event_id) select id from event"
                                        + " where id = any($1::bigint[]) and scheme is not null on conflict do nothing")
                                .execute(columns(eventIds.values().toArray(new Long[0])));
                    })
                    .mapEmpty();
        }

        private Future<Void> teams() {
            List<TeamRow> rows = season.teams();
            if (rows.isEmpty()) {
                return Future.succeededFuture();
            }
            return conn.preparedQuery("insert into team (name, organization_id) select * from unnest($1::text[],"
                            + " $2::bigint[]) on conflict do nothing")
                    .execute(columns(texts(rows, TeamRow::name),
                            rows.stream().map(t -> organizationId(t.organization())).toArray(Long[]::new)))
                    .compose(result -> {
                        added[4] += result.rowCount();
                        return conn.preparedQuery("select id, organization_id, name from team"
                                        + " where organization_id = any($1::bigint[])")
                                .execute(columns(organizationIds.values().toArray(new Long[0])));
                    })
                    .compose(result -> {
                        result.forEach(row -> teamIds.put(row.getLong("organization_id") + "/" + row.getString("name"),
                                row.getLong("id")));
                        List<Long> teams = new ArrayList<>();
                        List<Long> members = new ArrayList<>();
                        List<Integer> positions = new ArrayList<>();
                        for (TeamRow team : rows) {
                            long organization = organizationId(team.organization());
                            for (int i = 0; i < team.memberEmployeeNos().size(); i++) {
                                teams.add(teamIds.get(organization + "/" + team.name()));
                                members.add(personId(organization, team.memberEmployeeNos().get(i)));
                                positions.add(i);
                            }
                        }
                        return conn.preparedQuery("insert into team_member (team_id, person_id, position) select *"
                                        + " from unnest($1::bigint[], $2::bigint[], $3::int[]) on conflict do nothing")
                                .execute(columns(teams.toArray(new Long[0]), members.toArray(new Long[0]),
                                        positions.toArray(new Integer[0])));
                    })
                    .mapEmpty();
        }

        private Future<Void> entries() {
            return batches(season.entries(), batch -> {
                Long[] events = new Long[batch.size()];
                Long[] people = new Long[batch.size()];
                Long[] teams = new Long[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    EntryRow entry = batch.get(i);
                    long organization = organizationId(entry.organization());
                    events[i] = require(eventIds, entry.contest() + "/" + entry.event(), "event");
                    people[i] = entry.employeeNo() == null ? null : personId(organization, entry.employeeNo());
                    teams[i] = entry.team() == null ? null : require(teamIds, organization + "/" + entry.team(), "team");
                }
                return conn.preparedQuery("insert into registration (event_id, person_id, team_id, entry_code)"
                                + " select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[])"
                                + " on conflict do nothing")
                        .execute(columns(events, people, teams, texts(batch, EntryRow::entryCode)))
                        .map(result -> added[5] += result.rowCount());
            });
        }

        /** Judge accounts with their demo sign-in codes, each on its event's panel. */
        private Future<Void> judges() {
            List<JudgeRow> rows = season.judges();
            if (rows.isEmpty()) {
                return Future.succeededFuture();
            }
            Long[] contests = rows.stream().map(j -> require(contestIds, j.contest(), "contest")).toArray(Long[]::new);
            Long[] people = rows.stream().map(j -> personId(organizationId(j.organization()), j.employeeNo()))
                    .toArray(Long[]::new);
            String[] hashes = rows.stream().map(j -> Secrets.sha256(Secrets.normalizeCode(j.signInCode())))
                    .toArray(String[]::new);
            return conn.preparedQuery("insert into account (kind, display_name, contest_id, person_id, code_hash)"
                            + " select 'JUDGE', p.name, u.c, u.p, u.h from unnest($1::bigint[], $2::bigint[], $3::text[])"
                            + " as u(c, p, h) join person p on p.id = u.p on conflict do nothing")
                    .execute(columns(contests, people, hashes))
                    .compose(result -> {
                        added[6] += result.rowCount();
                        return conn.preparedQuery("select id, contest_id, person_id from account where kind = 'JUDGE'"
                                        + " and person_id = any($1::bigint[])").execute(columns(people));
                    })
                    .compose(accounts -> {
                        Map<String, Long> accountIds = new HashMap<>();
                        accounts.forEach(row -> accountIds.put(row.getLong("contest_id") + "/" + row.getLong("person_id"),
                                row.getLong("id")));
                        Long[] events = new Long[rows.size()];
                        Long[] members = new Long[rows.size()];
                        String[] roles = new String[rows.size()];
                        for (int i = 0; i < rows.size(); i++) {
                            JudgeRow judge = rows.get(i);
                            events[i] = require(eventIds, judge.contest() + "/" + judge.event(), "event");
                            members[i] = require(accountIds, contests[i] + "/" + people[i], "judge account");
                            roles[i] = judge.panelRole();
                        }
                        return conn.preparedQuery("insert into panel_member (event_id, account_id, role) select * from"
                                        + " unnest($1::bigint[], $2::bigint[], $3::text[]) on conflict do nothing")
                                .execute(columns(events, members, roles));
                    })
                    .mapEmpty();
        }

        private long organizationId(String name) {
            return require(organizationIds, name, "organization");
        }

        private long personId(long organizationId, String employeeNo) {
            return require(personIds, organizationId + "/" + employeeNo, "person");
        }

        private static long require(Map<String, Long> ids, String key, String kind) {
            Long id = ids.get(key);
            if (id == null) {
                throw new IllegalArgumentException("season refers to an unknown " + kind + ": " + key);
            }
            return id;
        }
    }
}
