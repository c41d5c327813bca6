package io.jiangxin.http;

import io.jiangxin.app.EventSetup;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.strictJsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.io.SchemeFormatException;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SchemeValidator;
import io.jiangxin.registry.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;

/** Setting an event up for judging: its marking scheme, its panel and declared conflicts. */
final class EventSetupRoutes {

    private final EventSetup setup;

    EventSetupRoutes(EventSetup setup) {
        this.setup = setup;
    }

    void mount(Router api) {
        api.put("/events/:id/scheme").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            JsonObject body = strictJsonBody(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("scheme", "schemeYaml", "appealWindowMinutes"));
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
            return setup.setScheme(eventId, scheme, window)
                    .map(done -> new JsonObject().put("eventId", eventId).put("schemeId", scheme.id())
                            .put("aspects", scheme.aspects().size()));
        }, body -> body));
        api.get("/events/:id/scheme").handler(ctx -> respond(ctx, 200, () -> setup.withScheme(pathId(ctx, "id"))
                .map(facts -> {
                    return new JsonObject().put("eventId", facts.eventId())
                            .put("appealWindowMinutes", facts.appealWindowMinutes())
                            .put("scheme", new JsonObject(facts.schemeJson()));
                }), body -> body));

        api.put("/events/:id/panel/:accountId").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            long accountId = pathId(ctx, "accountId");
            JsonInput in = JsonInput.of(ctx, Set.of("role"));
            PanelRole role = in.requiredEnum("role", PanelRole.class);
            in.check();
            return setup.seat(eventId, accountId, role)
                    .map(done -> new JsonObject().put("eventId", eventId).put("accountId", accountId)
                            .put("role", role.name()).put("roleLabel", role.label()));
        }, body -> body));
        api.delete("/events/:id/panel/:accountId").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            long accountId = pathId(ctx, "accountId");
            return setup.unseat(eventId, accountId).map(removed -> new JsonObject().put("removed", true));
        }, body -> body));
        api.get("/events/:id/panel").handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.signedIn(ctx);
            long eventId = pathId(ctx, "id");
            return setup.panel(who, eventId).map(panel -> {
                JsonArray items = new JsonArray();
                panel.forEach(m -> items.add(new JsonObject().put("accountId", m.accountId())
                        .put("displayName", m.displayName()).put("role", m.role().name())
                        .put("roleLabel", m.role().label())));
                return new JsonObject().put("eventId", eventId).put("items", items);
            });
        }, body -> body));

        api.get("/sessions/current/events").handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.signedIn(ctx);
            return setup.seats(who.accountId()).map(seats -> {
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
            JsonInput in = JsonInput.of(ctx, Set.of("accountId", "entryCode", "reason"));
            Long accountId = in.requiredId("accountId");
            String entryCode = in.requiredText("entryCode");
            String reason = in.requiredText("reason");
            in.check();
            return setup.declareConflict(who, eventId, accountId, entryCode, reason)
                    .map(done -> new JsonObject().put("eventId", eventId).put("accountId", accountId)
                            .put("entryCode", entryCode).put("reason", reason));
        }, body -> body));
    }

    /** A scheme file as organizers write it (the YAML of docs/scoring.md), sent as text by the organizer console. */
    private static MarkingScheme parseYaml(String yaml) {
        return parsed(() -> SchemeFiles.readYaml(yaml), "schemeYaml.");
    }

    private static MarkingScheme parse(String json) {
        return parsed(() -> SchemeFiles.read(json), "scheme.");
    }

    /** Reading a scheme file, which may be malformed. */
    private interface SchemeSource {
        MarkingScheme read() throws SchemeFormatException;
    }

    /** The scheme read and checked, its format errors and then its rule errors named under {@code prefix}. */
    private static MarkingScheme parsed(SchemeSource source, String prefix) {
        MarkingScheme scheme;
        try {
            scheme = source.read();
        } catch (SchemeFormatException e) {
            throw new Problem(ErrorCode.INVALID_SCHEME, "评分标准格式错误 / the marking scheme is malformed",
                    e.errors().stream().map(err -> new FieldError(prefix + err.path(), err.message())).toList());
        }
        return validated(scheme, prefix);
    }

    private static MarkingScheme validated(MarkingScheme scheme, String prefix) {
        var errors = SchemeValidator.validate(scheme);
        if (!errors.isEmpty()) {
            throw new Problem(ErrorCode.INVALID_SCHEME, "评分标准无效 / the marking scheme is invalid",
                    errors.stream().map(err -> new FieldError("scheme." + err.path(), err.message())).toList());
        }
        // No silent settings: what the live fold cannot apply is refused, never stored and ignored.
        List<FieldError> refused = io.jiangxin.app.SchemeSettings.refused(scheme, prefix);
        if (!refused.isEmpty()) {
            throw new Problem(ErrorCode.SETTING_NOT_APPLIED, "评分标准含服务器尚不能执行的设置 / the marking scheme uses a"
                    + " setting the server cannot apply yet", refused);
        }
        return scheme;
    }
}
