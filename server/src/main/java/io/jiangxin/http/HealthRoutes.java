package io.jiangxin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code GET /health}: the server, the database and the cluster members; 503 while the database is away. */
final class HealthRoutes {

    static final long DATABASE_TIMEOUT_MS = 2_000;

    private final Pool pool;
    private final NodeInfo node;
    private final Supplier<List<String>> clusterMembers;

    HealthRoutes(Pool pool, NodeInfo node, Supplier<List<String>> clusterMembers) {
        this.pool = pool;
        this.node = node;
        this.clusterMembers = clusterMembers;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        long started = System.nanoTime();
        pool.query("select 1").execute().timeout(DATABASE_TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(done -> {
            JsonObject database = new JsonObject()
                    .put("url", node.databaseUrl())
                    .put("embedded", node.embeddedDatabase());
            if (done.succeeded()) {
                database.put("status", "UP").put("latencyMs", (System.nanoTime() - started) / 1_000_000);
            } else {
                database.put("status", "DOWN").put("reason", String.valueOf(done.cause().getMessage()));
            }
            List<String> members = clusterMembers.get();
            JsonObject body = new JsonObject()
                    .put("status", done.succeeded() ? "UP" : "DOWN")
                    .put("node", new JsonObject().put("id", node.nodeId()).put("version", node.version()))
                    .put("database", database)
                    .put("cluster", new JsonObject().put("name", node.clusterName()).put("size", members.size())
                            .put("members", new JsonArray(members)));
            if (done.failed()) {
                ctx.response().putHeader("Retry-After", "5");
            }
            Responses.json(ctx, done.succeeded() ? 200 : 503, body);
        });
    }
}
