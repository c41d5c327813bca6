package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Points through the server: a scheme with a cap, highest-only and a window (越城-style), hours and fixed tables,
 * a correction as a counter-entry, the direct-qualification shortcut, and explained, deterministic proposals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LadderPointsApiIT {

    static final String CONFIG = """
            ladders:
              - id: pts-test
                organization: 积分测试纺织厂
                name: 积分测试三级工匠
                scope: ENTERPRISE
                tiers:
                  - {code: SEED, name: 种子工匠}
                  - {code: CRAFTSMAN, name: 工匠}
                  - {code: CHIEF, name: 首席工匠}
            pointsSchemes:
              - id: pts
                version: 1
                name: {zh: 测试积分, en: test points}
                categories:
                  - {code: COMPETITION, name: {zh: 竞赛成绩, en: competition}, cap: 20, highestOnly: true, windowYears: 3}
                  - {code: OTHER, name: {zh: 其他, en: other}, cap: 10}
            pointTables:
              - id: pts-tables
                contest:
                  category: COMPETITION
                  rows:
                    - {level: CITY, class: FIRST, ranks: 1-3, points: 15}
                    - {level: PROVINCE, class: FIRST, ranks: 1-3, points: 18}
                hours: {category: OTHER, hoursPerUnit: 8, pointsPerUnit: 1, wholeUnitsOnly: true}
                fixed:
                  - {kind: TECH_SERVICE, qualifier: VISIT, category: OTHER, points: 4}
            promotionRules:
              - id: pts-craftsman
                version: 1
                effectiveFrom: 2020-01-01
                ladder: pts-test
                targetTier: CRAFTSMAN
                scheme: pts
                requirements:
                  - {type: MIN_POINTS, minimum: 100}
                  - {type: TIER_HELD, minYears: 2}
                shortcuts:
                  - id: province-first-prize
                    name: {zh: 省级一等奖直通, en: provincial first prize}
                    band: {level: PROVINCE, award: FIRST_PRIZE}
                    windowYears: 3
                    stepPolicy: MAY_SKIP
                quota: {perYear: 5}
            """;

    private TestDatabase database;
    private JiangxinNode node;
    private Http organizer;
    private long org;
    private long chen;
    private long zhou;
    private final LocalDate today = LocalDate.now(LadderTests.SHANGHAI);

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
        org = LadderTests.organization(organizer, "积分测试纺织厂");
        chen = LadderTests.person(organizer, org, "T001", "陈工", "纺织工", null);
        zhou = LadderTests.person(organizer, org, "T002", "周工", "纺织工", null);
        LadderTests.importConfig(organizer, "pts-test", org, true, CONFIG);
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

    private JsonObject standing(long person) {
        JsonObject page = organizer.get("/api/ladder/people/" + person).json();
        return page.getJsonArray("points").getJsonObject(0).getJsonArray("standings").getJsonObject(0);
    }

    @Test
    @Order(1)
    void capsHighestOnlyAndWindowsApplyToWhatTheServerPosted() {
        LadderTests.result(organizer, chen, "CITY-2025", "CITY", "FIRST", 1, null, today.minusYears(1).toString());
        LadderTests.result(organizer, chen, "PROV-2024", "PROVINCE", "FIRST", 2, null, today.minusYears(2).toString());
        LadderTests.result(organizer, chen, "PROV-2019", "PROVINCE", "FIRST", 1, null, today.minusYears(5).toString());
        for (int i = 1; i <= 4; i++) {
            LadderTests.evidence(organizer, chen, "TECH_SERVICE", "VISIT-" + i, "VISIT", today.minusMonths(i).toString());
        }
        Reply hours = organizer.post("/api/ladder/evidence", new JsonObject().put("personId", chen)
                .put("kind", "TRAINING_HOURS").put("reference", "COURSE-1").put("hours", "15.5")
                .put("effectiveOn", today.minusDays(3).toString()));
        assertThat(hours.status()).as(hours.body()).isEqualTo(201);

        JsonObject standing = standing(chen);
        JsonObject competition = LadderTests.find(standing.getJsonArray("categories"), "category", "COMPETITION");
        assertThat(competition.getString("raw")).isEqualTo("51");
        assertThat(competition.getString("counted")).isEqualTo("18");
        JsonArray verdicts = competition.getJsonArray("entries");
        assertThat(verdicts.encode()).contains("仅计最高一项").contains("不在近 3 年内");
        JsonObject other = LadderTests.find(standing.getJsonArray("categories"), "category", "OTHER");
        assertThat(other.getString("raw")).isEqualTo("17");
        assertThat(other.getString("counted")).isEqualTo("10");
        assertThat(other.getJsonArray("entries").encode()).contains("已达封顶 10");
        assertThat(standing.getString("total")).isEqualTo("28");

        JsonObject page = organizer.get("/api/ladder/people/" + chen).json();
        assertThat(page.getJsonArray("results").size()).isEqualTo(3);
        assertThat(page.getJsonArray("points").getJsonObject(0).getJsonArray("byCategory").size()).isEqualTo(2);
        assertThat(page.getJsonArray("evidence").size()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void aCorrectionIsACounterEntryAndDuplicatesAre409() {
        Reply reversal = organizer.post("/api/ladder/ledger/reversals", new JsonObject().put("config", "pts-test")
                .put("sourceKey", "tech_service/" + chen + "/VISIT-1").put("why", "服务记录无企业签收"));
        assertThat(reversal.status()).as(reversal.body()).isEqualTo(201);
        assertThat(reversal.json().getString("points")).isEqualTo("-4");
        assertThat(reversal.json().getString("reverses")).isEqualTo("tech_service/" + chen + "/VISIT-1");
        JsonObject other = LadderTests.find(standing(chen).getJsonArray("categories"), "category", "OTHER");
        assertThat(other.getString("raw")).isEqualTo("13");
        assertThat(other.getString("counted")).isEqualTo("10");
        Reply twice = organizer.post("/api/ladder/ledger/reversals", new JsonObject().put("config", "pts-test")
                .put("sourceKey", "tech_service/" + chen + "/VISIT-1").put("why", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(organizer.post("/api/ladder/ledger/reversals", new JsonObject().put("config", "pts-test")
                .put("sourceKey", "nope/1").put("why", "x")).status()).isEqualTo(404);
        assertThat(database.queryLong("select count(*) from ladder_ledger where reverses is not null")).isEqualTo(1);

        Reply duplicate = organizer.post("/api/ladder/evidence", new JsonObject().put("personId", chen)
                .put("kind", "TECH_SERVICE").put("reference", "VISIT-2").put("qualifier", "VISIT")
                .put("effectiveOn", today.toString()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().getString("error")).isEqualTo("DUPLICATE_EVIDENCE");
        Reply bad = organizer.post("/api/ladder/evidence", new JsonObject().put("personId", 0).put("kind", "MAGIC")
                .put("effectiveOn", "20-11-2026"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("field"))
                .collect(Collectors.toList())).contains("personId", "kind", "reference", "effectiveOn");
        assertThat(organizer.post("/api/ladder/evidence", new JsonObject().put("personId", 999999)
                .put("kind", "TECH_SERVICE").put("reference", "V").put("qualifier", "VISIT")
                .put("effectiveOn", today.toString())).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aProvincialFirstPrizeQualifiesDirectly() {
        LadderTests.result(organizer, zhou, "PROV-ROBOT-2025", "PROVINCE", "FIRST", 1, "FIRST_PRIZE",
                today.minusMonths(6).toString());
        JsonArray items = organizer.get("/api/ladders/pts-test/proposals?tier=CRAFTSMAN").json().getJsonArray("items");
        JsonObject direct = LadderTests.find(items, "personId", zhou);
        assertThat(direct.getString("status")).isEqualTo("PROPOSED");
        assertThat(direct.getInteger("position")).isEqualTo(1);
        JsonObject eligibility = direct.getJsonObject("eligibility");
        assertThat(eligibility.getString("route")).isEqualTo("SHORTCUT");
        assertThat(eligibility.getJsonObject("shortcut").getString("id")).isEqualTo("province-first-prize");
        assertThat(eligibility.getJsonArray("checks").encode()).contains("WAIVED").contains("直通：省级一等奖直通");
        assertThat(direct.getJsonObject("summary").getString("zh")).contains("直通");
        JsonObject chenRow = LadderTests.find(items, "personId", chen);
        assertThat(chenRow.getString("status")).isEqualTo("NOT_ELIGIBLE");
        assertThat(chenRow.getJsonObject("summary").getString("zh")).contains("积分 28 < 100").contains("未持有 种子工匠");
    }

    @Test
    @Order(4)
    void proposalsAreDeterministicAndExplained() {
        String first = organizer.get("/api/ladders/pts-test/proposals?tier=CRAFTSMAN&asOf=" + today).body();
        for (int i = 0; i < 3; i++) {
            assertThat(organizer.get("/api/ladders/pts-test/proposals?tier=CRAFTSMAN&asOf=" + today).body())
                    .isEqualTo(first);
        }
        JsonObject proposals = new JsonObject(first);
        assertThat(proposals.getString("rule")).isEqualTo("pts-craftsman v1");
        JsonObject top = proposals.getJsonArray("items").getJsonObject(0);
        assertThat(top.getJsonObject("eligibility").getJsonArray("evidence").encode())
                .contains("result:X:PROV-ROBOT-2025/" + zhou);
        assertThat(top.getJsonObject("slot").getJsonObject("label").getString("zh")).contains("年度名额 1/5");
        // a public roster is readable without signing in; proposals are not
        Http anonymous = new Http(node.httpPort());
        assertThat(anonymous.get("/api/ladders/pts-test/roster").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/ladders/pts-test/proposals?tier=CRAFTSMAN").status()).isEqualTo(401);
    }
}
