package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the node's figures in Prometheus text format, for the union's IT staff's Prometheus. They
 * name no person and no id (labels are route templates, statuses and pool names), yet they are the operators' and
 * not the public's: a request that came through a proxy (the ingress, a load balancer that says so) is refused, so
 * Prometheus scrapes each node directly (docs/operations.md).
 */
final class MetricsRoutes {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    MetricsRoutes(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    void mount(Router router) {
        router.get("/metrics").handler(this::metrics);
    }

    private void metrics(RoutingContext ctx) {
        if (proxied(ctx.request())) {
            Responses.error(ctx, new Problem(ErrorCode.METRICS_INTERNAL, "运行指标只供内网监控直接抓取，不经代理 /"
                    + " metrics are scraped from each node directly, not through a proxy"));
            return;
        }
        // Formatting every series takes a few milliseconds: not on the event loop.
        ctx.vertx().executeBlocking(scrape::get, false).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, done.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", CONTENT_TYPE).putHeader("Cache-Control", "no-store")
                    .end(done.result());
        });
    }

    private static boolean proxied(HttpServerRequest request) {
        return request.headers().contains("Forwarded") || request.headers().contains("X-Forwarded-For")
                || request.headers().contains("X-Real-IP");
    }
}
