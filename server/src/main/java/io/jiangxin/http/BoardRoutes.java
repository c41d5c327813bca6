package io.jiangxin.http;

import static io.jiangxin.http.Requests.address;
import static io.jiangxin.http.Requests.device;
import static io.jiangxin.http.Requests.idempotencyKey;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.strictJsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.requestHash;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.BoardControl;
import io.jiangxin.auth.Principal;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.BoardPolicy;
import io.jiangxin.judging.BoardSettings;
import io.jiangxin.judging.BoardView;
import io.jiangxin.push.BoardReads;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** The boards as plain JSON, for clients without WebSocket, and the organizer's freeze and reveal. */
final class BoardRoutes {

    private final BoardControl control;
    private final BoardReads reads;

    BoardRoutes(BoardControl control, BoardReads reads) {
        this.control = control;
        this.reads = reads;
    }

    void mount(Router api) {
        api.get("/events/:id/board").handler(ctx -> respond(ctx, 200, () -> {
            long eventId = pathId(ctx, "id");
            BoardView view = Requests.queryEnum(ctx, "view", BoardView.class);
            Integer since = Requests.queryInt(ctx, "since", 0, Integer.MAX_VALUE);
            Principal who = ctx.get(Authentication.PRINCIPAL);
            return reads.board(eventId, view == null ? BoardView.PUBLIC : view, since == null ? -1 : since, who);
        }, body -> body));
        api.get("/contests/:id/board").handler(ctx -> respond(ctx, 200,
                () -> reads.contest(pathId(ctx, "id")), body -> body));
        api.put("/events/:id/board/policy").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            JsonObject body = strictJsonBody(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("policy", "showTeamsBeforeNames"));
            BoardPolicy policy = in.requiredEnum("policy", BoardPolicy.class);
            // The whole setting is replaced: leaving the flag out hides team boards until names are public again.
            Object teams = body.getValue("showTeamsBeforeNames");
            if (body.containsKey("showTeamsBeforeNames") && !(teams instanceof Boolean)) {
                in.error("showTeamsBeforeNames", "须为 true 或 false / must be true or false");
            }
            in.check();
            return control.policy(who, pathId(ctx, "id"), new BoardSettings(policy, Boolean.TRUE.equals(teams)),
                    actor(ctx, who), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/board/freeze").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            return control.freeze(who, pathId(ctx, "id"), actor(ctx, who), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/board/reveal").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            return control.reveal(who, pathId(ctx, "id"), actor(ctx, who), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/board/unfreeze").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            return control.unfreeze(who, pathId(ctx, "id"), actor(ctx, who), idempotencyKey(ctx), requestHash(ctx));
        }));
    }

    private static Actor actor(RoutingContext ctx, Principal who) {
        return new Actor(who.accountId(), "ORGANIZER", device(ctx), address(ctx), RequestIds.of(ctx));
    }
}
