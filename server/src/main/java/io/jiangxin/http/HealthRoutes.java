package io.jiangxin.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the server, the database and the cluster members; 503 while the database is away.
 * {@code GET /health/live}: the process answers (a liveness probe: restart it only when this fails).
 * {@code GET /health/ready}: send it traffic (a readiness probe): migrated, cluster formed, live state caught up,
 * database reachable and not stopping; 503 naming what is missing otherwise.
 */
final class HealthRoutes {

    static final long DATABASE_TIMEOUT_MS = 2_000;

    private final Pool pool;
    private final NodeInfo node;
    private final Supplier<List<String>> clusterMembers;
    private final Supplier<Integer> viewers;
    private final Readiness readiness;
    private final Supplier<JsonObject> liveState;
    private final ServingLoops loops;

    HealthRoutes(Pool pool, NodeInfo node, Supplier<List<String>> clusterMembers, Supplier<Integer> viewers,
                 Readiness readiness, Supplier<JsonObject> liveState, ServingLoops loops) {
        this.loops = loops;
        this.pool = pool;
        this.readiness = readiness;
        this.node = node;
        this.clusterMembers = clusterMembers;
        this.viewers = viewers;
        this.liveState = liveState;
    }

    /** The process's own figures, for operators and the viewer benchmark. */
    private JsonObject process() {
        Runtime runtime = Runtime.getRuntime();
        JsonObject process = new JsonObject().put("heapUsedBytes", runtime.totalMemory() - runtime.freeMemory())
                .put("heapMaxBytes", runtime.maxMemory()).put("heapLiveBytes", HealthFigures.liveHeapBytes())
                .put("boardViewers", viewers.get());
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            process.put("cpuSeconds", os.getProcessCpuTime() / 1e9);
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    process.put("residentBytes", Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not on Linux: the resident size is simply not reported
        }
        return process;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "UP")
                .put("node", node.nodeId()).put("version", node.version())));
        router.get("/health/ready").handler(this::ready);
    }

    private void ready(RoutingContext ctx) {
        // The cluster check asks Hazelcast about partition replicas, which may block briefly: not on the event loop.
        var blockers = ctx.vertx().executeBlocking(readiness::blockers, false);
        var database = pool.query("select 1").execute().timeout(DATABASE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Future.join(blockers, database).onComplete(done -> {
            JsonArray reasons = new JsonArray();
            if (blockers.succeeded()) {
                blockers.result().forEach(b -> reasons.add(new JsonObject().put("check", b[0]).put("reason", b[1])));
            } else {
                reasons.add(new JsonObject().put("check", "readiness").put("reason", String.valueOf(blockers.cause())));
            }
            if (database.failed()) {
                reasons.add(new JsonObject().put("check", "database").put("reason",
                        "数据库不可用 / the database is unreachable: " + database.cause().getMessage()));
            }
            boolean ready = reasons.isEmpty();
            JsonObject body = new JsonObject().put("status", ready ? "READY" : "NOT_READY")
                    .put("node", node.nodeId()).put("clusterSize", clusterMembers.get().size());
            if (!ready) {
                body.put("notReady", reasons);
                ctx.response().putHeader("Retry-After", "5");
            }
            Responses.json(ctx, ready ? 200 : 503, body);
        });
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
            JsonObject live = liveState.get();
            boolean alarmed = !live.getJsonArray("brokenLogs", new JsonArray()).isEmpty();
            JsonObject body = new JsonObject()
                    .put("status", done.failed() ? "DOWN" : alarmed ? "DEGRADED" : "UP")
                    .put("node", new JsonObject().put("id", node.nodeId()).put("version", node.version())
                            .put("process", process()).put("eventLoops", loops.figures()))
                    .put("database", database)
                    .put("cluster", new JsonObject().put("name", node.clusterName()).put("size", members.size())
                            .put("members", new JsonArray(members)))
                    .put("liveState", live);
            if (done.failed()) {
                ctx.response().putHeader("Retry-After", "5");
            }
            Responses.json(ctx, done.succeeded() ? 200 : 503, body);
        });
    }
}
