package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/**
 * The longest an API request waits for its answer. A database that stops answering (a frozen server, a stalled
 * disk) would otherwise hold requests open for as long as it stalls; past the deadline the client gets 503 with
 * Retry-After instead. A write that commits after its deadline is recorded once, and its retry with the same
 * Idempotency-Key is answered as a replay.
 */
final class RequestDeadline {

    /** Ordinary requests: a mark, a read, a setting. */
    static final long DEADLINE_MS = 10_000;
    /** Spreadsheets and PDFs read or write whole events and contests. */
    static final long BULK_DEADLINE_MS = 120_000;

    private RequestDeadline() {
    }

    static void handle(RoutingContext ctx) {
        long deadline = isBulk(ctx.request().path()) ? BULK_DEADLINE_MS : DEADLINE_MS;
        long timer = ctx.vertx().setTimer(deadline, id -> {
            if (!ctx.response().headWritten() && !ctx.response().closed()) {
                ctx.response().putHeader("Retry-After", String.valueOf(Unavailable.RETRY_AFTER_SECONDS));
                Responses.refuse(ctx, ErrorCode.TIMEOUT, "服务器未能在 " + deadline / 1000
                        + " 秒内完成请求，请稍后重试；写入请求请使用同一 Idempotency-Key 重试 / the request took longer than "
                        + deadline / 1000 + " s; retry shortly, writes with the same Idempotency-Key");
            }
        });
        ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }

    private static boolean isBulk(String path) {
        return ImportRoutes.isImport(path) || path.endsWith(".xlsx") || path.endsWith(".pdf");
    }
}
