package io.jiangxin.ladder;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Judging driven through HTTP to sign-off posts contest points automatically; an upheld appeal that changes the
 * ranking, followed by a second sign-off, reverses the old points with counter-entries and posts revision 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderAppealReversalTest {

    private static final String CONTEST = "2026年积分申诉测试赛";

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http j1;
    private Http j2;
    private Http head;
    private long p1;
    private long p2;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        Http organizer = http.signIn(Nodes.ORGANIZER_CODE);
        setup = new JudgingSetup(organizer, CONTEST);
        j1 = http.signIn(setup.j1Code);
        j2 = http.signIn(setup.j2Code);
        head = http.signIn(setup.headCode);
        p1 = organizer.get("/api/registrations/" + setup.entry001).json().getLong("personId");
        p2 = organizer.get("/api/registrations/" + setup.entry002).json().getLong("personId");
        long org = organizer.get("/api/people/" + p1).json().getLong("organizationId");
        LadderTests.importConfig(organizer, "appeal-test", org, false, """
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

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static JsonObject marks(Object... aspectValue) {
        JsonArray marks = new JsonArray();
        for (int i = 0; i < aspectValue.length; i += 2) {
            marks.add(new JsonObject().put("aspectId", aspectValue[i]).put("value", aspectValue[i + 1]));
        }
        return new JsonObject().put("marks", marks);
    }

    private void created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private List<String> ledgerKeys(long person) {
        JsonArray points = setup.organizer.get("/api/ladder/people/" + person).json().getJsonArray("points");
        if (points.isEmpty()) {
            return List.of();
        }
        return points.getJsonObject(0).getJsonArray("entries").stream()
                .map(e -> ((JsonObject) e).getString("sourceKey") + "=" + ((JsonObject) e).getString("points"))
                .sorted().collect(Collectors.toList());
    }

    @Test
    void anAppealThatChangesTheRankingReversesThePointsAndPostsTheNewRevision() {
        String event = "E" + setup.eventId;
        created(once(j1).post(setup.sheet("001") + "/marks", marks("A1", 9, "A2", 9, "Y1", 10)));
        created(once(j2).post(setup.sheet("001") + "/marks", marks("A1", 9, "A2", 9, "Y1", 10)));
        created(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 7, "A2", 7, "Y1", 10)));
        created(once(j2).post(setup.sheet("002") + "/marks", marks("A1", 7, "A2", 7, "Y1", 10)));
        created(once(head).post(setup.sheet("001") + "/lock", new JsonObject()));
        created(once(head).post(setup.sheet("002") + "/lock", new JsonObject()));
        created(once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject()));

        LadderTests.eventually(() -> ledgerKeys(p2).size() == 1, "points posted after the sign-off");
        assertThat(ledgerKeys(p1)).containsExactly("contest_result/" + p1 + "/" + event + "/rev-0=20");
        assertThat(ledgerKeys(p2)).containsExactly("contest_result/" + p2 + "/" + event + "/rev-0=12");

        Reply filed = once(setup.organizer).post("/api/events/" + setup.eventId + "/appeals",
                new JsonObject().put("entryCode", "002").put("statement", "选手认为外观与工艺项评分偏低，申请复核。"));
        created(filed);
        Http arbiter = head.as(null).signIn(setup.arbiterCode);
        created(once(arbiter).post("/api/appeals/" + filed.id() + "/decision", new JsonObject().put("outcome", "UPHELD")
                .put("reopen", new JsonArray().add("A1").add("A2")).put("reason", "录像显示评分偏低，重评")));
        // reopened: nothing changes until the event is signed off again
        assertThat(setup.organizer.post("/api/ladder/events/" + setup.eventId + "/post-results", new JsonObject())
                .json().getBoolean("posted")).isFalse();
        assertThat(ledgerKeys(p2)).hasSize(1);

        created(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 10, "A2", 10)));
        created(once(j2).post(setup.sheet("002") + "/marks", marks("A1", 10, "A2", 10)));
        created(once(head).post(setup.sheet("002") + "/lock", new JsonObject()));
        created(once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject()));

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
