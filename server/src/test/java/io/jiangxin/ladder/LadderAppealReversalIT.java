package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Judging driven through HTTP to sign-off posts contest points automatically; an upheld appeal that changes the
 * ranking, followed by a second sign-off, reverses the old points with counter-entries and posts revision 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderAppealReversalIT {

    private static final String CONTEST = "2026年积分申诉测试赛";

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
        setup = new JudgingSetup(server.organizer(), CONTEST);
        panel = new JudgingPanel(server.anonymous(), setup);
        p1 = panel.personOf(setup.entry001);
        p2 = panel.personOf(setup.entry002);
        LadderTests.importConfig(setup.organizer, "appeal-test", panel.organizationOf(p1), false, """
                ladders:
                  - id: appeal-ladder
                    organization: %s甲厂
                    name: 申诉测试梯队
                    scope: CITY
                    tiers: [{code: CITY_CRAFTSMAN, name: 市级工匠}]
                pointsSchemes:
                  - id: appeal-points
                    version: 1
                    name: 竞赛积分
                    categories: [{code: COMPETITION, name: 竞赛成绩, windowYears: 3}]
                pointTables:
                  - id: appeal-tables
                    contest:
                      category: COMPETITION
                      rows:
                        - {level: CITY, class: FIRST, ranks: 1, points: 20}
                        - {level: CITY, class: FIRST, ranks: 2-3, points: 12}
                """.formatted(CONTEST));
    }

    private List<String> ledgerKeys(long person) {
        return LadderTests.ledgerKeys(setup.organizer, person);
    }

    @Test
    void anAppealThatChangesTheRankingReversesThePointsAndPostsTheNewRevision() {
        String event = "E" + setup.eventId;
        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 7, "A2", 7, "Y1", 10));
        panel.lock("001", "002");
        panel.signOff();

        LadderTests.eventually(() -> ledgerKeys(p2).size() == 1, "points posted after the sign-off");
        assertThat(ledgerKeys(p1)).containsExactly("contest_result/" + p1 + "/" + event + "/rev-0=20");
        assertThat(ledgerKeys(p2)).containsExactly("contest_result/" + p2 + "/" + event + "/rev-0=12");

        long appeal = panel.appeal("002", "选手认为外观与工艺项评分偏低，申请复核。");
        panel.uphold(appeal, "录像显示评分偏低，重评");
        // reopened: nothing changes until the event is signed off again
        assertThat(setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject())
                .json().getBoolean("posted")).isFalse();
        assertThat(ledgerKeys(p2)).hasSize(1);

        panel.markByBothJudges("002", Marks.of("A1", 10, "A2", 10));
        panel.lock("002");
        panel.signOff();

        LadderTests.eventually(() -> ledgerKeys(p2).size() == 3 && ledgerKeys(p1).size() == 3,
                "the reversal after the second sign-off");
        assertThat(ledgerKeys(p2)).containsExactly(
                "contest_result/" + p2 + "/" + event + "/rev-0=12",
                "contest_result/" + p2 + "/" + event + "/rev-1=20",
                "reversal/contest_result/" + p2 + "/" + event + "/rev-0=-12");
        assertThat(ledgerKeys(p1)).containsExactly(
                "contest_result/" + p1 + "/" + event + "/rev-0=20",
                "contest_result/" + p1 + "/" + event + "/rev-1=12",
                "reversal/contest_result/" + p1 + "/" + event + "/rev-0=-20");
        JsonObject page = setup.organizer.get("/api/ladder/people/" + p2).json();
        JsonObject standing = page.getJsonArray("points").getJsonObject(0).getJsonArray("standings").getJsonObject(0);
        assertThat(standing.getString("total")).isEqualTo("20");
        assertThat(page.getJsonArray("results").encode()).contains("\"revision\":1").contains("\"rank\":1");
        JsonObject reversal = page.getJsonArray("points").getJsonObject(0).getJsonArray("entries").stream()
                .map(e -> (JsonObject) e).filter(e -> e.getString("reverses") != null).findFirst().orElseThrow();
        assertThat(reversal.getJsonObject("note").getString("zh")).contains("申诉更正：第 2 名 → 第 1 名");

        // posting again, by hand, adds nothing
        Reply again = setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getInteger("entries")).isZero();
        assertThat(database.queryLong("select count(*) from ladder_ledger")).isEqualTo(6);
        assertThat(database.queryLong("select count(*) from ladder_result where event_key = '" + event + "'"))
                .isEqualTo(4);
        // the ledger is append-only in the database itself
        assertThat(database.queryLong("select count(*) from ladder_event_posting")).isEqualTo(1);
    }
}
