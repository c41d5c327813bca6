package io.jiangxin.http;

import io.jiangxin.app.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.Sessions;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves the bearer token, if any, to the signed-in account. A request without a token is public; one with a
 * token that is unknown, expired or revoked is refused, so a client never silently acts as the public.
 */
final class Authentication {

    static final String PRINCIPAL = "jiangxin.principal";
    static final String TOKEN = "jiangxin.token";

    private final Sessions sessions;

    Authentication(Sessions sessions) {
        this.sessions = sessions;
    }

    void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null) {
            ctx.next();
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            Responses.error(ctx, unauthorized("INVALID_TOKEN", "令牌格式错误 / malformed bearer token"));
            return;
        }
        String token = header.substring(7).strip();
        sessions.resolve(token).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, done.cause());
            } else if (done.result() == null) {
                Responses.error(ctx, unauthorized("INVALID_TOKEN",
                        "令牌无效、已过期或已注销，请重新登录 / the token is unknown, expired or revoked; sign in again"));
            } else {
                ctx.put(PRINCIPAL, done.result());
                ctx.put(TOKEN, token);
                ctx.next();
            }
        });
    }

    static Problem unauthorized(String code, String message) {
        return new Problem(401, code, message, null);
    }

    /** The signed-in account; 401 when the request is public. */
    static Principal signedIn(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw unauthorized("SIGN_IN_REQUIRED", "请先登录 / sign in first");
        }
        return principal;
    }

    /** The signed-in account if it is of one of the kinds; 401 or 403 otherwise. */
    static Principal require(RoutingContext ctx, AccountKind... kinds) {
        Principal principal = signedIn(ctx);
        for (AccountKind kind : kinds) {
            if (principal.is(kind)) {
                return principal;
            }
        }
        throw new Problem(403, "ROLE_NOT_ALLOWED", "当前角色无权执行此操作 / your role may not do this", null);
    }

    static Principal organizer(RoutingContext ctx) {
        return require(ctx, AccountKind.ORGANIZER);
    }
}
