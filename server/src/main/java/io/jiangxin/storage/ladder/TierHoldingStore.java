package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.ids;
import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.storage.Constraints;
import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Who holds which tier of which ladder, from when to when, and on what basis. */
public final class TierHoldingStore {

    public record HoldingRow(long id, String ladderId, long personId, String tierCode, LocalDate start, LocalDate end,
                             String basis, Long nominationId) {
    }

    /** Orders every change of one person's holdings, across nodes, until the caller's transaction ends. */
    public Future<Void> lockPerson(SqlClient client, long personId) {
        return LadderSql.advisoryLock(client, "ladder-holding/" + personId);
    }

    public Future<List<HoldingRow>> holdings(SqlClient client, Collection<Long> personIds) {
        return select(client, "select * from ladder_tier_holding where person_id = any($1::bigint[])"
                        + " order by person_id, ladder_id, start_on",
                Tuple.of(ids(personIds)), TierHoldingStore::holding);
    }

    public Future<List<HoldingRow>> holdingsOfLadder(SqlClient client, String ladderId) {
        return select(client, "select * from ladder_tier_holding where ladder_id = $1 order by person_id, start_on",
                Tuple.of(ladderId), TierHoldingStore::holding);
    }

    public Future<List<Long>> holdersOfAnyLadder(SqlClient client) {
        return client.query("select distinct person_id from ladder_tier_holding where end_on is null order by 1")
                .execute().map(Rows.each(r -> r.getLong(0)));
    }

    public Future<Void> closeHolding(SqlClient client, long holdingId, LocalDate end) {
        return client.preparedQuery("update ladder_tier_holding set end_on = $2 where id = $1")
                .execute(Tuple.of(holdingId, end)).mapEmpty();
    }

    public Future<Long> insertHolding(SqlClient client, String ladderId, long personId, String tierCode, LocalDate start,
                                      String basis, Long nominationId, Long recordedBy) {
        return client.preparedQuery("insert into ladder_tier_holding (ladder_id, person_id, tier_code, start_on, basis,"
                        + " nomination_id, recorded_by) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                .execute(Tuple.from(new Object[] {ladderId, personId, tierCode, start, basis, nominationId, recordedBy}))
                .map(rows -> rows.iterator().next().getLong("id"))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    private static HoldingRow holding(Row row) {
        return new HoldingRow(row.getLong("id"), row.getString("ladder_id"), row.getLong("person_id"),
                row.getString("tier_code"), row.getLocalDate("start_on"), row.getLocalDate("end_on"),
                row.getString("basis"), row.getLong("nomination_id"));
    }
}
