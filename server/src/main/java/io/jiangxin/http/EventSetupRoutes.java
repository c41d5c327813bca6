package io.jiangxin.http;

import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.io.SchemeFormatException;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SchemeValidator;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;

/** Setting an event up for judging: its marking scheme, its panel and declared conflicts. */
final class EventSetupRoutes {

    static final int DEFAULT_APPEAL_WINDOW_MINUTES = 120;

    private final Stores stores;
    private final JudgingStore judging;
    private final AccountStore accounts;
    private final LiveEvents live;

    EventSetupRoutes(Stores stores, JudgingStore judging, AccountStore accounts, LiveEvents live) {
        this.stores = stores;
        this.judging = judging;
        this.accounts = accounts;
        this.live = live;
    }

    void mount(Router api) {
        api.put("/events/:id/scheme").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            JsonObject body = jsonBody(ctx);
            JsonInput in = new JsonInput(body, Set.of("scheme", "schemeYaml", "appealWindowMinutes"));
            Object raw = body.getValue("scheme");
            Object yaml = body.getValue("schemeYaml");
            Integer window = in.optionalInt("appealWindowMinutes", 0, 10080);
            if (raw != null && yaml != null) {
                in.error("schemeYaml", "scheme 与 schemeYaml 只能给一个 / give scheme or schemeYaml, not both");
            } else if (yaml != null) {
                if (!(yaml instanceof String text) || text.isBlank()) {
                    in.error("schemeYaml", "须为 YAML 格式的评分标准文本 / must be the marking scheme as YAML text");
                }
            } else if (!(raw instanceof JsonObject)) {
                in.error("scheme", "须为评分标准对象 / must be a marking scheme object");
            }
            in.check();
            MarkingScheme scheme = yaml != null ? parseYaml((String) yaml) : parse(((JsonObject) raw).encode());
            return judging.setScheme(eventId, SchemeFiles.write(scheme),
                            window == null ? DEFAULT_APPEAL_WINDOW_MINUTES : window)
                    .compose(done -> live.evict(eventId))
                    .map(done -> new JsonObject().put("eventId", eventId).put("schemeId", scheme.id())
                            .put("aspects", scheme.aspects().size()));
        }, body -> body));
        api.get("/events/:id/scheme").handler(ctx -> respond(ctx, 200, () -> judging.facts(pathId(ctx, "id"))
                .map(facts -> {
                    if (facts.schemeJson() == null) {
                        throw new Problem(404, "NO_SCHEME", "该赛项尚未设置评分标准 / the event has no marking scheme yet",
                                null);
                    }
                    return new JsonObject().put("eventId", facts.eventId())
                            .put("appealWindowMinutes", facts.appealWindowMinutes())
                            .put("scheme", new JsonObject(facts.schemeJson()));
                }), body -> body));

        api.put("/events/:id/panel/:accountId").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            long accountId = pathId(ctx, "accountId");
            JsonInput in = new JsonInput(jsonBody(ctx), Set.of("role"));
            PanelRole role = in.requiredEnum("role", PanelRole.class);
            in.check();
            return Future.all(stores.events().get(eventId), accounts.get(accountId)).compose(found -> {
                io.jiangxin.registry.Event event = found.resultAt(0);
                Principal account = found.resultAt(1);
                if (!account.is(AccountKind.JUDGE) || !account.contestId().equals(event.contestId())) {
                    throw Problem.invalid(List.of(new FieldError("accountId",
                            "只能指派本竞赛的裁判账号 / only a judge account of this event's contest can sit on its panel")));
                }
                return judging.setPanelMember(eventId, accountId, role)
                        .map(done -> new JsonObject().put("eventId", eventId).put("accountId", accountId)
                                .put("role", role.name()).put("roleLabel", role.label()));
            });
        }, body -> body));
        api.delete("/events/:id/panel/:accountId").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            long accountId = pathId(ctx, "accountId");
            return judging.removePanelMember(eventId, accountId).map(removed -> {
                if (!removed) {
                    throw new Problem(404, "NOT_FOUND", "该账号不在裁判组中 / the account is not on the panel", null);
                }
                return new JsonObject().put("removed", true);
            });
        }, body -> body));
        api.get("/events/:id/panel").handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.signedIn(ctx);
            long eventId = pathId(ctx, "id");
            return stores.events().get(eventId).compose(event -> judging.panel(judging.pool(), eventId)).map(panel -> {
                boolean member = panel.stream().anyMatch(m -> m.accountId() == who.accountId());
                if (!who.is(AccountKind.ORGANIZER) && !member) {
                    throw new Problem(403, "NOT_ON_PANEL", "您不在该赛项的裁判组中 / you are not on this event's panel", null);
                }
                JsonArray items = new JsonArray();
                panel.forEach(m -> items.add(new JsonObject().put("accountId", m.accountId())
                        .put("displayName", m.displayName()).put("role", m.role().name())
                        .put("roleLabel", m.role().label())));
                return new JsonObject().put("eventId", eventId).put("items", items);
            });
        }, body -> body));

        api.get("/sessions/current/events").handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.signedIn(ctx);
            return judging.seats(who.accountId()).map(seats -> {
                JsonArray items = new JsonArray();
                seats.forEach(seat -> items.add(new JsonObject().put("id", seat.eventId())
                        .put("contestId", seat.contestId()).put("name", seat.eventName()).put("trade", seat.trade())
                        .put("role", seat.role().name()).put("roleLabel", seat.role().label())));
                return new JsonObject().put("items", items);
            });
        }, body -> body));
        api.post("/events/:id/conflicts").handler(ctx -> respond(ctx, 201, () -> {
            Principal who = Authentication.require(ctx, AccountKind.ORGANIZER, AccountKind.JUDGE);
            long eventId = pathId(ctx, "id");
            JsonInput in = new JsonInput(jsonBody(ctx), Set.of("accountId", "entryCode", "reason"));
            Long accountId = in.requiredId("accountId");
            String entryCode = in.requiredText("entryCode");
            String reason = in.requiredText("reason");
            in.check();
            return judging.panel(judging.pool(), eventId).compose(panel -> {
                boolean headJudge = panel.stream().anyMatch(m -> m.accountId() == who.accountId()
                        && m.role() == PanelRole.HEAD_JUDGE);
                if (!who.is(AccountKind.ORGANIZER) && !headJudge) {
                    throw new Problem(403, "NOT_HEAD_JUDGE", "只有组委会或裁判长可以登记回避 / only an organizer or the"
                            + " head judge may declare a conflict", null);
                }
                if (panel.stream().noneMatch(m -> m.accountId() == accountId)) {
                    throw Problem.unknownReference("accountId", "该账号不在裁判组中 / the account is not on the panel");
                }
                return judging.entry(judging.pool(), eventId, entryCode);
            }).compose(entry -> judging.declareConflict(accountId, entry.registrationId(), reason, who.accountId()))
                    .map(done -> new JsonObject().put("eventId", eventId).put("accountId", accountId)
                            .put("entryCode", entryCode).put("reason", reason));
        }, body -> body));
    }

    /** A scheme file as organizers write it (the YAML of docs/scoring.md), sent as text by the organizer console. */
    private static MarkingScheme parseYaml(String yaml) {
        MarkingScheme scheme;
        try {
            scheme = SchemeFiles.readYaml(yaml);
        } catch (SchemeFormatException e) {
            throw new Problem(400, "INVALID_SCHEME", "评分标准格式错误 / the marking scheme is malformed",
                    e.errors().stream().map(err -> new FieldError("schemeYaml." + err.path(), err.message())).toList());
        }
        return validated(scheme, "schemeYaml.");
    }

    private static MarkingScheme parse(String json) {
        MarkingScheme scheme;
        try {
            scheme = SchemeFiles.read(json);
        } catch (SchemeFormatException e) {
            throw new Problem(400, "INVALID_SCHEME", "评分标准格式错误 / the marking scheme is malformed",
                    e.errors().stream().map(err -> new FieldError("scheme." + err.path(), err.message())).toList());
        }
        return validated(scheme, "scheme.");
    }

    private static MarkingScheme validated(MarkingScheme scheme, String prefix) {
        var errors = SchemeValidator.validate(scheme);
        if (!errors.isEmpty()) {
            throw new Problem(400, "INVALID_SCHEME", "评分标准无效 / the marking scheme is invalid",
                    errors.stream().map(err -> new FieldError("scheme." + err.path(), err.message())).toList());
        }
        // No silent settings: what the live fold cannot apply is refused, never stored and ignored.
        List<FieldError> refused = io.jiangxin.app.SchemeSettings.refused(scheme, prefix);
        if (!refused.isEmpty()) {
            throw new Problem(400, "SETTING_NOT_APPLIED", "评分标准含服务器尚不能执行的设置 / the marking scheme uses a"
                    + " setting the server cannot apply yet", refused);
        }
        return scheme;
    }
}
