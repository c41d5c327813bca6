package io.jiangxin.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Thousands of board viewers on running servers while a judge marks at a steady rate: delivery latency from each
 * mark's 2xx to each viewer's receipt, the servers' heap, RSS and CPU; then, in the same run, a bare Vert.x server
 * broadcasting the same-sized payload to the same number of sockets, as the baseline.
 */
@Command(name = "bench-viewers", mixinStandardHelpOptions = true,
        description = "看板推送压测 / load-test board push to many WebSocket viewers against a bare Vert.x broadcast")
public final class ViewersBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--targets", required = true, split = ",", description = "server base URLs; viewers are spread over them")
    List<URI> targets;

    @Option(names = "--organizer-code", required = true)
    String organizerCode;

    @Option(names = "--viewers", defaultValue = "10000")
    int viewers;

    @Option(names = "--rate", defaultValue = "100", description = "marks per second (default 100)")
    int rate;

    @Option(names = "--seconds", defaultValue = "15")
    int seconds;

    @Option(names = "--no-baseline", description = "skip the bare Vert.x baseline")
    boolean noBaseline;

    static final int ENTRIES = 20;

    private Vertx vertx;
    private HttpClient http;
    private String token;

    /** What one side of the comparison measured. */
    /** What one side measured; {@code fromSend} counts from the moment the write was sent, for both sides alike. */
    private record Side(ViewerHarness.Latencies latencies, ViewerHarness.Latencies fromSend, double cpuCores,
                        long heapPerThousand, long residentPerThousand, int connected, double averageBytes) {
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        vertx = Vertx.vertx();
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(8));
        try {
            Side ours = measureJiangxin();
            print(out, "Jiangxin (" + targets.size() + " node" + (targets.size() > 1 ? "s" : "") + ")", ours);
            if (!noBaseline) {
                Side bare = measureBare(ours.averageBytes());
                print(out, "bare Vert.x broadcast (1 process)", bare);
                out.printf("ratio ours / bare (send → viewer): p50 %.2f×, p99 %.2f×; CPU %.2f×%n",
                        ours.fromSend().percentileMs(50) / Math.max(0.001, bare.fromSend().percentileMs(50)),
                        ours.fromSend().percentileMs(99) / Math.max(0.001, bare.fromSend().percentileMs(99)),
                        ours.cpuCores() / Math.max(0.001, bare.cpuCores()));
            }
            out.flush();
            return 0;
        } finally {
            JudgingBenchCommand.await(vertx.close());
        }
    }

    private static void print(java.io.PrintWriter out, String name, Side side) {
        var l = side.latencies();
        out.printf("%s: %d viewers connected, %d receipts, %d coalesced away%n", name, side.connected(), l.sorted().length,
                l.missed());
        out.printf("  delivery latency ms (2xx → viewer): p50 %.1f  p99 %.1f  max %.1f%n", l.percentileMs(50),
                l.percentileMs(99), l.percentileMs(100));
        var s = side.fromSend();
        out.printf("  latency ms (write sent → viewer): p50 %.1f  p99 %.1f  max %.1f%n", s.percentileMs(50),
                s.percentileMs(99), s.percentileMs(100));
        out.printf("  per 1,000 viewers: live heap %+d KiB, resident %+d KiB; CPU %.2f cores while sending; payload %.0f bytes%n",
                side.heapPerThousand() / 1024, side.residentPerThousand() / 1024, side.cpuCores(), side.averageBytes());
    }

    private Side measureJiangxin() throws Exception {
        JsonObject session = JudgingBenchCommand.await(call(targets.get(0), HttpMethod.POST, "/api/sessions",
                new JsonObject().put("code", organizerCode)));
        token = session.getString("token");
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        long organization = call(HttpMethod.POST, "/api/organizations", new JsonObject().put("name", "看板压测单位" + suffix));
        long contest = call(HttpMethod.POST, "/api/contests", new JsonObject().put("name", "看板压测" + suffix)
                .put("kind", "SKILLS").put("level", "CITY").put("year", 2026).put("organizer", "压测"));
        long event = call(HttpMethod.POST, "/api/contests/" + contest + "/events", new JsonObject().put("name", "压测赛项"));
        JudgingBenchCommand.await(call(targets.get(0), HttpMethod.PUT, "/api/events/" + event + "/scheme",
                new JsonObject().put("scheme", scheme())));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            long person = call(HttpMethod.POST, "/api/people", new JsonObject().put("name", "选手" + i)
                    .put("employeeNo", "V" + suffix + i).put("organizationId", organization));
            JsonObject registration = JudgingBenchCommand.await(call(targets.get(0), HttpMethod.POST,
                    "/api/events/" + event + "/registrations", new JsonObject().put("personId", person)));
            codes.add(registration.getString("entryCode"));
        }
        JsonObject judge = JudgingBenchCommand.await(call(targets.get(0), HttpMethod.POST, "/api/contests/" + contest
                + "/judges", new JsonObject().put("displayName", "压测裁判")));
        long account = judge.getJsonObject("account").getLong("id");
        JudgingBenchCommand.await(call(targets.get(0), HttpMethod.PUT, "/api/events/" + event + "/panel/" + account,
                new JsonObject().put("role", "JUDGE")));
        String judgeToken = JudgingBenchCommand.await(call(targets.get(0), HttpMethod.POST, "/api/accounts/" + account
                + "/sessions", new JsonObject())).getString("token");

        List<JsonObject> before = health();
        ViewerHarness harness = new ViewerHarness(vertx, viewers);
        String subscribe = new JsonObject().put("type", "subscribe").put("view", "PUBLIC")
                .put("events", new JsonArray().add(event)).encode();
        JudgingBenchCommand.await(harness.connect(targets, "/ws/boards", viewers, subscribe));
        JudgingBenchCommand.await(harness.awaitAll(0, 120_000));
        List<JsonObject> connected = health();
        long base = JudgingBenchCommand.await(call(targets.get(0), HttpMethod.GET, "/api/events/" + event + "/board",
                null)).getLong("version");

        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        int sent = paced(n -> {
            sentAt.put(base + n + 1, System.nanoTime());
            JudgingBenchCommand.await(mark(targets.get(n % targets.size()), judgeToken, event, codes.get(n % ENTRIES),
                    (n * 37) % 101));
            acknowledged.put(base + n + 1, System.nanoTime());
        });
        List<JsonObject> after = health();
        long ended = System.nanoTime();
        JudgingBenchCommand.await(harness.awaitAll(base + sent, 30_000));
        Side side = new Side(harness.latencies(acknowledged), harness.latencies(sentAt),
                cpu(connected, after, ended - started),
                per(before, connected, "heapLiveBytes"), per(before, connected, "residentBytes"),
                harness.sockets.size(), harness.deltaCount.get() == 0 ? 0
                        : harness.deltaBytes.get() / (double) harness.deltaCount.get());
        JudgingBenchCommand.await(harness.close());
        return side;
    }

    private Side measureBare(double payloadBytes) throws Exception {
        try (ChildServer server = ChildServer.start(BareBroadcastServer.class)) {
            URI bare = server.uri;
            JsonObject before = JudgingBenchCommand.await(call(bare, HttpMethod.GET, "/health", null));
            ViewerHarness harness = new ViewerHarness(vertx, viewers);
            JudgingBenchCommand.await(harness.connect(List.of(bare), "/ws", viewers, null));
            Thread.sleep(1_000);
            JsonObject connected = JudgingBenchCommand.await(call(bare, HttpMethod.GET, "/health", null));
            Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            String padding = "x".repeat((int) Math.max(0, payloadBytes - 120));
            long started = System.nanoTime();
            int sent = paced(n -> {
                long version = n + 1;
                sentAt.put(version, System.nanoTime());
                JsonObject payload = new JsonObject().put("type", "delta").put("event", 1).put("view", "PUBLIC")
                        .put("from", version - 1).put("version", version).put("pad", padding);
                JudgingBenchCommand.await(call(bare, HttpMethod.POST, "/broadcast", payload));
                acknowledged.put(version, System.nanoTime());
            });
            JsonObject after = JudgingBenchCommand.await(call(bare, HttpMethod.GET, "/health", null));
            long ended = System.nanoTime();
            JudgingBenchCommand.await(harness.awaitAll(sent, 30_000));
            Side side = new Side(harness.latencies(acknowledged), harness.latencies(sentAt),
                    cpu(List.of(connected), List.of(after), ended - started),
                    per(List.of(before), List.of(connected), "heapLiveBytes"),
                    per(List.of(before), List.of(connected), "residentBytes"), harness.sockets.size(), payloadBytes);
            JudgingBenchCommand.await(harness.close());
            return side;
        }
    }

    /** One write of the steady stream; {@code n} counts from 0. */
    private interface Write {
        void send(int n) throws Exception;
    }

    /** Sends writes at the configured rate for the configured time, each after the previous is answered. */
    private int paced(Write write) throws Exception {
        long started = System.nanoTime();
        long period = 1_000_000_000L / rate;
        int sent = 0;
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(seconds)) {
            long wait = started + sent * period - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            write.send(sent);
            sent++;
        }
        return sent;
    }

    private double cpu(List<JsonObject> before, List<JsonObject> after, long elapsedNanos) {
        double cpu = 0;
        for (int i = 0; i < before.size(); i++) {
            cpu += process(after.get(i)).getDouble("cpuSeconds", 0.0) - process(before.get(i)).getDouble("cpuSeconds", 0.0);
        }
        return cpu / (elapsedNanos / 1e9);
    }

    private long per(List<JsonObject> before, List<JsonObject> after, String field) {
        long total = 0;
        for (int i = 0; i < before.size(); i++) {
            total += process(after.get(i)).getLong(field, 0L) - process(before.get(i)).getLong(field, 0L);
        }
        return total * 1000 / Math.max(1, viewers);
    }

    private static JsonObject process(JsonObject health) {
        return health.getJsonObject("node").getJsonObject("process");
    }

    private List<JsonObject> health() throws Exception {
        List<JsonObject> all = new ArrayList<>();
        for (URI target : targets) {
            all.add(JudgingBenchCommand.await(call(target, HttpMethod.GET, "/health", null)));
        }
        return all;
    }

    private Future<JsonObject> mark(URI target, String judgeToken, long event, String entry, int value) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.resolve("/api/events/" + event + "/sheets/" + entry + "/marks").toString())
                .putHeader("Authorization", "Bearer " + judgeToken).putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", UUID.randomUUID().toString());
        Buffer body = new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", "M1")
                .put("value", value))).toBuffer();
        return http.request(request).compose(req -> req.send(body)).compose(response -> response.body().map(b -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("mark answered " + response.statusCode() + ": " + b);
            }
            return b.toJsonObject();
        }));
    }

    private long call(HttpMethod method, String path, JsonObject body) throws Exception {
        return JudgingBenchCommand.await(call(targets.get(0), method, path, body)).getLong("id");
    }

    private Future<JsonObject> call(URI target, HttpMethod method, String path, JsonObject body) {
        RequestOptions request = new RequestOptions().setMethod(method).setAbsoluteURI(target.resolve(path).toString())
                .putHeader("Content-Type", "application/json");
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return http.request(request).compose(req -> body == null ? req.send() : req.send(body.toBuffer()))
                .compose(response -> response.body().map(b -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + b);
                    }
                    return b.toJsonObject();
                }));
    }

    /** One measurement aspect: each mark sets one entry's total, so every mark moves the public board once. */
    private static JsonObject scheme() {
        return new JsonObject().put("id", "viewers-bench").put("nameZh", "看板压测").put("nameEn", "Viewer benchmark")
                .put("rounding", new JsonObject().put("scale", 2).put("mode", "HALF_UP"))
                .put("parts", new JsonArray().add(new JsonObject().put("id", "p").put("nameZh", "实操").put("nameEn", "Practical")
                        .put("maximum", 100).put("weight", 100).put("modules", new JsonArray().add(new JsonObject()
                                .put("id", "m").put("nameZh", "测量").put("nameEn", "Measured").put("aspects", new JsonArray()
                                        .add(new JsonObject().put("id", "M1").put("descriptionZh", "测量值")
                                                .put("descriptionEn", "Measured value").put("type", "MEASUREMENT")
                                                .put("measurement", "VALUE").put("maximum", 100).put("step", 1)))))));
    }
}
