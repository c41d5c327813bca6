package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.problem.Problem;
import io.jiangxin.registry.Team;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class TeamStore implements DraftStore<Team, Team.Draft> {

    static final String WHAT = "团队 / team";
    private static final String COLUMNS = "id, name, organization_id, member_ids";
    private static final String TEAMS = "(select t.id, t.name, t.organization_id,"
            + " coalesce(array_agg(m.person_id order by m.position) filter (where m.person_id is not null),"
            + " '{}') as member_ids from team t left join team_member m on m.team_id = t.id group by t.id) teams";

    private final Pool pool;

    public TeamStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Team> create(Team.Draft draft) {
        return pool.withTransaction(conn -> conn
                        .preparedQuery("insert into team (name, organization_id) values ($1, $2) returning id")
                        .execute(Tuple.of(draft.name(), draft.organizationId()))
                        .compose(rows -> {
                            long id = rows.iterator().next().getLong(0);
                            return replaceMembers(conn, id, draft.memberIds()).map(id);
                        }))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .compose(this::get);
    }

    @Override
    public Future<Team> get(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from " + TEAMS + " where id = $1")
                .execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, TeamStore::map));
    }

    @Override
    public Future<Team> update(long id, Team.Draft draft) {
        return pool.withTransaction(conn -> conn
                        .preparedQuery("update team set name = $1, organization_id = $2, updated_at = now()"
                                + " where id = $3 returning id")
                        .execute(Tuple.of(draft.name(), draft.organizationId(), id))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.failedFuture(Problem.notFound(WHAT, id));
                            }
                            return conn.preparedQuery("delete from team_member where team_id = $1")
                                    .execute(Tuple.of(id))
                                    .compose(deleted -> replaceMembers(conn, id, draft.memberIds()));
                        }))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .compose(done -> get(id));
    }

    public Future<Page<Team>> list(Long organizationId, Long memberId, PageRequest page) {
        Filter filter = new Filter()
                .equal("organization_id", organizationId)
                .condition("? = any(member_ids)", memberId);
        return Listing.page(pool, TEAMS, COLUMNS, filter, page, TeamStore::map);
    }

    private static Future<Void> replaceMembers(SqlConnection conn, long teamId, List<Long> memberIds) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            positions.add(i);
        }
        return conn.preparedQuery("insert into team_member (team_id, person_id, position)"
                        + " select $1, person_id, position from unnest($2::bigint[], $3::int[]) as m(person_id, position)")
                .execute(Tuple.of(teamId, memberIds.toArray(new Long[0]), positions.toArray(new Integer[0])))
                .mapEmpty();
    }

    static Team map(Row row) {
        Long[] members = row.getArrayOfLongs("member_ids");
        return new Team(row.getLong("id"), row.getString("name"), row.getLong("organization_id"),
                members == null ? List.of() : Arrays.asList(members));
    }
}
