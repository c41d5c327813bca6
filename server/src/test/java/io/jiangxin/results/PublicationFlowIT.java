package io.jiangxin.results;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.MovableClock;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Publication (公示) through HTTP on a two-node cluster whose nodes share a clock the test moves on: sign-off,
 * publication, public results with names, an appeal in the notice period that is upheld and withdraws the
 * publication (复核中), a new sign-off and publication, the notice end with an appeal still pending, its rejection,
 * and finality, after which appeals are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationFlowIT {

    private final MovableClock clock = new MovableClock();
    private final List<JiangxinNode> nodes = new ArrayList<>();
    private TestDatabase database;
    private ScoredEvent scored;
    private Http organizer;
    private Http publicA;
    private Http publicB;
    private Http arbiter;
    private long otherEvent;
    private long pendingAppeal;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes.addAll(Nodes.cluster(database.url(), 2, clock));
        publicA = new Http(nodes.get(0).httpPort());
        publicB = new Http(nodes.get(1).httpPort());
        organizer = publicA.signIn(Nodes.ORGANIZER_CODE);
        scored = new ScoredEvent(organizer, publicB, "2026年公示流程测试赛");
        arbiter = publicB.signIn(scored.setup.arbiterCode);
        otherEvent = organizer.post("/api/contests/" + scored.setup.contestId + "/events",
                new JsonObject().put("name", "电工").put("trade", "电工")).id();
        scored.markAndLock("001", 9, 9, 10);
        scored.markAndLock("002", 6, 6, 0);
    }

    @AfterAll
    void stop() {
        nodes.forEach(JiangxinNode::close);
        if (database != null) {
            database.close();
        }
    }

    private String event(String suffix) {
        return "/api/events/" + scored.setup.eventId + suffix;
    }

    private Reply publish(Http who, Object body) {
        return who.post(event("/publication"), body);
    }

    private static JsonObject hours(Object value) {
        return new JsonObject().put("noticeHours", value);
    }

    @Test
    @Order(1)
    void beforeSignOffNothingIsPublicAndPublishingIsRefused() {
        Reply notSigned = publish(organizer, hours(72));
        assertThat(notSigned.status()).isEqualTo(409);
        assertThat(notSigned.json().getString("error")).isEqualTo("NOT_SIGNED_OFF");
        assertThat(notSigned.json().getString("message")).contains("签字确认").contains("signed off");

        JsonObject state = publicB.get(event("/publication")).json();
        assertThat(state.getString("state")).isEqualTo("UNPUBLISHED");
        assertThat(state.getBoolean("underReview")).isFalse();
        assertThat(state.getJsonArray("history")).isEmpty();

        Reply anonymous = publicA.get(event("/results"));
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().getString("state")).isEqualTo("UNPUBLISHED");
        assertThat(anonymous.json().containsKey("lines")).isFalse();
        assertThat(anonymous.body()).doesNotContain("选手").doesNotContain("甲厂").doesNotContain("95");

        JsonObject provisional = organizer.get(event("/results")).json();
        assertThat(provisional.getBoolean("provisional")).isTrue();
        assertThat(provisional.getBoolean("namesShown")).isTrue();
        assertThat(line(provisional, "001").getString("entrant")).isEqualTo("选手一");

        JsonObject headView = scored.head.get(event("/results")).json();
        assertThat(headView.getBoolean("provisional")).isTrue();
        assertThat(headView.getBoolean("namesShown")).as("no names before sign-off").isFalse();
        assertThat(line(headView, "001").getString("total")).isEqualTo("95.00");
        assertThat(scored.head.get(event("/results")).body()).doesNotContain("选手");
        assertThat(scored.j1.get(event("/results")).body()).as("a judge reads what the public reads")
                .doesNotContain("选手").doesNotContain("lines");
    }

    @Test
    @Order(2)
    void badRequestsAreRefusedWithTheirReasons() {
        scored.signOff();
        for (Object bad : new Object[] {0, 721, "72", 1.5}) {
            Reply reply = publish(organizer, hours(bad));
            assertThat(reply.status()).as("noticeHours " + bad).isEqualTo(400);
            assertThat(reply.json().getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo("noticeHours");
        }
        Reply missing = publish(organizer, new JsonObject());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getJsonArray("details").encode()).contains("noticeHours");
        Reply unknownField = publish(organizer, hours(72).put("noticeDays", 3));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().getJsonArray("details").encode()).contains("noticeDays");

        assertThat(publish(publicA, hours(72)).status()).isEqualTo(401);
        Reply headJudge = publish(scored.head, hours(72));
        assertThat(headJudge.status()).isEqualTo(403);
        assertThat(headJudge.json().getString("error")).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(publish(arbiter, hours(72)).status()).isEqualTo(403);

        assertThat(organizer.post("/api/events/999999/publication", hours(72)).status()).isEqualTo(404);
        assertThat(publicA.get("/api/events/999999/publication").status()).isEqualTo(404);
        assertThat(publicA.get("/api/events/999999/results").status()).isEqualTo(404);
        assertThat(publicA.get("/api/contests/999999/results").status()).isEqualTo(404);
        assertThat(publicA.get("/api/events/abc/results").status()).isEqualTo(404);
        assertThat(database.queryLong("select count(*) from publication")).isZero();
    }

    @Test
    @Order(3)
    void trainingResultsAreNeverPublished() {
        long contest = organizer.post("/api/contests", new JsonObject().put("name", "2026年焊工培训考核")
                .put("kind", "TRAINING").put("level", "ENTERPRISE").put("year", 2026).put("organizer", "潍柴工会")).id();
        long training = organizer.post("/api/contests/" + contest + "/events",
                new JsonObject().put("name", "焊工考核").put("trade", "焊工")).id();
        Reply refused = organizer.post("/api/events/" + training + "/publication", hours(72));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("error")).isEqualTo("TRAINING_RESULTS_PRIVATE");
        assertThat(refused.json().getString("message")).contains("培训考核").contains("training assessment");

        for (String path : List.of("/api/events/" + training + "/results", "/api/contests/" + contest + "/results",
                "/api/events/" + training + "/publication")) {
            Reply reply = publicB.get(path);
            assertThat(reply.status()).as(path).isEqualTo(403);
            assertThat(reply.json().getString("error")).isEqualTo("PRIVATE_RESULTS");
            assertThat(scored.head.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(organizer.get("/api/contests/" + contest + "/results").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void publishingStartsTheNoticePeriodOnEveryNode() {
        Reply published = publish(organizer, hours(72));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonObject body = published.json();
        assertThat(body.getLong("eventId")).isEqualTo(scored.setup.eventId);
        assertThat(body.getString("state")).isEqualTo("NOTICE");
        assertThat(body.getString("stateLabel")).isEqualTo("公示中");
        Instant at = Instant.parse(body.getString("publishedAt"));
        assertThat(Instant.parse(body.getString("noticeEndsAt"))).isEqualTo(at.plus(Duration.ofHours(72)));
        assertThat(body.getJsonObject("publishedBy").getLong("accountId")).isPositive();
        assertThat(body.getLong("logSeq")).isPositive();
        assertThat(body.getJsonArray("history")).hasSize(1);

        Reply again = publish(organizer, hours(24));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("ALREADY_PUBLISHED");

        JsonObject viaA = organizer.get(event("/publication")).json();
        JsonObject viaB = publicB.get(event("/publication")).json();
        assertThat(viaB.getString("state")).isEqualTo("NOTICE");
        assertThat(viaB.getString("noticeEndsAt")).isEqualTo(viaA.getString("noticeEndsAt"))
                .isEqualTo(body.getString("noticeEndsAt"));
        assertThat(viaB.getJsonArray("history")).isEqualTo(viaA.getJsonArray("history"));
    }

    @Test
    @Order(5)
    void thePublicReadsTheResultsWithNamesAwardsAndTeams() {
        JsonObject results = publicB.get(event("/results")).json();
        assertThat(results.getString("state")).isEqualTo("NOTICE");
        assertThat(results.getBoolean("provisional")).isFalse();
        assertThat(results.getString("noticeEndsAt")).isNotNull();
        JsonObject first = line(results, "001");
        assertThat(first.getInteger("rank")).isEqualTo(1);
        assertThat(first.getString("entrant")).isEqualTo("选手一");
        assertThat(first.getJsonArray("organizations")).containsExactly("2026年公示流程测试赛甲厂");
        assertThat(first.getString("total")).isEqualTo("95.00");
        assertThat(first.getJsonObject("award").getString("nameZh")).isEqualTo("金奖");
        assertThat(first.getJsonObject("award").getString("nameEn")).isEqualTo("Gold");
        JsonObject second = line(results, "002");
        assertThat(second.getInteger("rank")).isEqualTo(2);
        assertThat(second.getString("entrant")).isEqualTo("选手二");
        assertThat(second.getJsonObject("award").getString("code")).isEqualTo("SILVER");
        JsonArray teams = results.getJsonArray("teams");
        assertThat(teams).hasSize(2);
        assertThat(teams.getJsonObject(0).getString("organization")).isEqualTo("2026年公示流程测试赛甲厂");
        assertThat(teams.getJsonObject(0).getInteger("rank")).isEqualTo(1);
        assertThat(teams.getJsonObject(0).getJsonArray("entryCodes")).containsExactly("001");

        JsonObject contest = publicA.get("/api/contests/" + scored.setup.contestId + "/results").json();
        assertThat(contest.getString("contestName")).isEqualTo("2026年公示流程测试赛");
        JsonObject published = contestEvent(contest, scored.setup.eventId);
        assertThat(published.getJsonArray("lines")).isEqualTo(results.getJsonArray("lines"));
        JsonObject unpublished = contestEvent(contest, otherEvent);
        assertThat(unpublished.getString("eventName")).isEqualTo("电工");
        assertThat(unpublished.getString("state")).isEqualTo("UNPUBLISHED");
        assertThat(unpublished.containsKey("lines")).isFalse();
    }

    @Test
    @Order(6)
    void anAppealUpheldDuringTheNoticeWithdrawsThePublication() {
        // Past the event's own 120-minute window after sign-off, but inside the 72-hour notice.
        clock.advance(Duration.ofHours(3));
        Reply filed = once(organizer).post(event("/appeals"),
                new JsonObject().put("entryCode", "002").put("statement", "公示期内选手对工艺项评分提出申诉。"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(publicB.get(event("/publication")).json().getInteger("pendingAppeals")).isEqualTo(1);

        Reply upheld = once(arbiter).post("/api/appeals/" + filed.id() + "/decision", new JsonObject()
                .put("outcome", "UPHELD").put("reopen", new JsonArray().add("A2")).put("reason", "录像显示工艺评分偏低"));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(201);

        JsonObject state = publicA.get(event("/publication")).json();
        assertThat(state.getString("state")).isEqualTo("UNPUBLISHED");
        assertThat(state.getBoolean("underReview")).isTrue();
        JsonObject withdrawn = state.getJsonArray("history").getJsonObject(0);
        assertThat(withdrawn.getString("withdrawnAt")).isNotNull();
        assertThat(withdrawn.getLong("withdrawnByAppeal")).isEqualTo(filed.id());
        assertThat(withdrawn.getString("withdrawnReason")).as("reasons are for organizers").isNull();
        assertThat(organizer.get(event("/publication")).json().getJsonArray("history").getJsonObject(0)
                .getString("withdrawnReason")).isEqualTo("录像显示工艺评分偏低");

        Reply publicView = publicB.get(event("/results"));
        assertThat(publicView.json().getBoolean("underReview")).isTrue();
        assertThat(publicView.json().containsKey("lines")).isFalse();
        assertThat(publicView.body()).doesNotContain("选手");

        Reply notSigned = publish(organizer, hours(72));
        assertThat(notSigned.status()).isEqualTo(409);
        assertThat(notSigned.json().getString("error")).isEqualTo("NOT_SIGNED_OFF");
    }

    @Test
    @Order(7)
    void afterANewSignOffTheOrganizerPublishesAgain() {
        scored.remarkAndLock("002", "A2", 8);
        scored.signOff();
        Reply published = publish(organizer, hours(1));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().getString("state")).isEqualTo("NOTICE");
        assertThat(published.json().getJsonArray("history")).hasSize(2);
        assertThat(database.queryLong("select count(*) from publication where event_id = " + scored.setup.eventId))
                .isEqualTo(2);

        JsonObject results = publicB.get(event("/results")).json();
        assertThat(results.getBoolean("underReview")).isFalse();
        assertThat(line(results, "002").getString("total")).isEqualTo("60.00");
        assertThat(line(results, "002").getString("entrant")).isEqualTo("选手二");

        Reply filed = once(organizer).post(event("/appeals"),
                new JsonObject().put("entryCode", "001").put("statement", "选手二单位对第一名的尺寸项提出申诉。"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        pendingAppeal = filed.id();
    }

    @Test
    @Order(8)
    void aPendingAppealAtTheNoticeEndKeepsTheResultsFromBeingFinalUntilItIsRuled() {
        clock.advance(Duration.ofHours(2));
        JsonObject waiting = publicA.get(event("/publication")).json();
        assertThat(waiting.getString("state")).isEqualTo("NOTICE");
        assertThat(waiting.getBoolean("awaitingRuling")).isTrue();
        assertThat(waiting.getInteger("pendingAppeals")).isEqualTo(1);

        Reply late = once(organizer).post(event("/appeals"),
                new JsonObject().put("entryCode", "002").put("statement", "公示期满后的申诉。"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().getString("error")).isEqualTo("APPEAL_WINDOW_CLOSED");

        Reply rejected = once(arbiter).post("/api/appeals/" + pendingAppeal + "/decision",
                new JsonObject().put("outcome", "REJECTED").put("reason", "尺寸复测合格，维持原成绩"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
    }

    @Test
    @Order(9)
    void afterTheNoticeTheResultsAreFinalOnBothNodesAndAppealsAreRefused() {
        JsonObject viaA = publicA.get(event("/publication")).json();
        JsonObject viaB = organizer.get(event("/publication")).json();
        assertThat(viaA.getString("state")).isEqualTo(viaB.getString("state")).isEqualTo("FINAL");
        assertThat(viaA.getString("finalAt")).isEqualTo(viaB.getString("finalAt")).isNotNull();
        assertThat(viaA.getString("finalAt")).isEqualTo(viaA.getString("appealsCloseAt"));
        assertThat(publicB.get(event("/publication")).json().getString("finalAt")).isEqualTo(viaA.getString("finalAt"));

        Reply refused = once(organizer).post(event("/appeals"),
                new JsonObject().put("entryCode", "002").put("statement", "成绩最终后再次申诉。"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("error")).isEqualTo("RESULTS_FINAL");
        assertThat(refused.json().getString("message")).contains("最终成绩").contains("final");

        JsonObject results = publicB.get(event("/results")).json();
        assertThat(results.getString("state")).isEqualTo("FINAL");
        assertThat(line(results, "001").getJsonObject("award").getString("nameZh")).isEqualTo("金奖");
        assertThat(publicA.get(event("/results")).json().getJsonArray("lines"))
                .isEqualTo(results.getJsonArray("lines"));
        Reply twice = publish(organizer, hours(72));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("error")).isEqualTo("ALREADY_PUBLISHED");
    }

    static JsonObject line(JsonObject results, String code) {
        return results.getJsonArray("lines").stream().map(l -> (JsonObject) l)
                .filter(l -> code.equals(l.getString("entryCode"))).findFirst().orElseThrow();
    }

    private static JsonObject contestEvent(JsonObject contest, long eventId) {
        return contest.getJsonArray("events").stream().map(e -> (JsonObject) e)
                .filter(e -> e.getLong("eventId") == eventId).findFirst().orElseThrow();
    }
}
