package io.jiangxin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.results.ScoredEvent;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.MainAccess;
import io.jiangxin.server.config.ClusterAddress;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade's middle: a node of the previous release (its own jar, its own process) runs on the database;
 * a node of this release joins its cluster, migrating the schema (V40, V41) under it. Judges sign in on one and
 * write through the other, the head judge locks through the old one, and both serve the same board and results;
 * then the old node drains and leaves, and the new one carries on with every chain intact.
 */
class MixedReleaseClusterIT {

    @Test
    void thePreviousAndThisReleaseShareACluster() throws Exception {
        Path previousJar = PreviousRelease.jar();
        int oldPort = Nodes.freePort();
        int oldCluster = Nodes.freePort();
        int newCluster = Nodes.freePort();
        String members = "127.0.0.1:" + oldCluster + ",127.0.0.1:" + newCluster;
        try (TestDatabase database = TestDatabase.blank()) {
            Path log = Files.createTempFile("jiangxin-previous-node-", ".log");
            Process old = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", previousJar.toString(), "--port", String.valueOf(oldPort), "--cluster-port",
                    String.valueOf(oldCluster), "--cluster-members", members, "--database-url",
                    database.url().toString(), "--organizer-code", Nodes.ORGANIZER_CODE)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Http oldHttp = new Http(oldPort);
                Poll.until(Duration.ofSeconds(120), "the previous release's node; log " + log, () -> {
                    assertThat(old.isAlive()).as("previous release's node; log " + log).isTrue();
                    try {
                        return oldHttp.get("/health").status() == 200;
                    } catch (IllegalStateException notYet) {
                        return false;
                    }
                });
                assertThat(database.queryLong("select count(*) from information_schema.columns"
                        + " where table_name = 'score_event' and column_name = 'request_id'")).isZero();

                try (JiangxinNode current = JiangxinNode.start(Nodes.settings(database.url(), newCluster,
                        List.of(new ClusterAddress("127.0.0.1", oldCluster), new ClusterAddress("127.0.0.1", newCluster)),
                        false))) {
                    Http newHttp = new Http(current.httpPort());
                    Poll.until(Duration.ofSeconds(60), "two members", () ->
                            oldHttp.get("/health").json().getJsonObject("cluster").getInteger("size") == 2
                                    && current.clusterMembers().size() == 2);
                    // Ready once the partitions have settled between the two members and the live state caught up.
                    Poll.until(Duration.ofSeconds(30), "the new node ready", () ->
                            newHttp.get("/health/ready").status() == 200);
                    assertThat(database.queryLong("select count(*) from flyway_schema_history where version = '41'"))
                            .isEqualTo(1);

                    // Set up through the old node; judges sign in on one node and mark through the other.
                    ScoredEvent scored = new ScoredEvent(oldHttp.signIn(Nodes.ORGANIZER_CODE), oldHttp,
                            "2026年滚动升级测试赛");
                    Http j1OnNew = newHttp.as(token(oldHttp, scored.setup.j1Code));
                    Http j2OnOld = oldHttp.as(token(newHttp, scored.setup.j2Code));
                    mark(j1OnNew, scored, "001", 9, 8, 10);
                    mark(j2OnOld, scored, "001", 9, 8, 10);
                    mark(j1OnNew, scored, "002", 7, 6, 0);
                    mark(j2OnOld, scored, "002", 7, 6, 0);
                    Http headOnOld = oldHttp.as(token(oldHttp, scored.setup.headCode));
                    for (String code : List.of("001", "002")) {
                        assertThat(JudgingSetup.once(headOnOld).post(scored.setup.sheet(code) + "/lock",
                                new JsonObject()).status()).isEqualTo(201);
                    }
                    String board = "/api/events/" + scored.setup.eventId + "/board";
                    Poll.until(Duration.ofSeconds(20), "both nodes show both locked sheets", () ->
                            totals(newHttp.get(board).json()).equals(totals(oldHttp.get(board).json()))
                                    && totals(newHttp.get(board).json()).size() == 2);
                    assertThat(database.queryLong("select count(*) from score_event where event_id = "
                            + scored.setup.eventId + " and request_id is not null")).isPositive();
                    assertThat(database.queryLong("select count(*) from score_event where event_id = "
                            + scored.setup.eventId + " and request_id is null")).isPositive();

                    // The old node drains and leaves; the new one carries on alone.
                    List<String> before = totals(newHttp.get(board).json());
                    old.destroy();
                    assertThat(old.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    Poll.until(Duration.ofSeconds(30), "one member", () -> current.clusterMembers().size() == 1);
                    assertThat(totals(newHttp.get(board).json())).isEqualTo(before);
                    assertThat(verifyLog(database)).contains("intact").doesNotContain("BROKEN");
                }
            } finally {
                old.destroyForcibly();
                old.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String token(Http node, String code) {
        return node.post("/api/sessions", new JsonObject().put("code", code)).json().getString("token");
    }

    private static void mark(Http judge, ScoredEvent scored, String code, int a1, int a2, int y1) {
        Http.Reply marked = JudgingSetup.once(judge).post(scored.setup.sheet(code) + "/marks", new JsonObject()
                .put("marks", new JsonArray()
                        .add(new JsonObject().put("aspectId", "A1").put("value", a1))
                        .add(new JsonObject().put("aspectId", "A2").put("value", a2))
                        .add(new JsonObject().put("aspectId", "Y1").put("value", y1))));
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
    }

    /** Each row's entry and total, in board order. */
    private static List<String> totals(JsonObject board) {
        JsonArray rows = board.getJsonArray("rows", new JsonArray());
        return rows.stream().map(r -> (JsonObject) r)
                .map(r -> r.getString("entry") + "=" + r.getValue("total")).toList();
    }

    private static String verifyLog(TestDatabase database) {
        StringWriter out = new StringWriter();
        var commandLine = MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute("verify-log", "--database-url", database.url().toString())).isZero();
        return out.toString();
    }
}
