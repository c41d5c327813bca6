package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.ErrorCode;
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
        if (status < 500 && status != 400 && status != 404 && status != 405 && status != 413) {
            // Another 4xx a Vert.x handler chose: its status stays, under the general code.
            Responses.json(ctx, status, Responses.body(ErrorCode.REQUEST_REJECTED.name(),
                    "请求被拒绝 / request rejected", null));
            return;
        }
        Responses.error(ctx, switch (status) {
            case 413 -> new Problem(ErrorCode.BODY_TOO_LARGE, "请求体过大 / the body is too large (limit "
                    + (ImportRoutes.isImport(ctx.request().path()) ? ImportRoutes.BODY_LIMIT_BYTES / (1024 * 1024) + " MiB)"
                    : Routes.BODY_LIMIT_BYTES / 1024 + " KiB)"));
            case 404 -> new Problem(ErrorCode.NOT_FOUND, "资源不存在 / no such resource");
            case 405 -> new Problem(ErrorCode.METHOD_NOT_ALLOWED, "不支持该方法 / method not allowed");
            case 400 -> new Problem(ErrorCode.BAD_REQUEST, "请求无效 / bad request");
            default -> failure == null ? new IllegalStateException("status " + status) : failure;
        });
    }
}
