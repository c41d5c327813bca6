package io.jiangxin.ladder;

import static io.jiangxin.ladder.LadderTests.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole workflow through HTTP on two nodes: 推荐 → 初审 → 专家评议 → 实地考察 → 公示 (an objection filed and
 * dismissed) → 命名, each step recorded with who, when and why; the roster; and the quota race, where two
 * organizers name the last slot at once on different nodes and exactly one succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LadderWorkflowApiIT {

    static final String CONFIG = """
            ladders:
              - id: wf-test
                organization: 工作流测试机械厂
                name: 测试机械厂三级工匠
                scope: ENTERPRISE
                tiers:
                  - {code: SEED, name: 种子工匠}
                  - {code: CRAFTSMAN, name: 工匠}
            pointsSchemes:
              - id: wf-test-points
                version: 1
                name: {zh: 测试积分, en: test points}
                categories:
                  - {code: SERVICE, name: {zh: 送技入企, en: technical service}, cap: 20}
            pointTables:
              - id: wf-test-tables
                fixed:
                  - {kind: TECH_SERVICE, qualifier: VISIT, category: SERVICE, points: 2}
            promotionRules:
              - id: wf-test-seed
                version: 1
                effectiveFrom: 2020-01-01
                ladder: wf-test
                targetTier: SEED
                scheme: wf-test-points
                requirements:
                  - {type: MIN_POINTS, minimum: 6}
                quota: {perYear: 2}
              - id: wf-test-craftsman
                version: 1
                effectiveFrom: 2020-01-01
                ladder: wf-test
                targetTier: CRAFTSMAN
                scheme: wf-test-points
                requirements:
                  - {type: TIER_HELD, minYears: 2}
            workflow: {noticeDays: 1, siteVisit: true}
            """;

    private TestDatabase database;
    private List<JiangxinNode> nodes;
    private Http a;
    private Http b;
    private long org;
    private long zhang;
    private long wang;
    private long li;
    private long outsider;
    private final int year = LocalDate.now(LadderTests.SHANGHAI).getYear();

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes = Nodes.cluster(database.url(), 2);
        a = new Http(nodes.get(0).httpPort()).signIn(Nodes.ORGANIZER_CODE);
        b = new Http(nodes.get(1).httpPort()).signIn(Nodes.ORGANIZER_CODE);
        org = LadderTests.organization(a, "工作流测试机械厂");
        zhang = LadderTests.person(a, org, "W001", "张师傅", "焊工", null);
        wang = LadderTests.person(a, org, "W002", "王师傅", "焊工", null);
        li = LadderTests.person(a, org, "W003", "李师傅", "钳工", null);
        outsider = LadderTests.person(a, org, "W004", "赵学徒", "钳工", null);
        LadderTests.importConfig(a, "wf-test", org, false, CONFIG);
        for (long person : List.of(zhang, wang, li)) {
            for (int visit = 1; visit <= 3; visit++) {
                LadderTests.evidence(a, person, "TECH_SERVICE", "SJRQ-" + person + "-" + visit, "VISIT",
                        LocalDate.now(LadderTests.SHANGHAI).minusMonths(visit).toString());
            }
        }
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.forEach(JiangxinNode::close);
        }
        if (database != null) {
            database.close();
        }
    }

    private Reply decide(Http http, long nomination, String action, String why, String at) {
        JsonObject body = new JsonObject().put("action", action).put("why", why);
        if (at != null) {
            body.put("at", at);
        }
        return http.post("/api/ladder/nominations/" + nomination + "/decisions", body);
    }

    private long nominate(long person, String at) {
        Reply reply = a.post("/api/ladders/wf-test/nominations", new JsonObject().put("personId", person)
                .put("tier", "SEED").put("year", year).put("why", "车间推荐：送技入企表现突出").put("at", at));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    /** 推荐 → 初审 → 专家评议 → 实地考察 → 公示, the notice opened {@code noticeHoursAgo} hours ago. */
    private long toPublicNotice(long person, long noticeHoursAgo) {
        long id = nominate(person, hoursAgo(noticeHoursAgo + 12));
        assertThat(decide(a, id, "SUBMIT_FOR_FIRST_REVIEW", "材料齐全，报送初审", hoursAgo(noticeHoursAgo + 11)).status())
                .isEqualTo(201);
        assertThat(decide(b, id, "PASS_FIRST_REVIEW", "初审通过：积分与证明材料相符", hoursAgo(noticeHoursAgo + 10))
                .status()).isEqualTo(201);
        assertThat(decide(a, id, "PASS_EXPERT_REVIEW", "专家组 5 人评议，同意", hoursAgo(noticeHoursAgo + 9)).status())
                .isEqualTo(201);
        Reply notice = decide(b, id, "PASS_SITE_VISIT", "实地考察：工位操作规范", hoursAgo(noticeHoursAgo));
        assertThat(notice.status()).as(notice.body()).isEqualTo(201);
        assertThat(notice.json().getString("state")).isEqualTo("PUBLIC_NOTICE");
        return id;
    }

    @Test
    @Order(1)
    void proposalsExplainRuleEvidenceAndSlotAndWaitlistBeyondTheQuota() {
        Reply reply = a.get("/api/ladders/wf-test/proposals?tier=SEED&year=" + year);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonArray items = reply.json().getJsonArray("items");
        assertThat(items.stream().map(i -> ((JsonObject) i).getString("status")).collect(Collectors.toList()))
                .containsExactly("PROPOSED", "PROPOSED", "WAITLISTED", "NOT_ELIGIBLE");
        JsonObject first = items.getJsonObject(0);
        assertThat(first.getJsonObject("summary").getString("zh")).contains("建议晋升 种子工匠",
                "积分 6 ≥ 6", "名额：" + year + " 年度名额 1/2").doesNotContain("wf-test-seed v1");
        assertThat(first.getJsonObject("eligibility").getJsonArray("evidence").encode()).contains("ledger:tech_service/");
        assertThat(first.getJsonObject("slot").getInteger("yearSlot")).isEqualTo(1);
        assertThat(items.getJsonObject(2).getJsonObject("summary").getString("zh")).contains("候补", "名额已满（2/2）");
        assertThat(items.getJsonObject(3).getLong("personId")).isEqualTo(outsider);
        assertThat(items.getJsonObject(3).getJsonObject("summary").getString("en")).contains("not eligible", "0 < 6");
        // the same question gives the same answer, on either node
        assertThat(b.get("/api/ladders/wf-test/proposals?tier=SEED&year=" + year).json().encode())
                .isEqualTo(reply.json().encode());
    }

    @Test
    @Order(2)
    void theWholeWorkflowIsRecordedStepByStep() {
        long id = toPublicNotice(zhang, 48);
        Reply objection = a.post("/api/ladder/nominations/" + id + "/objections", new JsonObject()
                .put("filedBy", "匿名职工").put("statement", "质疑送技入企次数").put("at", hoursAgo(40)));
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        Reply early = decide(a, id, "NAME", "公示期满", hoursAgo(20));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getString("error")).isEqualTo("OBJECTION_PENDING");
        Reply ruling = b.post("/api/ladder/nominations/" + id + "/objections/O1/ruling", new JsonObject()
                .put("ruling", "DISMISSED").put("why", "核查服务记录，三次均有企业签收").put("at", hoursAgo(10)));
        assertThat(ruling.status()).as(ruling.body()).isEqualTo(201);
        assertThat(ruling.json().getString("state")).isEqualTo("PUBLIC_NOTICE");

        Reply named = decide(a, id, "NAME", "公示无异议，予以命名", null);
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        JsonObject nomination = named.json();
        assertThat(nomination.getString("state")).isEqualTo("NAMED");
        JsonArray decisions = nomination.getJsonArray("decisions");
        assertThat(decisions.stream().map(d -> ((JsonObject) d).getString("action")).collect(Collectors.toList()))
                .containsExactly("NOMINATE", "SUBMIT_FOR_FIRST_REVIEW", "PASS_FIRST_REVIEW", "PASS_EXPERT_REVIEW",
                        "PASS_SITE_VISIT", "FILE_OBJECTION", "RULE_ON_OBJECTION", "NAME");
        JsonObject last = decisions.getJsonObject(decisions.size() - 1);
        assertThat(last.getString("by")).isNotBlank().doesNotContain("#");
        assertThat(last.getLong("byAccount")).as("the account is kept beside the name").isNotNull();
        assertThat(last.getString("why")).isEqualTo("公示无异议，予以命名");
        assertThat(last.getString("at")).isNotBlank();
        assertThat(last.getJsonObject("note").getString("zh")).contains("命名，占用" + year + " 年度名额 1/2");
        assertThat(nomination.getJsonArray("objections").getJsonObject(0).getString("ruling")).isEqualTo("DISMISSED");
        assertThat(nomination.getJsonObject("explanation").getString("status")).isEqualTo("PROPOSED");

        JsonObject roster = a.get("/api/ladders/wf-test/roster").json();
        JsonObject seed = LadderTests.find(roster.getJsonArray("tiers"), "code", "SEED");
        assertThat(seed.getJsonArray("holders").getJsonObject(0).getString("name")).isEqualTo("张师傅");
        JsonObject page = a.get("/api/ladder/people/" + zhang).json();
        assertThat(page.getJsonArray("tiers").getJsonObject(0).getJsonObject("current").getString("tierName"))
                .isEqualTo("种子工匠");
        assertThat(page.getJsonArray("nominations").getJsonObject(0).getString("state")).isEqualTo("NAMED");

        Reply again = decide(a, id, "NAME", "重复命名", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    @Order(3)
    void namingWaitsForTheNoticeToClose() {
        long id = toPublicNotice(outsiderEligible(), 2);
        Reply early = decide(a, id, "NAME", "提前命名", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getString("error")).isEqualTo("NOTICE_OPEN");
        assertThat(early.json().getString("message")).contains("公示期至").contains("naming must wait");
        assertThat(decide(a, id, "WITHDRAW", "本人申请撤回", null).json().getString("state")).isEqualTo("WITHDRAWN");
    }

    private long outsiderEligible() {
        LadderTests.evidence(a, outsider, "TECH_SERVICE", "SJRQ-OUT-1", "VISIT", LocalDate.now(LadderTests.SHANGHAI)
                .minusDays(20).toString());
        LadderTests.evidence(a, outsider, "TECH_SERVICE", "SJRQ-OUT-2", "VISIT", LocalDate.now(LadderTests.SHANGHAI)
                .minusDays(21).toString());
        LadderTests.evidence(a, outsider, "TECH_SERVICE", "SJRQ-OUT-3", "VISIT", LocalDate.now(LadderTests.SHANGHAI)
                .minusDays(22).toString());
        return outsider;
    }

    @Test
    @Order(4)
    void twoOrganizersNamingTheLastSlotAtOnceExactlyOneSucceeds() throws Exception {
        long forWang = toPublicNotice(wang, 30);
        long forLi = toPublicNotice(li, 30);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Reply> viaA = CompletableFuture.supplyAsync(() -> {
            await(go);
            return decide(a, forWang, "NAME", "公示期满，命名", null);
        });
        CompletableFuture<Reply> viaB = CompletableFuture.supplyAsync(() -> {
            await(go);
            return decide(b, forLi, "NAME", "公示期满，命名", null);
        });
        go.countDown();
        List<Reply> replies = List.of(viaA.get(30, TimeUnit.SECONDS), viaB.get(30, TimeUnit.SECONDS));
        assertThat(replies.stream().map(Reply::status).sorted().collect(Collectors.toList()))
                .as(replies.get(0).body() + "\n" + replies.get(1).body()).containsExactly(201, 409);
        Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().getString("error")).isEqualTo("QUOTA_YEAR_FULL");
        assertThat(refused.json().getString("message")).contains("不能命名：" + year + " 年度名额已满（2/2）")
                .contains("cannot name: the " + year + " quota is full (2 of 2)");
        assertThat(database.queryLong("select count(*) from ladder_quota_claim where ladder_id = 'wf-test'"))
                .isEqualTo(2);
        long namedHolders = a.get("/api/ladders/wf-test/roster?tier=SEED").json().getJsonArray("tiers")
                .getJsonObject(0).getJsonArray("holders").size();
        assertThat(namedHolders).isEqualTo(2);
        // the refused nomination is untouched and still in public notice
        Reply loser = refused == replies.get(0) ? a.get("/api/ladder/nominations/" + forWang)
                : a.get("/api/ladder/nominations/" + forLi);
        assertThat(loser.json().getString("state")).isEqualTo("PUBLIC_NOTICE");
    }

    @Test
    @Order(5)
    void badInputIsRefusedWithReasons() {
        Reply bad = a.post("/api/ladders/wf-test/nominations", new JsonObject().put("personId", -3)
                .put("tier", "").put("at", "tomorrow").put("colour", "red"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("field"))
                .collect(Collectors.toList())).contains("personId", "tier", "why", "at", "colour");
        assertThat(a.post("/api/ladders/no-such-ladder/nominations", new JsonObject().put("personId", zhang)
                .put("tier", "SEED").put("why", "x")).status()).isEqualTo(404);
        assertThat(a.get("/api/ladder/nominations/999999").status()).isEqualTo(404);
        Reply duplicate = a.post("/api/ladders/wf-test/nominations", new JsonObject().put("personId", zhang)
                .put("tier", "CRAFTSMAN").put("year", year).put("why", "x"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().getString("error")).isEqualTo("NOT_ELIGIBLE");
        assertThat(duplicate.json().getString("message")).contains("任 种子工匠 0 年 < 2 年");
        Reply again = a.post("/api/ladders/wf-test/nominations", new JsonObject().put("personId", outsider)
                .put("tier", "SEED").put("year", year).put("why", "再次推荐"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("DUPLICATE_NOMINATION");
        Reply notAction = decide(a, 1, "FILE_OBJECTION", "x", null);
        assertThat(notAction.status()).isEqualTo(400);
        Reply badConfig = a.post("/api/ladder-configs", new JsonObject().put("code", "broken").put("organizationId", org)
                .put("yaml", "ladders:\n  - id: x\n    organization: 工作流测试机械厂\n    scope: GALAXY\n    tiers: []\n"));
        assertThat(badConfig.status()).isEqualTo(400);
        assertThat(badConfig.json().getString("error")).isEqualTo("INVALID_CONFIG");
        assertThat(badConfig.json().getJsonArray("details").encode()).contains("ladders[0]");
        // the roster is private here: the public gets 401, a judge would get 403
        assertThat(new Http(nodes.get(0).httpPort()).get("/api/ladders/wf-test/roster").status()).isEqualTo(401);
        assertThat(new Http(nodes.get(0).httpPort()).get("/api/ladders/wf-test/proposals?tier=SEED").status())
                .isEqualTo(401);
        assertThat(a.get("/api/ladders/wf-test/proposals").status()).isEqualTo(400);
        assertThat(a.get("/api/ladders/wf-test/proposals?tier=NOPE").status()).isEqualTo(404);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unused")
    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
