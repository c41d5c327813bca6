package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.storage.Constraints;
import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** Nominations with their decisions and objections, and the quota rows that make naming atomic. */
public final class NominationStore {

    public record NominationRow(long id, String configCode, String ladderId, String tierCode, int year, long personId,
                                String trade, long organizationId, String ruleReference, String route,
                                String stepPolicy, JsonObject explanation, String state, OffsetDateTime noticeOpensAt,
                                OffsetDateTime noticeClosesAt) {
    }

    public record DecisionRow(long nominationId, int seq, String action, String fromState, String toState,
                              Long byAccount, String byName, OffsetDateTime at, String why, String noteZh,
                              String noteEn) {
    }

    public record ObjectionRow(long nominationId, String objectionId, String filedBy, OffsetDateTime filedAt,
                               String statement, String ruling, String ruledBy, OffsetDateTime ruledAt,
                               String rulingWhy) {
    }

    public record ClaimRow(String ladderId, String tierCode, int year, long personId, String trade,
                           long organizationId, long nominationId) {
    }

    private static final String WHAT = "推荐 / nomination";

    public Future<Long> insertNomination(SqlClient client, NominationRow n) {
        return client.preparedQuery("insert into ladder_nomination (config_code, ladder_id, tier_code, year, person_id,"
                        + " trade, organization_id, rule_reference, route, step_policy, explanation, state) values ($1,"
                        + " $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12) returning id")
                .execute(Tuple.from(new Object[] {n.configCode(), n.ladderId(), n.tierCode(), n.year(), n.personId(),
                        n.trade(), n.organizationId(), n.ruleReference(), n.route(), n.stepPolicy(),
                        n.explanation(), n.state()}))
                .map(rows -> rows.iterator().next().getLong("id"))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    public Future<NominationRow> nomination(SqlClient client, long id, boolean forUpdate) {
        return client.preparedQuery("select *, explanation::text as explanation_text from ladder_nomination where id = $1"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, NominationStore::nomination));
    }

    public Future<List<NominationRow>> nominations(SqlClient client, String ladderId, String tierCode, Integer year,
                                                   String state, Long personId) {
        return select(client, "select *, explanation::text as explanation_text from ladder_nomination"
                        + " where ($1::text is null or ladder_id = $1) and ($2::text is null or tier_code = $2)"
                        + " and ($3::int is null or year = $3) and ($4::text is null or state = $4)"
                        + " and ($5::bigint is null or person_id = $5) order by id",
                Tuple.of(ladderId, tierCode, year, state, personId), NominationStore::nomination);
    }

    public Future<Void> updateState(SqlClient client, long id, String state, OffsetDateTime noticeOpens,
                                    OffsetDateTime noticeCloses) {
        return client.preparedQuery("update ladder_nomination set state = $2, notice_opens_at = $3, notice_closes_at = $4,"
                        + " updated_at = now() where id = $1")
                .execute(Tuple.of(id, state, noticeOpens, noticeCloses)).mapEmpty();
    }

    public Future<Void> insertDecision(SqlClient client, DecisionRow d) {
        return client.preparedQuery("insert into ladder_decision (nomination_id, seq, action, from_state, to_state,"
                        + " by_account, by_name, decided_at, why, note_zh, note_en) values ($1, $2, $3, $4, $5, $6, $7,"
                        + " $8, $9, $10, $11)")
                .execute(Tuple.from(new Object[] {d.nominationId(), d.seq(), d.action(), d.fromState(), d.toState(),
                        d.byAccount(), d.byName(), d.at(), d.why(), d.noteZh(), d.noteEn()}))
                .mapEmpty();
    }

    public Future<List<DecisionRow>> decisions(SqlClient client, long nominationId) {
        return client.preparedQuery("select * from ladder_decision where nomination_id = $1 order by seq")
                .execute(Tuple.of(nominationId))
                .map(Rows.each(r -> new DecisionRow(r.getLong("nomination_id"), r.getInteger("seq"),
                        r.getString("action"), r.getString("from_state"), r.getString("to_state"),
                        r.getLong("by_account"), r.getString("by_name"), r.getOffsetDateTime("decided_at"),
                        r.getString("why"), r.getString("note_zh"), r.getString("note_en"))));
    }

    public Future<Void> upsertObjection(SqlClient client, ObjectionRow o) {
        return client.preparedQuery("insert into ladder_objection (nomination_id, objection_id, filed_by, filed_at,"
                        + " statement, ruling, ruled_by, ruled_at, ruling_why) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                        + " on conflict (nomination_id, objection_id) do update set ruling = $6, ruled_by = $7,"
                        + " ruled_at = $8, ruling_why = $9")
                .execute(Tuple.from(new Object[] {o.nominationId(), o.objectionId(), o.filedBy(), o.filedAt(),
                        o.statement(), o.ruling(), o.ruledBy(), o.ruledAt(), o.rulingWhy()}))
                .mapEmpty();
    }

    public Future<List<ObjectionRow>> objections(SqlClient client, long nominationId) {
        return client.preparedQuery("select * from ladder_objection where nomination_id = $1 order by filed_at, objection_id")
                .execute(Tuple.of(nominationId))
                .map(Rows.each(r -> new ObjectionRow(r.getLong("nomination_id"),
                        r.getString("objection_id"), r.getString("filed_by"), r.getOffsetDateTime("filed_at"),
                        r.getString("statement"), r.getString("ruling"), r.getString("ruled_by"),
                        r.getOffsetDateTime("ruled_at"), r.getString("ruling_why"))));
    }

    /**
     * Locks the title-year's quota row (creating it first if needed). Every naming of that title and year takes
     * this lock in its transaction, so concurrent namings run one after the other.
     */
    public Future<Void> lockQuotaYear(SqlClient client, String ladderId, String tierCode, int year) {
        return client.preparedQuery("insert into ladder_quota_year (ladder_id, tier_code, year) values ($1, $2, $3)"
                        + " on conflict do nothing")
                .execute(Tuple.of(ladderId, tierCode, year))
                .compose(v -> client.preparedQuery("select year from ladder_quota_year where ladder_id = $1"
                        + " and tier_code = $2 and year = $3 for update").execute(Tuple.of(ladderId, tierCode, year)))
                .mapEmpty();
    }

    public Future<List<ClaimRow>> claims(SqlClient client, String ladderId, String tierCode, int year) {
        return client.preparedQuery("select * from ladder_quota_claim where ladder_id = $1 and tier_code = $2"
                        + " and year = $3 order by claimed_at, person_id")
                .execute(Tuple.of(ladderId, tierCode, year))
                .map(Rows.each(r -> new ClaimRow(r.getString("ladder_id"), r.getString("tier_code"),
                        r.getInteger("year"), r.getLong("person_id"), r.getString("trade"), r.getLong("organization_id"),
                        r.getLong("nomination_id"))));
    }

    public Future<Void> insertClaim(SqlClient client, ClaimRow c) {
        return client.preparedQuery("insert into ladder_quota_claim (ladder_id, tier_code, year, person_id, trade,"
                        + " organization_id, nomination_id) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] {c.ladderId(), c.tierCode(), c.year(), c.personId(), c.trade(),
                        c.organizationId(), c.nominationId()}))
                .mapEmpty();
    }

    private static NominationRow nomination(Row r) {
        return new NominationRow(r.getLong("id"), r.getString("config_code"), r.getString("ladder_id"),
                r.getString("tier_code"), r.getInteger("year"), r.getLong("person_id"), r.getString("trade"),
                r.getLong("organization_id"), r.getString("rule_reference"), r.getString("route"),
                r.getString("step_policy"), new JsonObject(r.getString("explanation_text")), r.getString("state"),
                r.getOffsetDateTime("notice_opens_at"), r.getOffsetDateTime("notice_closes_at"));
    }
}
