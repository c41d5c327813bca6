package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.storage.Constraints;
import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;

/** Ladder configurations by code and version, and the ladder ids each configuration claims. */
public final class LadderConfigStore {

    public record ConfigRow(long id, String code, int version, long organizationId, boolean publicRoster,
                            String document, Instant importedAt) {
    }

    public record LadderRow(String ladderId, String configCode, long organizationId, String scope) {
    }

    public Future<ConfigRow> insertConfig(SqlClient client, String code, long organizationId, boolean publicRoster,
                                          String document, Long importedBy) {
        return client.preparedQuery("insert into ladder_config (code, version, organization_id, public_roster, document,"
                        + " imported_by) select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 from ladder_config"
                        + " where code = $1 returning *")
                .execute(Tuple.of(code, organizationId, publicRoster, document, importedBy))
                .map(rows -> config(rows.iterator().next()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    /** The version in force of every configuration code. */
    public Future<List<ConfigRow>> currentConfigs(SqlClient client) {
        return client.query("select distinct on (code) * from ladder_config order by code, version desc").execute()
                .map(Rows.each(LadderConfigStore::config));
    }

    public Future<ConfigRow> config(SqlClient client, String code, Integer version) {
        return client.preparedQuery("select * from ladder_config where code = $1 and ($2::int is null or version = $2)"
                        + " order by version desc limit 1")
                .execute(Tuple.of(code, version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("梯队配置 / ladder configuration", code + (version == null ? "" : " v" + version));
                    }
                    return config(rows.iterator().next());
                });
    }

    public Future<List<ConfigRow>> configVersions(SqlClient client, String code) {
        return select(client, "select * from ladder_config where code = $1 order by version",
                Tuple.of(code), LadderConfigStore::config);
    }

    public Future<List<LadderRow>> ladders(SqlClient client) {
        return client.query("select * from ladder order by ladder_id").execute()
                .map(Rows.each(LadderConfigStore::ladder));
    }

    public Future<LadderRow> ladder(SqlClient client, String ladderId) {
        return client.preparedQuery("select * from ladder where ladder_id = $1").execute(Tuple.of(ladderId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("梯队 / ladder", ladderId);
                    }
                    return ladder(rows.iterator().next());
                });
    }

    /** Claims or keeps a ladder id for a configuration code; another code's ladder id is a 409. */
    public Future<Void> upsertLadder(SqlClient client, String ladderId, String configCode, long organizationId,
                                     String scope) {
        return client.preparedQuery("insert into ladder (ladder_id, config_code, organization_id, scope)"
                        + " values ($1, $2, $3, $4) on conflict (ladder_id) do update set organization_id = $3, scope = $4"
                        + " where ladder.config_code = $2 returning ladder_id")
                .execute(Tuple.of(ladderId, configCode, organizationId, scope))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new Problem(ErrorCode.LADDER_ID_TAKEN, "梯队编号 " + ladderId + " 已属于其他配置 / the ladder id "
                                + ladderId + " belongs to another configuration");
                    }
                    return null;
                });
    }

    private static ConfigRow config(Row row) {
        return new ConfigRow(row.getLong("id"), row.getString("code"), row.getInteger("version"),
                row.getLong("organization_id"), row.getBoolean("public_roster"), row.getString("document"),
                row.getOffsetDateTime("imported_at").toInstant());
    }

    private static LadderRow ladder(Row row) {
        return new LadderRow(row.getString("ladder_id"), row.getString("config_code"), row.getLong("organization_id"),
                row.getString("scope"));
    }
}
