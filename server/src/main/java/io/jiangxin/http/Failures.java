package io.jiangxin.http;

import io.jiangxin.problem.Problem;
import io.vertx.ext.web.RoutingContext;

/** The router's last resort: turns failures that no handler answered into the uniform error body. */
final class Failures {

    private Failures() {
    }

    static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure != null && !(failure instanceof io.vertx.ext.web.handler.HttpException)) {
            Responses.error(ctx, failure);
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (failure instanceof io.vertx.ext.web.handler.HttpException http) {
            status = http.getStatusCode();
        }
        Responses.error(ctx, switch (status) {
            case 413 -> new Problem(413, "BODY_TOO_LARGE", "请求体过大 / the body is too large (limit "
                    + (ImportRoutes.isImport(ctx.request().path()) ? ImportRoutes.BODY_LIMIT_BYTES / (1024 * 1024) + " MiB)"
                    : Routes.BODY_LIMIT_BYTES / 1024 + " KiB)"), null);
            case 404 -> new Problem(404, "NOT_FOUND", "资源不存在 / no such resource", null);
            case 405 -> new Problem(405, "METHOD_NOT_ALLOWED", "不支持该方法 / method not allowed", null);
            case 400 -> Problem.badRequest("BAD_REQUEST", "请求无效 / bad request");
            default -> status < 500 ? new Problem(status, "REQUEST_REJECTED", "请求被拒绝 / request rejected", null)
                    : failure == null ? new IllegalStateException("status " + status) : failure;
        });
    }
}
