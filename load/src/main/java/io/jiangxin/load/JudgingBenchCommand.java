package io.jiangxin.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Judges submitting marks against running servers at fixed concurrency, then, in the same run, the raw
 * PostgreSQL insert rate of the same row shape on the same database, and our rate as a ratio of it; then the same
 * requests from the same client against a bare Vert.x server ({@link BareHttpServer}), our HTTP ceiling here.
 */
@Command(name = "bench-judging", mixinStandardHelpOptions = true,
        description = "评分压测 / load-test mark submission against running servers and compare with raw PostgreSQL"
                + " inserts and a bare Vert.x HTTP server")
public final class JudgingBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--targets", required = true, split = ",", description = "server base URLs, e.g. http://127.0.0.1:8080")
    List<URI> targets;

    @Option(names = "--organizer-code", required = true, description = "an organizer sign-in code of the servers")
    String organizerCode;

    @Option(names = "--database-url", required = true, description = "the servers' database, for the raw baseline")
    String databaseUrl;

    @Option(names = "--judges", defaultValue = "200", description = "concurrent judges (default 200)")
    int judges;

    @Option(names = "--marks-per-request", defaultValue = "1", description = "marks in each submission (default 1)")
    int marksPerRequest;

    @Option(names = "--warmup-seconds", defaultValue = "5")
    int warmupSeconds;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default 20)")
    int seconds;

    @Option(names = "--raw-pool-size", defaultValue = "16",
            description = "connections of the raw PostgreSQL baseline's pool (default 16, the server's pool size)")
    int rawPoolSize;

    @Option(names = "--no-http-baseline", description = "skip the bare Vert.x HTTP baseline")
    boolean noHttpBaseline;

    static final int JUDGES_PER_EVENT = 5;
    static final int ENTRIES_PER_EVENT = 10;

    private Vertx vertx;
    private HttpClient client;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(judges));
        try {
            out.printf("setting up %d judges on %d events via %s%n", judges, events(), targets);
            List<Tablet> tablets = await(new BenchSetup(this).run());
            // The moment to start a profiler on the servers (docs/benchmarks.md, "Profiling").
            out.printf("load: %d s warm-up, then %d s measured%n", warmupSeconds, seconds);
            Result ours = await(load(tablets));
            out.printf("Jiangxin: %d judges, %d mark(s) per request, %d targets, %d s%n", judges, marksPerRequest,
                    targets.size(), seconds);
            out.printf("  acknowledged marks: %d (%.0f marks/s, %.0f requests/s)%n", ours.marks,
                    ours.marks / (double) seconds, ours.requests / (double) seconds);
            printLatencies(out, ours);
            double raw = rawInsertRate();
            out.printf("raw PostgreSQL: %.0f single-row inserts/s of the same row shape, %d concurrent, same database%n",
                    raw, judges);
            out.printf("ratio: %.1f%% of raw (marks/s ÷ raw inserts/s)%n", 100 * ours.marks / (double) seconds / raw);
            int bareErrors = 0;
            if (!noHttpBaseline) {
                bareErrors = httpBaseline(out, tablets, ours);
            }
            out.flush();
            return ours.errors == 0 && bareErrors == 0 ? 0 : 1;
        } finally {
            await(vertx.close());
        }
    }

    private static void printLatencies(java.io.PrintWriter out, Result result) {
        out.printf("  latency ms: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", result.percentile(50),
                result.percentile(99), result.percentile(99.9), result.percentile(100));
        out.printf("  errors: %d%n", result.errors);
    }

    /**
     * The same judges' requests (same bodies, headers and paths), from the same client at the same concurrency for
     * the same time, against {@link BareHttpServer} in its own JVM answering with a body as large as ours did.
     * Prints its rate and latencies, then our request rate as a share of it. Returns its errors.
     */
    private int httpBaseline(java.io.PrintWriter out, List<Tablet> tablets, Result ours) throws Exception {
        int answerBytes = ours.requests == 0 ? 200 : (int) (ours.answerBytes.get() / ours.requests);
        try (ChildServer bare = ChildServer.start(BareHttpServer.class, String.valueOf(answerBytes))) {
            List<Tablet> toBare = new ArrayList<>();
            for (Tablet tablet : tablets) {
                toBare.add(new Tablet(tablet.token(), bare.uri, tablet.eventId(), tablet.entryCodes()));
            }
            Result baseline = await(load(toBare));
            out.printf("bare Vert.x HTTP (%s, separate JVM): same client and requests, %d concurrent, %d s,"
                    + " 201 with a %d-byte JSON body%n", bare.readyLine.substring(bare.readyLine.indexOf(" with ") + 6),
                    judges, seconds, answerBytes);
            out.printf("  answered requests: %d (%.0f requests/s)%n", baseline.requests,
                    baseline.requests / (double) seconds);
            printLatencies(out, baseline);
            out.printf("ratio to bare Vert.x: %.1f%% (our requests/s ÷ bare Vert.x requests/s)%n",
                    100.0 * ours.requests / Math.max(1, baseline.requests));
            return baseline.errors;
        }
    }

    int events() {
        return Math.max(1, judges / JUDGES_PER_EVENT);
    }

    /** One judge's tablet: its token, the node it talks to and the sheets it marks. */
    record Tablet(String token, URI target, long eventId, List<String> entryCodes) {
    }

    private static final class Result {
        final AtomicLong marksCount = new AtomicLong();
        final AtomicLong requestCount = new AtomicLong();
        final AtomicInteger errorCount = new AtomicInteger();
        final AtomicLong answerBytes = new AtomicLong();
        final List<long[]> latencies = new ArrayList<>();
        long marks;
        long requests;
        int errors;
        long[] sorted;

        double percentile(double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }
    }

    private Future<Result> load(List<Tablet> tablets) {
        Result result = new Result();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<Void>> judgesDone = new ArrayList<>();
        for (Tablet tablet : tablets) {
            long[] samples = new long[2_000_000 / Math.max(1, tablets.size()) + 1000];
            result.latencies.add(samples);
            Promise<Void> done = Promise.promise();
            judgesDone.add(done.future());
            new JudgeLoop(tablet, samples, measureFrom, end, result, done).next();
        }
        return Future.all(judgesDone).map(v -> {
            result.marks = result.marksCount.get();
            result.requests = result.requestCount.get();
            result.errors = result.errorCount.get();
            int total = 0;
            for (long[] s : result.latencies) {
                total += (int) s[s.length - 1];
            }
            long[] all = new long[total];
            int at = 0;
            for (long[] s : result.latencies) {
                int n = (int) s[s.length - 1];
                System.arraycopy(s, 0, all, at, n);
                at += n;
            }
            Arrays.sort(all);
            result.sorted = all;
            return result;
        });
    }

    private record Answer(int status, int bytes) {
    }

    /** Sends one submission after another for one judge; the last slot of {@code samples} counts them. */
    private final class JudgeLoop {
        private final Tablet tablet;
        private final long[] samples;
        private final long measureFrom;
        private final long end;
        private final Result result;
        private final Promise<Void> done;
        private int sent;

        JudgeLoop(Tablet tablet, long[] samples, long measureFrom, long end, Result result, Promise<Void> done) {
            this.tablet = tablet;
            this.samples = samples;
            this.measureFrom = measureFrom;
            this.end = end;
            this.result = result;
            this.done = done;
        }

        void next() {
            long now = System.nanoTime();
            if (now >= end) {
                done.complete();
                return;
            }
            String entry = tablet.entryCodes().get(sent % tablet.entryCodes().size());
            JsonArray marks = new JsonArray();
            for (int m = 0; m < marksPerRequest; m++) {
                int aspect = ((sent / tablet.entryCodes().size()) * marksPerRequest + m) % BenchScheme.ASPECTS;
                marks.add(new JsonObject().put("aspectId", BenchScheme.aspectId(aspect))
                        .put("value", (sent / (tablet.entryCodes().size() * BenchScheme.ASPECTS)) % 2 == 0 ? "7" : "7.5"));
            }
            sent++;
            Buffer body = new JsonObject().put("marks", marks).toBuffer();
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                    .setAbsoluteURI(tablet.target().resolve("/api/events/" + tablet.eventId() + "/sheets/" + entry
                            + "/marks").toString())
                    .putHeader("Authorization", "Bearer " + tablet.token())
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .putHeader("Content-Type", "application/json");
            long started = System.nanoTime();
            client.request(request).compose(req -> req.send(body)).compose(response -> response.body()
                    .map(b -> new Answer(response.statusCode(), b.length()))).onComplete(answer -> {
                        long finished = System.nanoTime();
                        boolean measured = started >= measureFrom && finished <= end;
                        if (answer.succeeded() && answer.result().status() / 100 == 2) {
                            if (measured) {
                                result.marksCount.addAndGet(marksPerRequest);
                                result.requestCount.incrementAndGet();
                                result.answerBytes.addAndGet(answer.result().bytes());
                                int n = (int) samples[samples.length - 1];
                                if (n < samples.length - 1) {
                                    samples[n] = finished - started;
                                    samples[samples.length - 1] = n + 1;
                                }
                            }
                        } else if (measured) {
                            result.errorCount.incrementAndGet();
                        }
                        next();
                    });
        }
    }

    /** The same row shape as score_event, inserted one row per statement by as many concurrent clients. */
    private double rawInsertRate() throws Exception {
        Pool pool = PgBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(rawPoolSize)
                        .setMaxWaitQueueSize(2_000))
                .connectingTo(PgConnectOptions.fromUri(databaseUrl).setCachePreparedStatements(true))
                .using(vertx).build();
        try {
            await(pool.query("create table if not exists bench_raw_insert (like score_event including defaults)")
                    .execute());
            await(pool.query("truncate bench_raw_insert").execute());
            AtomicLong seq = new AtomicLong();
            AtomicLong inserted = new AtomicLong();
            long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<Void>> loops = new ArrayList<>();
            for (int c = 0; c < judges; c++) {
                Promise<Void> done = Promise.promise();
                loops.add(done.future());
                rawLoop(pool, seq, inserted, measureFrom, end, done);
            }
            await(Future.all(loops));
            await(pool.query("drop table bench_raw_insert").execute());
            return inserted.get() / (double) seconds;
        } finally {
            await(pool.close());
        }
    }

    private void rawLoop(Pool pool, AtomicLong seq, AtomicLong inserted, long measureFrom, long end, Promise<Void> done) {
        long started = System.nanoTime();
        if (started >= end) {
            done.complete();
            return;
        }
        long s = seq.incrementAndGet();
        pool.preparedQuery("insert into bench_raw_insert (event_id, seq, registration_id, kind, aspect_id, judge_id,"
                        + " old_value, new_value, detail, reason, payload, actor_id, actor_role, device, address,"
                        + " created_at, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                        + " $13, $14, $15, now(), $16, $17)")
                .execute(Tuple.tuple().addLong(1L).addLong(s).addLong(1L).addString("MARK").addString("A1")
                        .addLong(1L).addValue(null).addValue(new java.math.BigDecimal("7.5")).addString(null)
                        .addString(null).addString(null).addLong(1L).addString("JUDGE").addString("tablet")
                        .addString("127.0.0.1").addString("0".repeat(64)).addString("1".repeat(64)))
                .onComplete(r -> {
                    if (r.succeeded() && started >= measureFrom && System.nanoTime() <= end) {
                        inserted.incrementAndGet();
                    }
                    rawLoop(pool, seq, inserted, measureFrom, end, done);
                });
    }

    HttpClient client() {
        return client;
    }

    List<URI> targets() {
        return targets;
    }

    String organizerCode() {
        return organizerCode;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
