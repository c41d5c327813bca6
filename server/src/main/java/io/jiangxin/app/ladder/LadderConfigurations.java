package io.jiangxin.app.ladder;

import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.workflow.WorkflowSettings;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.ladder.LadderConfigStore.ConfigRow;
import io.jiangxin.storage.ladder.LadderConfigStore.LadderRow;
import io.jiangxin.storage.ladder.LadderStores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ladder configurations as data: importing a document as the next version (and pricing every fact under it at
 * once), and reading configurations and ladders.
 */
public record LadderConfigurations(LadderStores stores, Programmes programmes, LadderReconciliation reconciliation) {

    /** Imports a configuration document (YAML or JSON) as the next version of {@code code}. */
    public Future<JsonObject> importConfig(Principal who, String code, long organizationId, boolean publicRoster,
                                           String document) {
        LadderConfig config = Programmes.parse(document);
        return stores.pool().withTransaction(conn -> stores.people().organizationName(conn, organizationId)
                        .compose(name -> resolveOrganizations(conn, config))
                        .compose(organizations -> stores.configs().insertConfig(conn, code, organizationId,
                                        publicRoster, document, who == null ? null : who.accountId())
                                .compose(row -> {
                                    Future<Void> chain = Future.succeededFuture();
                                    for (Ladder ladder : config.ladders()) {
                                        chain = chain.compose(v -> stores.configs().upsertLadder(conn, ladder.ladderId(),
                                                code, organizations.get(ladder.ladderId()), ladder.scope().name()));
                                    }
                                    return chain.map(row);
                                })))
                .compose(row -> programmes.all(stores.pool()).compose(all -> {
                    Programme programme = all.stream().filter(p -> p.row().id() == row.id()).findFirst().orElseThrow();
                    return stores.people().peopleWithLadderFacts(stores.pool())
                            .compose(people -> reconciliation.reconcile(programme, people))
                            .map(posted -> configView(programme).put("posted", posted));
                }));
    }

    /** Each ladder's {@code organization} names a registry organization, by name or id. */
    private Future<Map<String, Long>> resolveOrganizations(SqlClient conn, LadderConfig config) {
        Map<String, Long> resolved = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < config.ladders().size(); i++) {
            Ladder ladder = config.ladders().get(i);
            String path = "ladders[" + i + "].organization";
            chain = chain.compose(v -> {
                if (ladder.organizationId() == null) {
                    errors.add(new FieldError(path, "必填 / required"));
                    return Future.succeededFuture();
                }
                return stores.people().organizationIdByName(conn, ladder.organizationId()).map(ids -> {
                    if (ids.isEmpty()) {
                        errors.add(new FieldError(path, "单位不存在：" + ladder.organizationId() + " / unknown organization "
                                + ladder.organizationId()));
                    } else {
                        resolved.put(ladder.ladderId(), ids.get(0));
                    }
                    return null;
                });
            });
        }
        return chain.map(v -> {
            if (!errors.isEmpty()) {
                throw new Problem(ErrorCode.UNKNOWN_REFERENCE, "配置引用了不存在的单位 / the configuration names unknown"
                        + " organizations", errors);
            }
            return resolved;
        });
    }

    /** Every configuration in force. */
    public Future<JsonObject> configsView() {
        return programmes.all(stores.pool()).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(p -> items.add(configView(p)));
            return new JsonObject().put("items", items);
        });
    }

    /** One version of a configuration (the one in force without {@code version}), its document and every version. */
    public Future<JsonObject> configView(String code, Integer version) {
        return stores.configs().config(stores.pool(), code, version).compose(row ->
                stores.configs().configVersions(stores.pool(), code).compose(versions ->
                        programmes.byCode(stores.pool(), code).map(current -> {
                            JsonArray all = new JsonArray();
                            versions.forEach(v -> all.add(new JsonObject().put("version", v.version())
                                    .put("importedAt", v.importedAt().toString())));
                            return configView(current).put("version", row.version())
                                    .put("inForce", row.version() == current.row().version())
                                    .put("document", row.document()).put("versions", all);
                        })));
    }

    private static JsonObject configView(Programme p) {
        JsonArray ladders = new JsonArray();
        p.ladders().values().forEach(l -> ladders.add(LadderViews.ladder(l, new LadderRow(l.ladderId(), p.code(),
                Long.parseLong(l.organizationId()), l.scope().name()), p.row().publicRoster())));
        JsonArray rules = new JsonArray();
        p.config().rules().forEach(r -> rules.add(LadderViews.rule(r)));
        ConfigRow row = p.row();
        return new JsonObject().put("code", p.code()).put("version", row.version())
                .put("organizationId", row.organizationId()).put("publicRoster", row.publicRoster())
                .put("importedAt", row.importedAt().toString()).put("ladders", ladders).put("rules", rules)
                .put("workflow", workflowView(p.workflow()));
    }

    private static JsonObject workflowView(WorkflowSettings w) {
        return new JsonObject().put("noticeDays", w.noticeDays()).put("siteVisit", w.siteVisit())
                .put("objectionReturnsTo", w.objectionReturnsTo().name());
    }

    public Future<JsonObject> ladderView(String ladderId) {
        return programmes.ofLadder(stores.pool(), ladderId).compose(p -> stores.configs().ladder(stores.pool(), ladderId)
                .map(row -> {
                    JsonObject view = LadderViews.ladder(p.ladder(ladderId), row, p.row().publicRoster());
                    JsonArray rules = new JsonArray();
                    p.config().rules().stream().filter(r -> r.ladderId().equals(ladderId))
                            .forEach(r -> rules.add(LadderViews.rule(r)));
                    return view.put("configVersion", p.row().version()).put("rules", rules)
                            .put("workflow", workflowView(p.workflow()));
                }));
    }

    public Future<JsonArray> laddersView() {
        Future<List<Programme>> all = programmes.all(stores.pool());
        Future<List<LadderRow>> rows = stores.configs().ladders(stores.pool());
        return Future.all(all, rows).map(v -> {
            JsonArray items = new JsonArray();
            for (LadderRow row : rows.result()) {
                all.result().stream()
                        .filter(p -> p.code().equals(row.configCode()) && p.ladders().containsKey(row.ladderId()))
                        .findFirst().ifPresent(p -> items.add(LadderViews.ladder(p.ladder(row.ladderId()), row,
                                p.row().publicRoster())));
            }
            return items;
        });
    }
}
