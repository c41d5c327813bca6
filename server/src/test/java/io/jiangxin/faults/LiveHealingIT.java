package io.jiangxin.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.cluster.LiveHealing;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.RecordKind;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.storage.ScoreLogStore;
import io.jiangxin.support.BoardViewer;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Records committed to the log that no live state applied (what a split leaves on the side whose copy lost the
 * merge, or a member that died between its commit and its update) are brought into every node's live state and
 * every viewer's board by the healing pass, although nobody marks again and no member joins or leaves.
 */
class LiveHealingIT {

    @Test
    void recordsNoStateAppliedReachEveryNodeAndViewerWithoutAnotherWrite() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            List<JiangxinNode> nodes = Nodes.cluster(database.url(), 2);
            try {
                JiangxinNode a = nodes.get(0);
                JiangxinNode b = nodes.get(1);
                JudgingSetup setup = new JudgingSetup(new Http(a.httpPort()).signIn(Nodes.ORGANIZER_CODE),
                        "2026年实时状态自愈测试赛");
                // Two judges mark, so that the aspect has its quorum and a changed mark moves the board.
                for (String code : List.of(setup.j1Code, setup.j2Code)) {
                    Http judge = new Http(a.httpPort()).signIn(code);
                    assertThat(JudgingSetup.once(judge).post(setup.sheet("001") + "/marks", new JsonObject()
                            .put("marks", new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", "6"))))
                            .status()).isEqualTo(201);
                }
                String event = "/api/events/" + setup.eventId;
                String headToken = new Http(a.httpPort()).post("/api/sessions", new JsonObject()
                        .put("code", setup.headCode)).json().getString("token");
                Http headOnA = new Http(a.httpPort()).as(headToken);
                Http headOnB = new Http(b.httpPort()).as(headToken);
                long before = headOnA.get(event + "/standings").json().getLong("version");

                try (BoardViewer onA = BoardViewer.connect(a.httpPort());
                     BoardViewer onB = BoardViewer.connect(b.httpPort())) {
                    onA.subscribe(setup.eventId, "JURY", null, headToken);
                    onB.subscribe(setup.eventId, "JURY", null, headToken);
                    long boardBefore = onA.await(m -> "snapshot".equals(m.getString("type")), 5_000).getLong("version");
                    onB.await(m -> "snapshot".equals(m.getString("type")), 5_000);

                    // Committed behind the live state's back, as the other side of a split commits.
                    long appended = appendWithoutApplying(a, setup, "9");
                    assertThat(headOnA.get(event + "/standings").json().getLong("version")).isEqualTo(before);

                    long started = System.nanoTime();
                    for (BoardViewer viewer : List.of(onA, onB)) {
                        JsonObject moved = viewer.await(m -> m.getLong("version", 0L) >= appended,
                                LiveHealing.SAFETY_NET_MS + 10_000);
                        assertThat(moved).as("the board reaches the appended record on every node").isNotNull();
                        assertThat(moved.getLong("version")).isGreaterThan(boardBefore);
                    }
                    System.out.printf("live healing: a record no state applied reached both nodes' viewers %d ms"
                            + " after its commit%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    for (Http head : List.of(headOnA, headOnB)) {
                        JsonObject standings = head.get(event + "/standings").json();
                        assertThat(standings.getLong("version")).isEqualTo(appended);
                    }
                    // Each node runs its own passes; b's next one has the event to check as well.
                    int checked = io.jiangxin.support.Poll.until(
                            java.time.Duration.ofMillis(LiveHealing.SAFETY_NET_MS + 10_000),
                            java.time.Duration.ofMillis(200), "a healing pass of b that checked an event",
                            () -> new Http(b.httpPort()).get("/health").json().getJsonObject("liveState")
                                    .getJsonObject("lastReconcile").getInteger("checked", 0), count -> count > 0);
                    assertThat(checked).as("events checked by b's last healing pass").isPositive();
                }
            } finally {
                for (JiangxinNode node : nodes) {
                    node.close();
                }
            }
        }
    }

    /** Appends one mark of judge 1 on entry 001 through the server's own log store, then commits: no apply. */
    private static long appendWithoutApplying(JiangxinNode node, JudgingSetup setup, String value) throws Exception {
        ScoreLogStore log = new ScoreLogStore();
        Actor actor = new Actor(setup.j1, "JUDGE", "healing-test", "127.0.0.1");
        LogDraft mark = new LogDraft(RecordKind.MARK, setup.entry001, "A1", setup.j1, null, new BigDecimal(value),
                null, null, null);
        return node.pool().withTransaction(conn -> log.lock(conn, setup.eventId)
                        .compose(head -> log.append(conn, head, actor, List.of(mark))))
                .map(entries -> entries.get(0).seq())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
