package io.jiangxin.http;

import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.requestHash;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.Draws;
import io.jiangxin.auth.Principal;
import io.jiangxin.registry.DrawKind;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** 抽签: the organizer draws entry codes and stations; anyone reads the seeds and checks a draw. */
final class DrawRoutes {

    static final int MAX_STATIONS = 2_000;
    static final int MAX_PREFIX = 10;

    private final Draws draws;

    DrawRoutes(Draws draws) {
        this.draws = draws;
    }

    void mount(Router api) {
        api.post("/events/:id/draws").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            Draws.Request request = request(ctx);
            return draws.draw(who, eventId, request, optionalKey(ctx), requestHash(ctx));
        }));
        api.get("/events/:id/draws").handler(ctx -> respond(ctx, 200,
                () -> draws.list(ctx.get(Authentication.PRINCIPAL), pathId(ctx, "id")), body -> body));
        api.get("/events/:id/draws/:drawId").handler(ctx -> respond(ctx, 200,
                () -> draws.get(ctx.get(Authentication.PRINCIPAL), pathId(ctx, "id"), pathId(ctx, "drawId")),
                body -> body));
        api.get("/events/:id/draws/:drawId/verification").handler(ctx -> respond(ctx, 200,
                () -> draws.verify(pathId(ctx, "id"), pathId(ctx, "drawId")), body -> body));
    }

    /** The key is optional: a draw is done once per kind anyway, and a retry without one answers 409. */
    private static String optionalKey(RoutingContext ctx) {
        return ctx.request().getHeader("Idempotency-Key") == null ? null : Requests.idempotencyKey(ctx);
    }

    private static Draws.Request request(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx, Set.of("kind", "seed", "prefix", "stations"));
        DrawKind kind = in.requiredEnum("kind", DrawKind.class);
        String seed = in.optionalText("seed");
        String prefix = in.optionalText("prefix", MAX_PREFIX);
        List<String> stations = in.optionalTexts("stations", MAX_STATIONS);
        if (kind == DrawKind.STATIONS) {
            if (prefix != null) {
                in.error("prefix", "只用于参赛号抽签 / only for an ENTRY_CODES draw");
            }
            if (stations.isEmpty() && !ctx.body().asJsonObject().containsKey("stations")) {
                in.error("stations", "工位号抽签须列出工位 / a STATIONS draw lists the stations");
            } else if (stations.isEmpty()) {
                in.error("stations", "不能为空 / must not be empty");
            }
            if (new HashSet<>(stations).size() != stations.size()) {
                in.error("stations", "工位重复 / a station is listed twice");
            }
        } else if (kind == DrawKind.ENTRY_CODES && ctx.body().asJsonObject().containsKey("stations")) {
            in.error("stations", "只用于工位号抽签 / only for a STATIONS draw");
        }
        in.check();
        return new Draws.Request(kind, seed, prefix, kind == DrawKind.STATIONS ? stations : List.of());
    }
}
