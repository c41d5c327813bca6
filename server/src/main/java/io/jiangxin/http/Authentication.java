package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
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
            Responses.error(ctx, new Problem(ErrorCode.INVALID_TOKEN, "令牌格式错误 / malformed bearer token"));
            return;
        }
        String token = header.substring(7).strip();
        sessions.resolve(token).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, done.cause());
            } else if (done.result() == null) {
                Responses.error(ctx, new Problem(ErrorCode.INVALID_TOKEN,
                        "令牌无效、已过期或已注销，请重新登录 / the token is unknown, expired or revoked; sign in again"));
            } else if (done.result().is(AccountKind.COMPETITOR) && !workerMay(ctx)) {
                Responses.error(ctx, workerRefused());
            } else if ((done.result().is(AccountKind.ENTERPRISE) || done.result().is(AccountKind.UNION_STAFF))
                    && !serviceAccountMay(ctx)) {
                Responses.error(ctx, new Problem(ErrorCode.ROLE_NOT_ALLOWED, "企业和工会账号只能使用助企服务平台 / enterprise"
                        + " and union staff accounts may only use the service platform"));
            } else {
                ctx.put(PRINCIPAL, done.result());
                ctx.put(TOKEN, token);
                ctx.next();
            }
        });
    }

    /**
     * What a worker's (competitor's) token may be used for: their session and their own ladder page. Every other
     * route was written for organizers, judges and arbiters, so a worker's token is refused there rather than
     * trusted to each route's checks.
     */
    static boolean workerMay(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // An entrant's own innovation entry (创新成果); io.jiangxin.app.Entries checks that it is theirs.
        if (WORKER_ENTRY.matcher(path).matches()) {
            return switch (ctx.request().method().name()) {
                case "GET", "PUT", "POST", "DELETE" -> true;
                default -> false;
            };
        }
        return switch (ctx.request().method().name()) {
            case "GET" -> path.equals("/api/sessions/current") || path.equals("/api/ladder/me")
                    || path.equals("/api/entries/mine") || WORKER_PAGE.matcher(path).matches()
                    || WORKER_ORDERS.matcher(path).matches() || WORKER_FILE.matcher(path).matches();
            case "DELETE" -> path.equals("/api/sessions/current");
            case "POST" -> path.equals("/api/sessions") || WORKER_ORDER_ACTION.matcher(path).matches();
            default -> false;
        };
    }

    /** A craftsman (a worker on a platform's resource list) reads and works their own orders (我的工单). */
    private static final java.util.regex.Pattern WORKER_ORDERS =
            java.util.regex.Pattern.compile("/api/service/orders(/[0-9]+)?");
    private static final java.util.regex.Pattern WORKER_ORDER_ACTION = java.util.regex.Pattern.compile(
            "/api/service/orders/[0-9]+/(accept|decline|schedule|record|files)");
    /** An order's photos and the need's files; io.jiangxin.app.ServiceFiles checks the order is theirs. */
    private static final java.util.regex.Pattern WORKER_FILE = java.util.regex.Pattern.compile(
            "/api/service/files/[0-9]+");

    /**
     * Enterprise contacts and union staff use the service platform and their session; every other route was written
     * for the contest roles, so their tokens are refused there rather than trusted to each route's checks.
     */
    static boolean serviceAccountMay(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.startsWith("/api/service/") || path.equals("/api/sessions/current")
                || (path.equals("/api/sessions") && ctx.request().method().name().equals("POST"));
    }

    private static final java.util.regex.Pattern WORKER_ENTRY =
            java.util.regex.Pattern.compile("/api/registrations/[0-9]+/entry(/attachments(/[0-9]+)?)?");

    private static final java.util.regex.Pattern WORKER_PAGE = java.util.regex.Pattern.compile("/api/ladder/people/[^/]+");

    static Problem workerRefused() {
        return new Problem(ErrorCode.ROLE_NOT_ALLOWED, "选手账号只能查看本人的成长档案 / a worker account may only read"
                + " its own ladder page");
    }

    /**
     * A person's ladder page is for organizers and for the worker themself; 401 for the public, 403 for anyone else
     * (judges, arbiters, other workers).
     */
    static Principal organizerOrSelf(RoutingContext ctx, long personId) {
        Principal principal = require(ctx, AccountKind.ORGANIZER, AccountKind.COMPETITOR);
        if (principal.is(AccountKind.COMPETITOR) && (principal.personId() == null || principal.personId() != personId)) {
            throw new Problem(ErrorCode.NOT_YOUR_PAGE, "只能查看本人的成长档案 / you may only read your own ladder page");
        }
        return principal;
    }

    /** The signed-in account; 401 when the request is public. */
    static Principal signedIn(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw new Problem(ErrorCode.SIGN_IN_REQUIRED, "请先登录 / sign in first");
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
        throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "当前角色无权执行此操作 / your role may not do this");
    }

    static Principal organizer(RoutingContext ctx) {
        return require(ctx, AccountKind.ORGANIZER);
    }
}
