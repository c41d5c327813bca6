package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.ids;
import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Each configuration's append-only points ledger, keyed by deterministic source keys. */
public final class LedgerStore {

    /** One entry of a configuration's ledger. */
    public record ConfigEntry(String configCode, LedgerEntry entry) {
    }

    private static final String LEDGER_COLUMNS = "config_code, source_key, person_id, category, points, effective_on,"
            + " recorded_on, evidence::text as evidence, reverses, note_zh, note_en";

    /** Orders every posting into one configuration's ledger, across nodes, until the caller's transaction ends. */
    public Future<Void> lock(SqlClient client, String configCode) {
        return LadderSql.advisoryLock(client, "ladder-ledger/" + configCode);
    }

    public Future<List<LedgerEntry>> ledger(SqlClient client, String configCode, Collection<Long> personIds) {
        return select(client, "select " + LEDGER_COLUMNS + " from ladder_ledger where config_code = $1"
                        + " and person_id = any($2::bigint[]) order by id",
                Tuple.of(configCode, ids(personIds)), LedgerStore::ledgerEntry);
    }

    /** The entry with this key in a configuration's ledger, if any. */
    public Future<LedgerEntry> ledgerEntry(SqlClient client, String configCode, String sourceKey) {
        return client.preparedQuery("select " + LEDGER_COLUMNS + " from ladder_ledger where config_code = $1"
                        + " and source_key = $2").execute(Tuple.of(configCode, sourceKey))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("积分分录 / ledger entry", sourceKey);
                    }
                    return ledgerEntry(rows.iterator().next());
                });
    }

    /** Every entry of one person, in every configuration, for the worker's page. */
    public Future<List<ConfigEntry>> ledgerOfPerson(SqlClient client, long personId) {
        return select(client, "select " + LEDGER_COLUMNS + " from ladder_ledger where person_id = $1"
                        + " order by config_code, id",
                Tuple.of(personId), row -> new ConfigEntry(row.getString("config_code"), ledgerEntry(row)));
    }

    /** Appends entries; a key the ledger already has is skipped, so posting again adds nothing. */
    public Future<Integer> append(SqlClient client, String configCode, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture(0);
        }
        List<Tuple> batch = new ArrayList<>();
        for (LedgerEntry e : entries) {
            batch.add(Tuple.from(new Object[] {configCode, e.sourceKey(), Long.parseLong(e.personId()), e.category(),
                    e.points(), e.effectiveOn(), e.recordedOn(), EvidenceJson.write(e.evidence()), e.reverses(),
                    e.note() == null ? "" : e.note().zh(), e.note() == null ? "" : e.note().en()}));
        }
        return client.preparedQuery("insert into ladder_ledger (config_code, source_key, person_id, category, points,"
                        + " effective_on, recorded_on, evidence, reverses, note_zh, note_en) values ($1, $2, $3, $4, $5,"
                        + " $6, $7, $8::jsonb, $9, $10, $11) on conflict do nothing")
                .executeBatch(batch)
                .map(rows -> {
                    int added = 0;
                    for (RowSet<Row> r = rows; r != null; r = r.next()) {
                        added += r.rowCount();
                    }
                    return added;
                });
    }

    private static LedgerEntry ledgerEntry(Row row) {
        return new LedgerEntry(row.getString("source_key"), String.valueOf(row.getLong("person_id")),
                row.getString("category"), row.getBigDecimal("points"), row.getLocalDate("effective_on"),
                row.getLocalDate("recorded_on"), EvidenceJson.read(new JsonObject(row.getString("evidence"))),
                row.getString("reverses"), BilingualText.of(row.getString("note_zh"), row.getString("note_en")));
    }
}
