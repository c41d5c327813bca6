package io.jiangxin.service;

import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A small city platform built over HTTP, as an organizer and the union's staff would: two chains, two teams, two
 * enterprises with a contact each, four craftsmen (ladder people of 潍城机械厂) on the resource list with their
 * worker codes, and a ladder whose point table prices a platform service (TECH_SERVICE / VISIT) at 2 points.
 */
final class ServicePlatformSetup {

    final long platformId;
    final long chainEquipment;
    final long chainTextile;
    final long teamEquipment;
    final long teamRegion;
    final long enterpriseA;
    final long enterpriseB;
    final Http staff;
    final Http contactA;
    final Http contactB;
    final long welder;
    final long welderFar;
    final long textile;
    final long busy;
    final Http welderApp;
    final Http textileApp;
    final Http busyApp;

    ServicePlatformSetup(Http organizer, Http anonymous, String city, String code) {
        long factory = created(organizer.post("/api/organizations", new JsonObject().put("name", city + "机械厂")
                .put("region", city))).id();
        welder = person(organizer, "张焊工", "W001", factory, "焊工");
        welderFar = person(organizer, "李焊工", "W002", factory, "焊工");
        textile = person(organizer, "王纺织", "W003", factory, "纺织工");
        busy = person(organizer, "赵钳工", "W004", factory, "钳工");
        Reply config = organizer.post("/api/ladder-configs", new JsonObject().put("code", code + "-service")
                .put("organizationId", factory).put("publicRoster", false).put("yaml", """
                        ladders:
                          - id: %s-ladder
                            organization: %s机械厂
                            name: 助企测试梯队
                            scope: ENTERPRISE
                            tiers: [{code: SEED, name: 种子工匠}, {code: CRAFTSMAN, name: 工匠}]
                        pointsSchemes:
                          - id: %s-points
                            version: 1
                            name: 助企积分
                            categories: [{code: OTHER, name: 其他}]
                        pointTables:
                          - id: %s-tables
                            fixed:
                              - {kind: TECH_SERVICE, qualifier: VISIT, category: OTHER, points: 2}
                        """.formatted(code, city, code, code)));
        assertThat(config.status()).as(config.body()).isEqualTo(201);

        JsonObject platform = created(organizer.post("/api/service/platforms", new JsonObject()
                .put("name", city + "劳模工匠助企行").put("region", city).put("union", city + "总工会")
                .put("chains", new JsonArray().add("高端装备").add("纺织服装")))).json();
        platformId = platform.getLong("id");
        chainEquipment = platform.getJsonArray("chains").getJsonObject(0).getLong("id");
        chainTextile = platform.getJsonArray("chains").getJsonObject(1).getLong("id");
        String staffCode = created(organizer.post("/api/service/platforms/" + platformId + "/staff",
                new JsonObject().put("displayName", "工会王干事"))).json().getString("signInCode");
        staff = anonymous.signIn(staffCode);
        teamEquipment = created(staff.post("/api/service/teams", new JsonObject().put("name", "高端装备服务分队")
                .put("chainId", chainEquipment))).id();
        teamRegion = created(staff.post("/api/service/teams", new JsonObject().put("name", "寒亭区服务分队")
                .put("region", "寒亭区"))).id();
        enterpriseA = created(staff.post("/api/service/enterprises", new JsonObject().put("name", city + "重工有限公司")
                .put("chainId", chainEquipment).put("region", "奎文区").put("contactName", "刘经理")
                .put("phone", "0536-1234567"))).json().getLong("organizationId");
        enterpriseB = created(staff.post("/api/service/enterprises", new JsonObject().put("name", city + "纺织有限公司")
                .put("chainId", chainTextile).put("region", "寒亭区"))).json().getLong("organizationId");
        contactA = anonymous.signIn(code(staff.post("/api/service/enterprises/" + enterpriseA + "/contacts",
                new JsonObject().put("displayName", "刘经理"))));
        contactB = anonymous.signIn(code(staff.post("/api/service/enterprises/" + enterpriseB + "/contacts",
                new JsonObject().put("displayName", "陈主任"))));
        list(staff, welder, teamEquipment, chainEquipment, "奎文区", "焊接", "全国劳模", 3);
        list(staff, welderFar, teamEquipment, chainEquipment, "寿光市", "焊接", null, 3);
        list(staff, textile, teamRegion, chainTextile, "寒亭区", "织造", null, 3);
        list(staff, busy, teamEquipment, chainEquipment, "奎文区", "装配", null, 1);
        welderApp = anonymous.signIn(code(staff.post("/api/service/experts/" + welder + "/account", new JsonObject())));
        textileApp = anonymous.signIn(code(staff.post("/api/service/experts/" + textile + "/account", new JsonObject())));
        busyApp = anonymous.signIn(code(staff.post("/api/service/experts/" + busy + "/account", new JsonObject())));
    }

    private static long person(Http organizer, String name, String no, long organization, String trade) {
        return created(organizer.post("/api/people", new JsonObject().put("name", name).put("employeeNo", no)
                .put("organizationId", organization).put("trade", trade))).id();
    }

    private static void list(Http staff, long person, long team, long chain, String region, String specialty,
                             String honour, int capacity) {
        JsonArray honours = honour == null ? new JsonArray() : new JsonArray().add(honour);
        Reply reply = staff.put("/api/service/experts/" + person, new JsonObject().put("teamId", team)
                .put("chainIds", new JsonArray().add(chain)).put("trades", new JsonArray().add("焊工"))
                .put("specialties", new JsonArray().add(specialty)).put("honours", honours).put("region", region)
                .put("capacity", capacity));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static String code(Reply reply) {
        return created(reply).json().getString("signInCode");
    }

    /** A need of enterprise A (高端装备) about welding, published from the contact's phone. */
    JsonObject weldingNeed(Http contact) {
        return created(contact.post("/api/service/needs", new JsonObject().put("title", "厚板焊接变形攻关")
                .put("description", "大型结构件焊接后变形超差，需要焊接专家现场指导").put("chainId", chainEquipment)
                .put("kind", "TECHNICAL_SUPPORT").put("mode", "ONSITE_ONE_TO_ONE").put("urgency", "URGENT")
                .put("place", "奎文区北海路 88 号").put("attachments", new JsonArray().add(new JsonObject()
                        .put("name", "变形照片").put("url", "https://files.example.cn/a/1.jpg"))))).json();
    }

    static JsonObject record() {
        return new JsonObject().put("servedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                .put("hours", "6.5").put("mode", "ONSITE_ONE_TO_ONE").put("workersTrained", 12).put("problemsSolved", 3)
                .put("efficiency", "返修率下降 65%").put("moneySaved", "220000.00")
                .put("summary", "调整焊接顺序和反变形量，变形控制在 2mm 以内");
    }
}
