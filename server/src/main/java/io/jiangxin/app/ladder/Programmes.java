package io.jiangxin.app.ladder;

import io.jiangxin.ladder.io.ConfigFormatException;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.io.LadderConfigReader;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.ladder.LadderConfigStore;
import io.jiangxin.storage.ladder.LadderConfigStore.ConfigRow;
import io.jiangxin.storage.ladder.LadderConfigStore.LadderRow;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The configurations in force, each parsed once per version, with their ladders; the read every ladder job starts from. */
public final class Programmes {

    private final LadderConfigStore store;
    private final Map<Long, LadderConfig> parsed = new ConcurrentHashMap<>();

    public Programmes(LadderConfigStore store) {
        this.store = store;
    }

    /** A configuration document (YAML or JSON), or a 400 naming what is wrong with it. */
    static LadderConfig parse(String document) {
        try {
            return LadderConfigReader.readYaml(document);
        } catch (ConfigFormatException e) {
            throw new Problem(ErrorCode.INVALID_CONFIG, "梯队配置有误 / the ladder configuration is invalid",
                    e.errors().stream().map(err -> new FieldError(err.path(), err.message())).toList());
        } catch (RuntimeException e) {
            throw new Problem(ErrorCode.INVALID_CONFIG, "梯队配置有误 / the ladder configuration is invalid: "
                    + e.getMessage());
        }
    }

    public Future<List<Programme>> all(SqlClient client) {
        Future<List<ConfigRow>> configs = store.currentConfigs(client);
        Future<List<LadderRow>> ladders = store.ladders(client);
        return Future.all(configs, ladders).map(v -> configs.result().stream()
                .map(row -> programme(row, ladders.result())).toList());
    }

    private Programme programme(ConfigRow row, List<LadderRow> ladderRows) {
        LadderConfig config = parsed.computeIfAbsent(row.id(), id -> parse(row.document()));
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        for (Ladder ladder : config.ladders()) {
            Long organization = ladderRows.stream().filter(l -> l.ladderId().equals(ladder.ladderId()))
                    .map(LadderRow::organizationId).findFirst().orElse(null);
            ladders.put(ladder.ladderId(), new Ladder(ladder.ladderId(),
                    organization == null ? null : String.valueOf(organization), ladder.name(), ladder.scope(),
                    ladder.tiers()));
        }
        return new Programme(row, config, ladders);
    }

    public Future<Programme> ofLadder(SqlClient client, String ladderId) {
        return store.ladder(client, ladderId).compose(row -> all(client).map(all -> all.stream()
                .filter(p -> p.code().equals(row.configCode()) && p.ladders().containsKey(ladderId)).findFirst()
                .orElseThrow(() -> Problem.notFound("梯队 / ladder", ladderId))));
    }

    public Future<Programme> byCode(SqlClient client, String code) {
        return all(client).map(all -> all.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> Problem.notFound("梯队配置 / ladder configuration", code)));
    }
}
