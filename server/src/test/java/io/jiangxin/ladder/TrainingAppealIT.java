package io.jiangxin.ladder;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

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
 * An upheld appeal on a training assessment (培训考核) that turns one worker's pass into a fail and another's fail into
 * a pass: after the event is signed off again each assessment has a new revision, the passed revision 0 is reversed
 * by one counter-entry, the newly passed revision 1 is posted once, and posting again changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingAppealIT {

    private static final String CONTEST = "2026年钳工培训考核申诉";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private TestDatabase database;
    private JudgingPanel panel;
    private JudgingSetup setup;
    private long p1;
    private long p2;

    @BeforeAll
    void start() throws Exception {
        database = server.database();
        setup = TrainingContest.setUp(server.organizer(), CONTEST);
        panel = new JudgingPanel(server.anonymous(), setup);
        p1 = panel.personOf(setup.entry001);
        p2 = panel.personOf(setup.entry002);
        LadderTests.importTrainingPoints(setup.organizer, panel.organizationOf(p1), CONTEST);
    }

    private JsonObject page(long person) {
        return setup.organizer.get("/api/ladder/people/" + person).json();
    }

    private List<String> ledgerKeys(long person) {
        return LadderTests.ledgerKeys(setup.organizer, person);
    }

    private String total(long person) {
        return page(person).getJsonArray("points").getJsonObject(0).getJsonArray("standings").getJsonObject(0)
                .getString("total");
    }

    private JsonObject latestAssessment(long person) {
        JsonArray items = page(person).getJsonArray("assessments");
        return items.stream().map(o -> (JsonObject) o).max(java.util.Comparator.comparing(a -> a.getInteger("revision")))
                .orElseThrow();
    }

    @Test
    void anUpheldAppealTurnsAPassIntoAFailAndAFailIntoAPassAndPostsEachChangeOnce() {
        String event = "E" + setup.eventId;
        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 2, "A2", 2, "Y1", 10));
        panel.lock("001", "002");
        panel.signOff();

        String p1Rev0 = "training_assessment/" + p1 + "/" + event + "/rev-0";
        String p2Rev1 = "training_assessment/" + p2 + "/" + event + "/rev-1";
        LadderTests.eventually(() -> ledgerKeys(p1).size() == 1, "the passed assessment posted at sign-off");
        assertThat(ledgerKeys(p1)).containsExactly(p1Rev0 + "=5");
        assertThat(ledgerKeys(p2)).isEmpty();
        assertThat(latestAssessment(p1).getBoolean("passed")).isTrue();
        assertThat(latestAssessment(p2).getBoolean("passed")).isFalse();
        assertThat(total(p1)).isEqualTo("5");

        // 001's work is found below standard on review; 002's marks were entered against the wrong piece
        // (both are filed while the event stands signed off; the first ruling reopens it)
        long first = panel.appeal("001", "复核发现 001 号作品外观与工艺评分偏高，申请复核。");
        long second = panel.appeal("002", "002 号选手认为外观与工艺项评分偏低，申请复核。");
        panel.uphold(first, "复核录像：外观与工艺项重评");
        panel.uphold(second, "复核录像：外观与工艺项重评");
        // reopened: nothing changes until the event is signed off again
        assertThat(setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject())
                .json().getBoolean("posted")).isFalse();
        assertThat(ledgerKeys(p1)).containsExactly(p1Rev0 + "=5");

        panel.markByBothJudges("001", Marks.of("A1", 2, "A2", 2));
        panel.markByBothJudges("002", Marks.of("A1", 9, "A2", 9));
        panel.lock("001", "002");
        panel.signOff();

        LadderTests.eventually(() -> ledgerKeys(p1).size() == 2 && ledgerKeys(p2).size() == 1,
                "the reversal and the new posting after the second sign-off");
        assertThat(ledgerKeys(p1)).containsExactly("reversal/" + p1Rev0 + "=-5", p1Rev0 + "=5");
        assertThat(ledgerKeys(p2)).containsExactly(p2Rev1 + "=5");
        assertThat(total(p1)).isEqualTo("0");
        assertThat(total(p2)).isEqualTo("5");

        JsonObject p1Now = latestAssessment(p1);
        assertThat(p1Now.getInteger("revision")).isEqualTo(1);
        assertThat(p1Now.getBoolean("passed")).isFalse();
        assertThat(p1Now.getInteger("rank")).isEqualTo(2);
        JsonObject p2Now = latestAssessment(p2);
        assertThat(p2Now.getInteger("revision")).isEqualTo(1);
        assertThat(p2Now.getBoolean("passed")).isTrue();
        assertThat(p2Now.getInteger("rank")).isEqualTo(1);
        JsonObject reversal = page(p1).getJsonArray("points").getJsonObject(0).getJsonArray("entries").stream()
                .map(e -> (JsonObject) e).filter(e -> e.getString("reverses") != null).findFirst().orElseThrow();
        assertThat(reversal.getString("reverses")).isEqualTo(p1Rev0);
        assertThat(reversal.getJsonObject("note").getString("zh")).contains("培训考核第 1 版取代第 0 版");

        // exactly once: posting by hand and signing off again add nothing
        Reply again = setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getInteger("entries")).isZero();
        Reply signedAgain = once(panel.head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject());
        assertThat(signedAgain.status()).as(signedAgain.body()).isEqualTo(409);
        assertThat(signedAgain.json().getString("error")).isEqualTo("ALREADY_SIGNED_OFF");
        assertThat(setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject())
                .json().getInteger("entries")).isZero();
        assertThat(database.queryLong("select count(*) from ladder_ledger where category = 'TRAINING'")).isEqualTo(3);
        assertThat(database.queryLong("select count(*) from ladder_ledger where source_key = 'reversal/" + p1Rev0 + "'"))
                .isEqualTo(1);
        assertThat(database.queryLong("select count(*) from ladder_ledger where source_key = '" + p2Rev1 + "'"))
                .isEqualTo(1);
        assertThat(database.queryLong("select count(*) from ladder_assessment")).isEqualTo(4);
        assertThat(database.queryLong("select count(*) from ladder_result")).isZero();
    }
}
