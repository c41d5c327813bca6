package io.jiangxin.ladder;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.BoardViewer;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.jiangxin.support.TrainingContest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A training assessment (培训考核, contest kind TRAINING) judged through HTTP to sign-off: its public board is refused
 * over REST and WebSocket while the jury board works; the sign-off records each person's total, pass and rank on the
 * worker's page (organizers only) and posts a passed assessment to the ledger exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingAssessmentIT {

    private static final String CONTEST = "2026年焊工岗位培训考核";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private TestDatabase database;
    private JiangxinNode node;
    private Http anonymous;
    private JudgingPanel panel;
    private JudgingSetup setup;
    private Http head;
    private long p1;
    private long p2;

    @BeforeAll
    void start() throws Exception {
        database = server.database();
        node = server.node();
        anonymous = server.anonymous();
        setup = TrainingContest.setUp(server.organizer(), CONTEST);
        panel = new JudgingPanel(anonymous, setup);
        head = panel.head;
        p1 = panel.personOf(setup.entry001);
        p2 = panel.personOf(setup.entry002);
        LadderTests.importTrainingPoints(setup.organizer, panel.organizationOf(p1), CONTEST);
    }

    private List<String> ledgerKeys(long person) {
        return LadderTests.ledgerKeys(setup.organizer, person);
    }

    private String token(String code) {
        return anonymous.post("/api/sessions", new JsonObject().put("code", code)).json().getString("token");
    }

    private void publicBoardIsRefused() throws Exception {
        Reply board = anonymous.get("/api/events/" + setup.eventId + "/board");
        assertThat(board.status()).as(board.body()).isEqualTo(403);
        assertThat(board.json().getString("error")).isEqualTo("PRIVATE_BOARD");
        assertThat(board.json().getString("message")).contains("培训考核").contains("training assessment");
        Reply asOrganizer = setup.organizer.get("/api/events/" + setup.eventId + "/board?view=PUBLIC");
        assertThat(asOrganizer.status()).as(asOrganizer.body()).isEqualTo(403);
        Reply contest = anonymous.get("/api/contests/" + setup.contestId + "/board");
        assertThat(contest.status()).as(contest.body()).isEqualTo(403);
        assertThat(contest.json().getString("error")).isEqualTo("PRIVATE_BOARD");
        try (BoardViewer viewer = BoardViewer.connect(node.httpPort())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            JsonObject error = viewer.await(m -> "error".equals(m.getString("type")), 5000);
            assertThat(error).isNotNull();
            assertThat(error.getString("code")).isEqualTo("PRIVATE_BOARD");
            assertThat(error.getLong("event")).isEqualTo(setup.eventId);
            viewer.send(new JsonObject().put("type", "subscribe").put("view", "PUBLIC").put("contest", setup.contestId));
            JsonObject contestError = viewer.await(m -> "error".equals(m.getString("type")), 5000);
            assertThat(contestError.getString("code")).isEqualTo("PRIVATE_BOARD");
            assertThat(viewer.drain(300)).noneMatch(m -> "snapshot".equals(m.getString("type")));
        }
    }

    private void juryBoardWorks() throws Exception {
        Reply jury = setup.organizer.get("/api/events/" + setup.eventId + "/board?view=JURY");
        assertThat(jury.status()).as(jury.body()).isEqualTo(200);
        assertThat(jury.json().getString("view")).isEqualTo("JURY");
        Reply asHead = head.get("/api/events/" + setup.eventId + "/board?view=JURY");
        assertThat(asHead.status()).as(asHead.body()).isEqualTo(200);
        try (BoardViewer viewer = BoardViewer.connect(node.httpPort())) {
            viewer.subscribe(setup.eventId, "JURY", null, token(setup.headCode));
            JsonObject snapshot = viewer.await(m -> "snapshot".equals(m.getString("type"))
                    || "error".equals(m.getString("type")), 5000);
            assertThat(snapshot).isNotNull();
            assertThat(snapshot.getString("type")).as(snapshot.encode()).isEqualTo("snapshot");
            assertThat(snapshot.getString("view")).isEqualTo("JURY");
        }
    }

    @Test
    void aSignedOffTrainingAssessmentIsPrivateAndPostedOnce() throws Exception {
        publicBoardIsRefused();
        juryBoardWorks();

        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 2, "A2", 2, "Y1", 10));
        panel.lock("001", "002");
        panel.signOff();

        String key1 = "training_assessment/" + p1 + "/E" + setup.eventId + "/rev-0";
        LadderTests.eventually(() -> ledgerKeys(p1).size() == 1, "the assessment posted after the sign-off");
        assertThat(ledgerKeys(p1)).containsExactly(key1 + "=5");
        assertThat(ledgerKeys(p2)).isEmpty();

        // signed off, the boards stay as they were: public refused, jury open
        publicBoardIsRefused();
        juryBoardWorks();

        JsonObject page1 = setup.organizer.get("/api/ladder/people/" + p1).json();
        JsonArray assessments1 = page1.getJsonArray("assessments");
        assertThat(assessments1).hasSize(1);
        JsonObject a1 = assessments1.getJsonObject(0);
        assertThat(a1.getLong("eventId")).isEqualTo(setup.eventId);
        assertThat(a1.getString("eventName")).contains(CONTEST).contains("焊工");
        assertThat(a1.getBoolean("passed")).isTrue();
        assertThat(a1.getInteger("rank")).isEqualTo(1);
        assertThat(a1.getString("heldOn")).isNotNull();
        assertThat(a1.getInteger("revision")).isZero();
        assertThat(page1.getJsonArray("results")).as("a training assessment is not a contest result").isEmpty();

        JsonObject a2 = setup.organizer.get("/api/ladder/people/" + p2).json().getJsonArray("assessments")
                .getJsonObject(0);
        assertThat(a2.getBoolean("passed")).isFalse();
        assertThat(a2.getInteger("rank")).isEqualTo(2);
        assertThat(a2.getString("total")).isNotNull();
        assertThat(new java.math.BigDecimal(a2.getString("total")))
                .isLessThan(new java.math.BigDecimal(a1.getString("total")));

        // the public never sees a worker's page
        assertThat(anonymous.get("/api/ladder/people/" + p1).status()).isEqualTo(401);
        assertThat(head.get("/api/ladder/people/" + p1).status()).isEqualTo(403);

        // posting again, by hand or by signing off again, adds nothing
        Reply again = setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getBoolean("posted")).isTrue();
        assertThat(again.json().getInteger("entries")).isZero();
        Reply signedAgain = once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject());
        assertThat(signedAgain.status()).as(signedAgain.body()).isEqualTo(409);
        assertThat(signedAgain.json().getString("error")).isEqualTo("ALREADY_SIGNED_OFF");
        Reply third = setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject());
        assertThat(third.json().getInteger("entries")).isZero();
        assertThat(database.queryLong("select count(*) from ladder_ledger")).isEqualTo(1);
        assertThat(database.queryLong("select count(*) from ladder_ledger where source_key = '" + key1 + "'"))
                .isEqualTo(1);
        assertThat(database.queryLong("select count(*) from ladder_assessment")).isEqualTo(2);
        assertThat(database.queryLong("select count(*) from ladder_result")).isZero();
    }
}
