package io.jiangxin.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.storage.DatabaseUrl;
import io.jiangxin.support.FreezableProxy;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A database that stops answering without closing anything (SIGSTOP, a stalled disk): requests end with 503 and
 * Retry-After within the request deadline instead of hanging, and once it answers again each write retried with
 * its Idempotency-Key is stored exactly once, whether or not it had committed before its 503.
 */
class FrozenDatabaseIT {

    /** The server's deadline (10 s) and a margin for a busy two-core machine. */
    static final long BOUND_MS = 14_000;

    @Test
    void writesToAFrozenDatabaseAnswer503WithinTheDeadlineAndRetriesAreExact() throws Exception {
        try (TestDatabase database = TestDatabase.create();
             FreezableProxy proxy = new FreezableProxy(database.url().host(), database.url().port())) {
            DatabaseUrl throughProxy = new DatabaseUrl(database.url().user(), database.url().password(), "127.0.0.1",
                    proxy.port(), database.url().database());
            try (JiangxinNode node = Nodes.single(throughProxy)) {
                Http http = new Http(node.httpPort());
                JudgingSetup setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年数据库冻结测试赛");
                Http judge = http.signIn(setup.j1Code);
                assertThat(judge.key(UUID.randomUUID().toString()).post(setup.sheet("001") + "/marks", mark("9"))
                        .status()).isEqualTo(201);

                proxy.freeze();
                List<String> keys = new ArrayList<>();
                // Twelve different values, so that each write changes the mark in whatever order they land.
                List<JsonObject> marks = new ArrayList<>();
                List<Future<long[]>> answers = new ArrayList<>();
                ExecutorService tablets = Executors.newFixedThreadPool(12);
                try {
                    for (int i = 0; i < 12; i++) {
                        String key = UUID.randomUUID().toString();
                        keys.add(key);
                        JsonObject mark = mark(String.valueOf((i + 1) / 2.0));
                        marks.add(mark);
                        answers.add(tablets.submit(() -> {
                            long started = System.nanoTime();
                            Http.Reply reply = judge.key(key).post(setup.sheet("001") + "/marks", mark);
                            long elapsed = (System.nanoTime() - started) / 1_000_000;
                            long retryAfter = reply.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
                            return new long[] {reply.status(), elapsed, retryAfter};
                        }));
                    }
                    long started = System.nanoTime();
                    Http.Reply health = http.get("/health");
                    assertThat(health.status()).isEqualTo(503);
                    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(BOUND_MS);
                    long slowest = 0;
                    for (Future<long[]> answer : answers) {
                        long[] result = answer.get();
                        assertThat(result[0]).as("status of a write to a frozen database").isEqualTo(503);
                        assertThat(result[2]).as("Retry-After").isPositive();
                        slowest = Math.max(slowest, result[1]);
                    }
                    assertThat(slowest).as("slowest 503, ms").isLessThan(BOUND_MS);
                    System.out.printf("frozen database: 12 writes answered 503 with Retry-After, slowest in %d ms%n",
                            slowest);
                } finally {
                    tablets.shutdownNow();
                }

                proxy.thaw();
                int replays = 0;
                for (int i = 0; i < keys.size(); i++) {
                    Http.Reply retried = retryUntilAnswered(judge.key(keys.get(i)), setup.sheet("001") + "/marks",
                            marks.get(i));
                    assertThat(retried.status()).isEqualTo(201);
                    replays += retried.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
                }
                System.out.printf("after the thaw: %d of 12 retries were replays of writes that had committed%n",
                        replays);
                assertThat(database.queryLong("select count(*) from score_event where event_id = " + setup.eventId
                        + " and kind in ('MARK', 'CORRECTION')")).as("one record per write, the first included")
                        .isEqualTo(13);
                assertThat(database.queryLong("select count(*) from idempotency where key in ('"
                        + String.join("','", keys) + "')")).isEqualTo(12);
            }
        }
    }

    private static JsonObject mark(String value) {
        return new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", "A1")
                .put("value", value)));
    }

    /** The pool reconnects after the thaw; a 503 in the meantime is retried, as a tablet's outbox does. */
    private static Http.Reply retryUntilAnswered(Http judge, String path, JsonObject body) {
        return io.jiangxin.support.Poll.until(java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(200),
                "an answer other than 503 to " + path, () -> judge.post(path, body), reply -> reply.status() != 503);
    }
}
