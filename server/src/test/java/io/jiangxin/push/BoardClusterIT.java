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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Two nodes with a viewer on each; freeze and reveal across the cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardClusterIT {

    private TestDatabase database;
    private List<JiangxinNode> nodes;
    private JudgingSetup setup;
    private Http j1OnA;
    private Http j2OnB;
    private Http head;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes = Nodes.cluster(database.url(), 2);
        Http a = new Http(nodes.get(0).httpPort());
        Http b = new Http(nodes.get(1).httpPort());
        setup = new JudgingSetup(a.signIn(Nodes.ORGANIZER_CODE), "2026年集群看板测试赛");
        j1OnA = a.signIn(setup.j1Code);
        j2OnB = b.signIn(setup.j2Code);
        head = b.signIn(setup.headCode);
    }

    @AfterAll
    void stop() {
        nodes.forEach(JiangxinNode::close);
        database.close();
    }

    private static JsonObject marks(Object... aspectValue) {
        JsonArray marks = new JsonArray();
        for (int i = 0; i < aspectValue.length; i += 2) {
            marks.add(new JsonObject().put("aspectId", aspectValue[i]).put("value", aspectValue[i + 1]));
        }
        return new JsonObject().put("marks", marks);
    }

    private static List<Long> versions(List<JsonObject> messages) {
        List<Long> versions = new ArrayList<>();
        messages.stream().filter(m -> "delta".equals(m.getString("type"))).forEach(m -> versions.add(m.getLong("version")));
        return versions;
    }

    @Test
    @Order(1)
    void aMarkOnOneNodeReachesViewersOnBothWithTheSameVersions() throws Exception {
        try (BoardViewer onA = BoardViewer.connect(nodes.get(0).httpPort());
             BoardViewer onB = BoardViewer.connect(nodes.get(1).httpPort())) {
            onA.subscribe(setup.eventId, "PUBLIC", null, null);
            onB.subscribe(setup.eventId, "PUBLIC", null, null);
            long start = onA.await(m -> "snapshot".equals(m.getString("type")), 5_000).getLong("version");
            assertThat(onB.await(m -> "snapshot".equals(m.getString("type")), 5_000).getLong("version"))
                    .isEqualTo(start);

            assertThat(once(j1OnA).post(setup.sheet("001") + "/marks", marks("A1", 8, "A2", 7, "Y1", 10)).status())
                    .isEqualTo(201);
            assertThat(once(j2OnB).post(setup.sheet("001") + "/marks", marks("A1", 9, "A2", 8, "Y1", 10)).status())
                    .isEqualTo(201);
            assertThat(once(j1OnA).post(setup.sheet("002") + "/marks", marks("Y1", 10)).status()).isEqualTo(201);

            List<JsonObject> deltasOnA = onA.drain(1_000);
            List<Long> seenOnA = versions(deltasOnA);
            List<Long> seenOnB = versions(onB.drain(300));
            assertThat(seenOnA).isNotEmpty().isEqualTo(seenOnB);
            // No gaps: each delta starts at the version the one before it ended at, the first at the snapshot's.
            long previous = start;
            for (JsonObject delta : deltasOnA.stream().filter(m -> "delta".equals(m.getString("type"))).toList()) {
                assertThat(delta.getLong("from")).isEqualTo(previous);
                assertThat(delta.getLong("version")).isGreaterThan(previous);
                previous = delta.getLong("version");
            }
        }
    }

    @Test
    @Order(2)
    void aFrozenPublicBoardStaysStillWhileTheJuryBoardMovesAndRevealStepsReachEveryViewer() throws Exception {
        String organizer = new Http(nodes.get(0).httpPort()).post("/api/sessions",
                new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json().getString("token");
        Http control = new Http(nodes.get(0).httpPort()).as(organizer);
        assertThat(once(control).post("/api/events/" + setup.eventId + "/board/freeze", new JsonObject()).status())
                .isEqualTo(201);
        assertThat(once(control).post("/api/events/" + setup.eventId + "/board/freeze", new JsonObject()).status())
                .as("freezing twice").isEqualTo(409);

        try (BoardViewer publicOnA = BoardViewer.connect(nodes.get(0).httpPort());
             BoardViewer publicOnB = BoardViewer.connect(nodes.get(1).httpPort());
             BoardViewer juryOnB = BoardViewer.connect(nodes.get(1).httpPort())) {
            publicOnA.subscribe(setup.eventId, "PUBLIC", null, null);
            publicOnB.subscribe(setup.eventId, "PUBLIC", null, null);
            juryOnB.subscribe(setup.eventId, "JURY", null, organizer);
            JsonObject frozen = publicOnA.await(m -> "snapshot".equals(m.getString("type")), 5_000);
            assertThat(frozen.getBoolean("frozen")).isTrue();
            publicOnB.await(m -> "snapshot".equals(m.getString("type")), 5_000);
            juryOnB.await(m -> "snapshot".equals(m.getString("type")), 5_000);
            String frozenRows = frozen.getJsonArray("rows").encode();

            // 002 overtakes 001 after the freeze.
            assertThat(once(j1OnA).post(setup.sheet("002") + "/marks", marks("A1", 10, "A2", 10)).status())
                    .isEqualTo(201);
            assertThat(once(j2OnB).post(setup.sheet("002") + "/marks", marks("A1", 10, "A2", 10, "Y1", 10)).status())
                    .isEqualTo(201);
            List<JsonObject> jury = juryOnB.drain(1_000);
            assertThat(versions(jury)).as("the jury board moves").isNotEmpty();
            assertThat(publicOnA.drain(300)).as("the public board stays still")
                    .noneMatch(m -> "delta".equals(m.getString("type")));
            assertThat(new Http(nodes.get(1).httpPort()).get("/api/events/" + setup.eventId + "/board").json()
                    .getJsonArray("rows").encode()).isEqualTo(frozenRows);

            Reply step = new Reply(once(control).post("/api/events/" + setup.eventId + "/board/reveal", new JsonObject()));
            assertThat(step.status).isEqualTo(201);
            JsonObject onA = publicOnA.await(m -> "delta".equals(m.getString("type")), 5_000);
            JsonObject onB = publicOnB.await(m -> "delta".equals(m.getString("type")), 5_000);
            assertThat(onA.getString("revealed")).isEqualTo("002").isEqualTo(onB.getString("revealed"));
            assertThat(onA.getLong("version")).isEqualTo(onB.getLong("version"));
            JsonObject revealedRow = onA.getJsonArray("rows").stream().map(r -> (JsonObject) r)
                    .filter(r -> r.getString("entry").equals("002")).findFirst().orElseThrow();
            assertThat(revealedRow.getInteger("position")).as("002 moved up when revealed").isEqualTo(1);

            // Only 002 changed, so nothing is left to reveal; then the board goes live again.
            assertThat(once(control).post("/api/events/" + setup.eventId + "/board/reveal", new JsonObject()).status())
                    .isEqualTo(409);
            assertThat(once(head).post("/api/events/" + setup.eventId + "/board/unfreeze", new JsonObject()).status())
                    .as("only organizers control the board").isEqualTo(403);
            assertThat(once(control).post("/api/events/" + setup.eventId + "/board/unfreeze", new JsonObject())
                    .status()).isEqualTo(201);
            JsonObject live = publicOnB.await(m -> "delta".equals(m.getString("type")), 5_000);
            assertThat(live.getBoolean("frozen")).isFalse();
        }
    }

    private record Reply(int status) {
        Reply(Http.Reply reply) {
            this(reply.status());
        }
    }
}
