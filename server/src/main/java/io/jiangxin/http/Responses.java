package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.paging.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON answers and the uniform error body {@code {"error", "message", "details"}}. */
final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    /** Runs the action and answers with its result; a thrown or failed {@link Problem} becomes its 4xx. */
    static <T> void respond(RoutingContext ctx, int status, Supplier<Future<T>> action, Function<T, JsonObject> view) {
        Future<T> result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(done -> {
            if (done.succeeded()) {
                json(ctx, status, view.apply(done.result()));
            } else {
                error(ctx, done.cause());
            }
        });
    }

    static <T> void respondPage(RoutingContext ctx, Supplier<Future<Page<T>>> action, Function<T, JsonObject> view) {
        respond(ctx, 200, action, page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(item -> items.add(view.apply(item)));
            return new JsonObject().put("items", items).put("total", page.total()).put("limit", page.limit())
                    .put("offset", page.offset());
        });
    }

    /** Answers a score-log write: its status and body, marked when it repeats an earlier answer. */
    static void respondOutcome(RoutingContext ctx, Supplier<Future<io.jiangxin.app.LogWriter.Outcome>> action) {
        Future<io.jiangxin.app.LogWriter.Outcome> result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(done -> {
            if (done.failed()) {
                error(ctx, done.cause());
                return;
            }
            if (done.result().replayed()) {
                ctx.response().putHeader("Idempotent-Replayed", "true");
            }
            json(ctx, done.result().status(), done.result().body());
        });
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    /** The routing-context key of the node's translation of store failures (see {@link Services#storeFailures}). */
    static final String STORE_FAILURES = "jiangxin.storeFailures";

    static void error(RoutingContext ctx, Throwable failure) {
        // A unique or foreign-key violation that no store translated is still the client's conflict, not a 500.
        java.util.function.UnaryOperator<Throwable> storeFailures = ctx.get(STORE_FAILURES);
        if (storeFailures != null) {
            failure = storeFailures.apply(failure);
        }
        if (failure instanceof Problem problem) {
            json(ctx, problem.status(), body(problem.code(), problem.getMessage(), problem.details()));
            return;
        }
        if (Unavailable.isDependencyDown(failure)) {
            LOG.warn("{} {}: dependency unavailable: {}", ctx.request().method(), ctx.request().path(), failure.toString());
            ctx.response().putHeader("Retry-After", String.valueOf(Unavailable.RETRY_AFTER_SECONDS));
            refuse(ctx, ErrorCode.SERVICE_UNAVAILABLE, Unavailable.isCluster(failure)
                    ? "服务器集群正在恢复，请稍后重试，已保存的数据不受影响 / the cluster is recovering; retry shortly,"
                            + " nothing stored is lost"
                    : "数据库暂时不可用，请稍后重试，已保存的数据不受影响 / the database is unavailable; retry shortly,"
                            + " nothing stored is lost");
            return;
        }
        LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        refuse(ctx, ErrorCode.INTERNAL, "服务器内部错误 / internal server error");
    }

    /** An error answer that no {@link Problem} carries (the server's own failures): the code's status and body. */
    static void refuse(RoutingContext ctx, ErrorCode code, String message) {
        json(ctx, code.status(), body(code.name(), message, null));
    }

    /** An error answer lists at most this many details; a body of 2,000 bad items gets 50 and a count of the rest. */
    static final int MAX_DETAILS = 50;

    /** Messages may quote input; none repeats more than {@code max} characters of it. */
    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    static JsonObject body(String code, String message, Object details) {
        JsonObject body = new JsonObject().put("error", code).put("message", bounded(message, 1000));
        if (details instanceof List<?> list) {
            JsonArray array = new JsonArray();
            for (Object item : list.subList(0, Math.min(list.size(), MAX_DETAILS))) {
                array.add(item instanceof FieldError e
                        ? new JsonObject().put("field", bounded(e.field(), 200)).put("reason", bounded(e.reason(), 500))
                        : item);
            }
            if (list.size() > MAX_DETAILS) {
                array.add(new JsonObject().put("field", "…").put("reason", "另有 " + (list.size() - MAX_DETAILS)
                        + " 处错误 / " + (list.size() - MAX_DETAILS) + " more errors"));
            }
            body.put("details", array);
        } else if (details != null) {
            body.put("details", details);
        }
        return body;
    }
}
