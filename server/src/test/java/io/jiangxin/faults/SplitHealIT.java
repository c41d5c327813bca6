package io.jiangxin.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgeLoad;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.ServerProcess;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A member of three is paused (SIGSTOP, as a long GC pause or a stalled VM does) for longer than the cluster waits
 * for a silent member, while judges go on marking through the others and, once it is resumed, through it too. The
 * cluster splits and merges again; afterwards every node's standings, matrix and public board must equal those of
 * a node that has just rebuilt them from the log, within a stated bound.
 */
class SplitHealIT {

    /** Failure detection 8 s, merge checks every 5 s, reconciliation at once and every 10 s: 60 s is ample. */
    static final Duration HEAL_BOUND = Duration.ofSeconds(60);

    @Test
    void aPausedMemberSplitsAndMergesAndEveryNodeServesTheLogAgain() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            List<Integer> ports = List.of(Nodes.freePort(), Nodes.freePort(), Nodes.freePort());
            String[] fastFailure = {"--cluster-failure-seconds", "8"};
            try (ServerProcess a = ServerProcess.start(database.url(), ports.get(0), ports, fastFailure);
                 ServerProcess b = ServerProcess.start(database.url(), ports.get(1), ports, fastFailure);
                 ServerProcess c = ServerProcess.start(database.url(), ports.get(2), ports, fastFailure)) {
                for (ServerProcess node : List.of(a, b, c)) {
                    node.awaitMembers(3);
                }
                JudgingSetup setup = new JudgingSetup(a.http().signIn(Nodes.ORGANIZER_CODE), "2026年集群分裂测试赛");
                // Every node holds some live state before the pause, so the paused one has copies to go stale.
                for (ServerProcess node : List.of(a, b, c)) {
                    assertThat(node.http().signIn(setup.headCode).get("/api/events/" + setup.eventId + "/standings")
                            .status()).isEqualTo(200);
                }
                // Judges mark through a and b before and during the split; the load stops before c comes back, so
                // that afterwards nobody marks through a or b again.
                Http c1 = c.http().signIn(setup.j1Code);
                List<Long> throughC = new ArrayList<>();
                JudgeLoad load = new JudgeLoad(FaultToleranceIT.clients(setup, List.of(a.http(), b.http())))
                        .start();
                FaultToleranceIT.awaitAcks(load, 10);
                c.pause();
                a.awaitMembers(2);
                b.awaitMembers(2);
                FaultToleranceIT.awaitAcks(load, load.acks.size() + 20);
                load.finish();
                assertThat(load.unexpected).isEmpty();
                c.resume();
                long resumed = System.nanoTime();
                // If c finds itself alone before the sides merge, it still takes marks (the log in PostgreSQL is
                // shared) that only the healing brings to the others' copies; how long it stands alone is up to
                // Hazelcast, so these are counted, not required (LiveHealingIT makes that case deterministic).
                int minorityWrites = writeWhileAlone(c, c1, setup, throughC);
                for (ServerProcess node : List.of(a, b, c)) {
                    node.awaitMembers(3);
                }
                long merged = System.nanoTime();
                FaultToleranceIT.assertExactlyOnce(database.url(), setup.eventId, load, throughC);

                long lastSeq = FaultToleranceIT.lastSeq(database.url(), setup.eventId);
                try (JiangxinNode reference = Nodes.single(database.url())) {
                    // A lone node of its own cluster builds the event afresh from PostgreSQL: the log's own figures.
                    String headToken = new Http(reference.httpPort()).post("/api/sessions", new JsonObject()
                            .put("code", setup.headCode)).json().getString("token");
                    Map<String, JsonObject> expected = views(new Http(reference.httpPort()), headToken, setup);
                    assertThat(expected.get("standings").getLong("version")).isEqualTo(lastSeq);
                    Duration left = HEAL_BOUND.minusNanos(System.nanoTime() - resumed);
                    Poll.untilAsserted(left.isNegative() ? Duration.ofMillis(1) : left, Duration.ofMillis(250),
                            "every node equal to the log", () -> {
                                List<String> disagreeing = new ArrayList<>();
                                for (ServerProcess node : List.of(a, b, c)) {
                                    Map<String, JsonObject> served = views(node.http(), headToken, setup);
                                    served.forEach((view, body) -> {
                                        if (!body.equals(expected.get(view))) {
                                            disagreeing.add("node " + node.httpPort + " " + view + ": "
                                                    + body.encode() + "\n  expected: " + expected.get(view).encode());
                                        }
                                    });
                                }
                                assertThat(disagreeing).as("views that still differ from the log " + HEAL_BOUND
                                        + " after the paused member resumed").isEmpty();
                            });
                    long healed = System.nanoTime();
                    System.out.printf("split heal: cluster merged %.1f s after resume; every node equal to the log"
                                    + " %.1f s after resume (%d records; %d marks through the resumed member while"
                                    + " it stood alone)%n",
                            (merged - resumed) / 1e9, (healed - resumed) / 1e9, lastSeq, minorityWrites);
                }
            }
        }
    }

    /** The head judge's standings and matrix, and the public board, as one node serves them. */
    private static Map<String, JsonObject> views(Http node, String headToken, JudgingSetup setup) {
        Http head = node.as(headToken);
        String event = "/api/events/" + setup.eventId;
        JsonObject matrix = body(head.get(event + "/matrix"));
        // Who is online is the cluster's presence, not the log's: the lone reference node has seen nobody.
        if (matrix.getJsonArray("judges") != null) {
            matrix.getJsonArray("judges").forEach(judge -> {
                ((JsonObject) judge).remove("online");
                ((JsonObject) judge).remove("lastSeen");
            });
        }
        // A board's version is the seq after which it last changed: a copy that applied the last records in one
        // batch may name the same board by a later seq. The rows, teams and state are what must agree; the
        // standings' version (the state's own) must be the log's last seq.
        JsonObject board = body(node.get(event + "/board"));
        board.remove("version");
        return Map.of("standings", body(head.get(event + "/standings")), "matrix", matrix, "board", board);
    }

    private static JsonObject body(Http.Reply reply) {
        return reply.status() == 200 ? reply.json() : new JsonObject().put("status", reply.status());
    }

    /**
     * Marks A2 of entry 001 through the resumed member while its own health says it is alone; answers how many
     * were acknowledged then (none when the sides merged first). Every acknowledged record's seq goes to {@code seqs}.
     */
    private static int writeWhileAlone(ServerProcess node, Http judge, JudgingSetup setup, List<Long> seqs) {
        try {
            if (Poll.until(Duration.ofSeconds(30), "the resumed member alone or merged again",
                    () -> clusterSize(node), size -> size == 1 || size == 3) == 3) {
                return 0;
            }
        } catch (ConditionTimeoutException neither) {
            // Neither after 30 s: the writes below are taken only while it stands alone, so none are.
        }
        int written = 0;
        for (int i = 0; i < 6 && clusterSize(node) == 1; i++) {
            JsonObject mark = new JsonObject().put("marks", new io.vertx.core.json.JsonArray().add(new JsonObject()
                    .put("aspectId", "A2").put("value", String.valueOf(1 + i))));
            Http.Reply reply = JudgingSetup.once(judge).post(setup.sheet("001") + "/marks", mark);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            seqs.add(reply.json().getJsonArray("marks").getJsonObject(0).getLong("seq"));
            if (clusterSize(node) == 1) {
                written++;
            }
        }
        return written;
    }

    private static int clusterSize(ServerProcess node) {
        return node.http().get("/health").json().getJsonObject("cluster").getInteger("size");
    }
}
