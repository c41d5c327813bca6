package io.jiangxin.http;

import io.jiangxin.app.Accounts;
import io.jiangxin.auth.IssuedAccount;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.Sessions;
import io.jiangxin.cluster.SignInThrottle;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Sign-in with a code, sessions, and the accounts organizers issue: judges, arbiters, workers and other organizers. */
final class AuthRoutes {

    private final Accounts accounts;
    private final Sessions sessions;
    private final SignInThrottle throttle;

    AuthRoutes(Accounts accounts, Sessions sessions, SignInThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    void mount(Router api) {
        api.post("/sessions").handler(this::signIn);
        api.get("/sessions/current").handler(ctx -> respond(ctx, 200,
                () -> Future.succeededFuture(Authentication.signedIn(ctx)), AuthRoutes::account));
        api.delete("/sessions/current").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.signedIn(ctx);
            return sessions.revoke(ctx.get(Authentication.TOKEN));
        }, done -> new JsonObject().put("signedOut", true)));
        api.delete("/accounts/:id/sessions").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            long id = pathId(ctx, "id");
            return accounts.signOutEverywhere(id);
        }, count -> new JsonObject().put("revoked", count)));
        // The QR token: an organizer opens a session for a judge and prints its token as a QR code for the tablet.
        api.post("/accounts/:id/sessions").handler(ctx -> respond(ctx, 201, () -> {
            Authentication.organizer(ctx);
            long id = pathId(ctx, "id");
            return accounts.openForTablet(id, Requests.address(ctx));
        }, opened -> new JsonObject().put("token", opened.token()).put("expiresAt", opened.expiresAt().toString())
                .put("account", account(opened.principal()))));
        api.post("/accounts/:id/sign-in-code").handler(ctx -> respond(ctx, 201, () -> {
            Authentication.organizer(ctx);
            long id = pathId(ctx, "id");
            return accounts.reissueCode(id);
        }, AuthRoutes::issued));

        // A worker's own sign-in code (选手登录码): issued by an organizer, shown once; issuing again replaces it and
        // signs the worker out everywhere.
        api.post("/people/:id/account").handler(ctx -> respond(ctx, 201, () -> {
            Authentication.organizer(ctx);
            long personId = pathId(ctx, "id");
            return accounts.issueWorkerCode(personId);
        }, code -> issued(code.worker().issued()).put("reissued", code.worker().reissued())
                .put("revokedSessions", code.revokedSessions())));

        api.post("/organizers").handler(ctx -> respond(ctx, 201, () -> {
            Authentication.organizer(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("displayName"));
            String name = in.requiredText("displayName");
            in.check();
            return accounts.createOrganizer(name);
        }, AuthRoutes::issued));
        api.post("/contests/:id/judges").handler(ctx -> createInContest(ctx, AccountKind.JUDGE));
        api.post("/contests/:id/arbiters").handler(ctx -> createInContest(ctx, AccountKind.ARBITER));
        api.get("/contests/:id/judges").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            return accounts.judgesOf(pathId(ctx, "id"));
        }, list -> {
            JsonArray items = new JsonArray();
            list.forEach(account -> items.add(account(account)));
            return new JsonObject().put("items", items);
        }));
    }

    private void createInContest(RoutingContext ctx, AccountKind kind) {
        respond(ctx, 201, () -> {
            Authentication.organizer(ctx);
            long contestId = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("displayName", "personId"));
            String name = in.optionalText("displayName");
            Long personId = in.optionalId("personId");
            in.check();
            if (name == null && personId == null) {
                throw Problem.invalid(java.util.List.of(new io.jiangxin.registry.FieldError("displayName",
                        "须填写 displayName 或 personId / give displayName or personId")));
            }
            return accounts.createInContest(kind, contestId, name, personId);
        }, AuthRoutes::issued);
    }

    private void signIn(RoutingContext ctx) {
        respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("code", "device"));
            String code = in.requiredText("code");
            String device = in.optionalText("device");
            in.check();
            String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
            return throttle.attempt(code, address).compose(allowed -> {
                if (!allowed) {
                    ctx.response().putHeader("Retry-After", String.valueOf(throttle.secondsToNextWindow()));
                    throw new Problem(ErrorCode.TOO_MANY_ATTEMPTS,
                            "登录尝试过于频繁，请稍后再试 / too many sign-in attempts; try again shortly");
                }
                return accounts.byCode(code);
            }).compose(principal -> {
                if (principal == null) {
                    throw new Problem(ErrorCode.BAD_CODE, "登录码无效 / unknown sign-in code");
                }
                return sessions.open(principal, device, address);
            });
        }, opened -> new JsonObject().put("token", opened.token()).put("expiresAt", opened.expiresAt().toString())
                .put("account", account(opened.principal())));
    }

    static JsonObject account(Principal p) {
        return new JsonObject().put("id", p.accountId()).put("kind", p.kind().name())
                .put("displayName", p.displayName()).put("contestId", p.contestId()).put("personId", p.personId())
                .put("organizationId", p.organizationId());
    }

    private static JsonObject issued(IssuedAccount issued) {
        return new JsonObject().put("account", account(issued.account())).put("signInCode", issued.signInCode())
                .put("note", "登录码只显示这一次 / the sign-in code is shown only this once");
    }
}
