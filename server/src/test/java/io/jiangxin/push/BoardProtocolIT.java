package io.jiangxin.push;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.BoardViewer;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The board protocol over a real WebSocket: snapshot then deltas, resuming, gaps, slow viewers, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardProtocolIT {

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http j1;
    private int sent;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年看板协议测试赛");
        j1 = http.signIn(setup.j1Code);
    }

    @AfterAll
    void stop() {
        node.close();
        database.close();
    }

    /** A mark that changes entry 002's total every time: one judge's yes/no measurement counts alone. */
    private void mark() {
        String value = sent++ % 2 == 0 ? "10" : "0";
        assertThat(once(j1).post(setup.sheet("002") + "/marks", new JsonObject().put("marks",
                new JsonArray().add(new JsonObject().put("aspectId", "Y1").put("value", value)))).status())
                .isEqualTo(201);
    }

    private static boolean is(JsonObject message, String type) {
        return type.equals(message.getString("type"));
    }

    @Test
    @Order(1)
    void aViewerGetsASnapshotThenDeltasInSequence() throws Exception {
        try (BoardViewer viewer = BoardViewer.connect(node.httpPort())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            JsonObject snapshot = viewer.await(m -> is(m, "snapshot"), 5_000);
            long version = snapshot.getLong("version");
            assertThat(snapshot.getJsonObject("header").getString("event")).isEqualTo("焊工");

            mark();
            JsonObject first = viewer.await(m -> is(m, "delta"), 5_000);
            assertThat(first.getLong("from")).isEqualTo(version);
            // A version is the log seq after which the board last changed: it grows, each delta starting where the
            // one before ended.
            assertThat(first.getLong("version")).isGreaterThan(version);
            JsonObject row = first.getJsonArray("rows").getJsonObject(0);
            assertThat(row.getString("entry")).isEqualTo("002");
            assertThat(row.getString("status")).isEqualTo("PROVISIONAL");
            assertThat(row.containsKey("name")).as("no names before the result is final").isFalse();

            mark();
            JsonObject second = viewer.await(m -> is(m, "delta"), 5_000);
            assertThat(second.getLong("from")).isEqualTo(first.getLong("version"));
            assertThat(second.getLong("version")).isGreaterThan(first.getLong("version"));
        }
    }

    @Test
    @Order(2)
    void aViewerThatReconnectsWithItsVersionGetsOnlyWhatItMissed() throws Exception {
        long version;
        try (BoardViewer viewer = BoardViewer.connect(node.httpPort())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            version = viewer.await(m -> is(m, "snapshot"), 5_000).getLong("version");
        }
        mark();
        mark();
        try (BoardViewer back = BoardViewer.connect(node.httpPort())) {
            back.subscribe(setup.eventId, "PUBLIC", version, null);
            JsonObject first = back.await(m -> is(m, "delta") || is(m, "snapshot"), 5_000);
            assertThat(first.getString("type")).isEqualTo("delta");
            assertThat(first.getLong("from")).isEqualTo(version);
            JsonObject second = back.await(m -> is(m, "delta"), 5_000);
            assertThat(second.getLong("from")).isEqualTo(first.getLong("version"));
            assertThat(back.drain(300)).noneMatch(m -> is(m, "snapshot"));
        }
    }

    @Test
    @Order(3)
    void aViewerTooFarBehindGetsAFreshSnapshot() throws Exception {
        long version;
        try (BoardViewer viewer = BoardViewer.connect(node.httpPort())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            version = viewer.await(m -> is(m, "snapshot"), 5_000).getLong("version");
        }
        for (int i = 0; i <= io.jiangxin.judging.BoardChannel.KEPT_DELTAS; i++) {
            mark();
        }
        try (BoardViewer back = BoardViewer.connect(node.httpPort())) {
            back.subscribe(setup.eventId, "PUBLIC", version, null);
            JsonObject first = back.await(m -> is(m, "delta") || is(m, "snapshot"), 5_000);
            assertThat(first.getString("type")).isEqualTo("snapshot");
            assertThat(first.getLong("version")).isGreaterThan(version + io.jiangxin.judging.BoardChannel.KEPT_DELTAS);
        }
    }

    @Test
    @Order(4)
    void aSlowViewerIsCoalescedToTheLatestBoard() throws Exception {
        try (BoardViewer slow = BoardViewer.slow(node.httpPort());
             BoardViewer fast = BoardViewer.connect(node.httpPort())) {
            String token = token();
            slow.subscribe(setup.eventId, "JURY", null, token);
            slow.subscribe(setup.eventId, "PUBLIC", null, null);
            fast.subscribe(setup.eventId, "JURY", null, token);
            slow.await(m -> is(m, "snapshot"), 5_000);
            slow.await(m -> is(m, "snapshot"), 5_000);
            fast.await(m -> is(m, "snapshot"), 5_000);
            slow.pause();
            int changes = 400;
            for (int i = 0; i < changes; i++) {
                mark();
            }
            List<JsonObject> fastMessages = fast.drain(1_000);
            long last = fastMessages.stream().filter(m -> is(m, "delta")).mapToLong(m -> m.getLong("version")).max()
                    .orElseThrow();
            slow.resume();
            List<JsonObject> slowMessages = slow.drain(1_500);
            long slowLast = slowMessages.stream().filter(m -> "JURY".equals(m.getString("view")))
                    .mapToLong(m -> m.getLong("version", -1L)).max().orElseThrow();
            assertThat(slowLast).as("the slow viewer ends on the latest board").isEqualTo(last);
            assertThat(slowMessages.stream().filter(m -> is(m, "snapshot")).count())
                    .as("what it could not take was replaced by a snapshot").isPositive();
            assertThat(slowMessages.size()).as("it was sent fewer messages than there were changes")
                    .isLessThan(2 * changes);
        }
    }

    @Test
    @Order(5)
    void badMessagesAreAnsweredWithErrorsAndTheJuryBoardNeedsAToken() throws Exception {
        try (BoardViewer viewer = BoardViewer.connect(node.httpPort())) {
            viewer.send(new JsonObject().put("type", "dance"));
            assertThat(viewer.await(m -> is(m, "error"), 5_000).getString("code")).isEqualTo("UNKNOWN_TYPE");
            viewer.subscribe(setup.eventId, "JURY", null, null);
            assertThat(viewer.await(m -> is(m, "error"), 5_000).getString("code")).isEqualTo("ROLE_NOT_ALLOWED");
            viewer.subscribe(987654, "PUBLIC", null, null);
            assertThat(viewer.await(m -> is(m, "error"), 5_000).getString("code")).isEqualTo("NO_BOARD");
            viewer.send(new JsonObject().put("type", "ping"));
            assertThat(viewer.await(m -> is(m, "pong"), 5_000)).isNotNull();
        }
    }

    @Test
    @Order(6)
    void theSameBoardIsAPlainGet() {
        Http http = new Http(node.httpPort());
        JsonObject board = http.get("/api/events/" + setup.eventId + "/board").json();
        assertThat(board.getString("type")).isEqualTo("snapshot");
        assertThat(board.getJsonArray("rows")).isNotEmpty();
        assertThat(http.get("/api/events/" + setup.eventId + "/board?view=JURY").status()).isEqualTo(401);
        JsonObject deltas = http.get("/api/events/" + setup.eventId + "/board?since="
                + (board.getLong("version") - 1)).json();
        assertThat(deltas.getString("type")).isEqualTo("deltas");
        assertThat(deltas.getJsonArray("deltas")).hasSize(1);
    }

    private String token() {
        return new Http(node.httpPort()).post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE))
                .json().getString("token");
    }
}
