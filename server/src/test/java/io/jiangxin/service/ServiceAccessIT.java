package io.jiangxin.service;

import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who sees what on the service platform, and bad input: an enterprise sees only its own needs and file, a craftsman
 * only their orders, union staff everything of their own platform and nothing of another's, the public only
 * published cases; every refusal is a 4xx with a reason, and nothing is half-written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccessIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private TestDatabase database;
    private Http anonymous;
    private Http organizer;
    private ServicePlatformSetup city;
    private ServicePlatformSetup other;

    @BeforeAll
    void start() {
        database = server.database();
        anonymous = server.anonymous();
        organizer = server.organizer();
        city = new ServicePlatformSetup(organizer, anonymous, "奎文", "kuiwen");
        other = new ServicePlatformSetup(organizer, anonymous, "烟台", "yantai");
    }

    private static void refused(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.body()).isEqualTo(error);
        assertThat(reply.json().getString("message")).as("zh-CN first, then English").contains(" / ");
    }

    private static void invalid(Reply reply, String... fields) {
        refused(reply, 400, "INVALID_FIELDS");
        JsonArray details = reply.json().getJsonArray("details");
        assertThat(details.stream().map(d -> ((JsonObject) d).getString("field"))).as(reply.body())
                .contains(fields);
        details.forEach(d -> assertThat(((JsonObject) d).getString("reason")).isNotBlank());
    }

    private long count(String table) {
        return database.queryLong("select count(*) from " + table);
    }

    /** Runs a refused call and checks that no row of the platform's tables changed. */
    private void nothingWritten(Supplier<Reply> call, int status, String error) {
        String tables = "(select count(*) from service_need) + (select count(*) from service_order)"
                + " + (select count(*) from service_transition) + (select count(*) from ladder_evidence)"
                + " + (select count(*) from ladder_ledger)";
        long before = database.queryLong("select " + tables);
        String states = database.queryLong("select count(*) from service_order") == 0 ? "" : stateDigest();
        refused(call.get(), status, error);
        assertThat(database.queryLong("select " + tables)).isEqualTo(before);
        assertThat(database.queryLong("select count(*) from service_order") == 0 ? "" : stateDigest()).isEqualTo(states);
    }

    private String stateDigest() {
        return String.valueOf(database.queryLong("select sum(hashtext(id || state || revision || coalesce(hours::text, ''))"
                + ")::bigint from (select id, state, revision, hours from service_order union all select id, state, 0,"
                + " null from service_need) x"));
    }

    private long acceptedNeed(Http contact) {
        long id = city.weldingNeed(contact).getLong("id");
        assertThat(city.staff.post("/api/service/needs/" + id + "/review", new JsonObject().put("decision", "ACCEPT"))
                .status()).isEqualTo(200);
        return id;
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnNeedsAndFile() {
        long needA = city.weldingNeed(city.contactA).getLong("id");
        // B's list holds none of A's needs; A's need and file are not found for B
        assertThat(city.contactB.get("/api/service/needs").json().getJsonArray("items").stream()
                .map(n -> ((JsonObject) n).getLong("organizationId"))).doesNotContain(city.enterpriseA);
        assertThat(city.contactA.get("/api/service/needs").json().getJsonArray("items").stream()
                .map(n -> ((JsonObject) n).getLong("id"))).contains(needA);
        refused(city.contactB.get("/api/service/needs/" + needA), 404, "NOT_FOUND");
        refused(city.contactB.get("/api/service/enterprises/" + city.enterpriseA), 404, "NOT_FOUND");
        JsonObject file = city.contactA.get("/api/service/enterprises/" + city.enterpriseA).json();
        assertThat(file.getJsonObject("enterprise").getString("name")).isEqualTo("奎文重工有限公司");
        assertThat(file.getJsonArray("needs").stream().map(n -> ((JsonObject) n).getLong("id"))).contains(needA);
        // an enterprise may not publish for another, review, match, dispatch or read the dashboard or lists
        refused(city.contactB.post("/api/service/needs", new JsonObject().put("organizationId", city.enterpriseA)
                .put("title", "冒名需求").put("description", "x").put("chainId", city.chainEquipment)
                .put("kind", "SAFETY").put("mode", "PAIRING").put("place", "某地")), 403, "NOT_YOUR_ENTERPRISE");
        refused(city.contactA.post("/api/service/needs/" + needA + "/review", new JsonObject().put("decision", "ACCEPT")),
                403, "ROLE_NOT_ALLOWED");
        refused(city.contactA.get("/api/service/needs/" + needA + "/suggestions"), 403, "ROLE_NOT_ALLOWED");
        refused(city.contactA.get("/api/service/dashboard"), 403, "ROLE_NOT_ALLOWED");
        refused(city.contactA.get("/api/service/experts"), 403, "ROLE_NOT_ALLOWED");
        refused(city.contactA.get("/api/service/orders"), 403, "ROLE_NOT_ALLOWED");
        // and its token opens nothing outside the platform
        refused(city.contactA.get("/api/contests"), 403, "ROLE_NOT_ALLOWED");
        refused(city.staff.get("/api/people"), 403, "ROLE_NOT_ALLOWED");
        refused(city.staff.get("/api/ladder/me"), 403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void aCraftsmanSeesOnlyTheirOrdersAndStaffOnlyTheirPlatform() {
        long need = acceptedNeed(city.contactA);
        long order = created(city.staff.post("/api/service/needs/" + need + "/dispatch",
                new JsonObject().put("personId", city.welder))).id();
        // the textile craftsman sees none of the welder's orders
        assertThat(city.textileApp.get("/api/service/orders").json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getLong("id"))).doesNotContain(order);
        refused(city.textileApp.get("/api/service/orders/" + order), 404, "NOT_FOUND");
        nothingWritten(() -> city.textileApp.post("/api/service/orders/" + order + "/accept", new JsonObject()),
                404, "NOT_FOUND");
        // a craftsman reads no needs, and may not confirm; an enterprise may not record
        refused(city.welderApp.get("/api/service/needs"), 403, "ROLE_NOT_ALLOWED");
        refused(city.welderApp.get("/api/service/needs/" + need), 403, "ROLE_NOT_ALLOWED");
        nothingWritten(() -> city.contactA.post("/api/service/orders/" + order + "/accept", new JsonObject()),
                403, "ROLE_NOT_ALLOWED");
        // another platform's staff see nothing of this one
        refused(other.staff.get("/api/service/needs/" + need), 404, "NOT_FOUND");
        refused(other.staff.get("/api/service/orders/" + order), 404, "NOT_FOUND");
        refused(other.staff.get("/api/service/enterprises/" + city.enterpriseA), 404, "NOT_FOUND");
        refused(other.staff.get("/api/service/platforms/" + city.platformId), 404, "NOT_FOUND");
        nothingWritten(() -> other.staff.post("/api/service/orders/" + order + "/annul",
                new JsonObject().put("reason", "越权")), 404, "NOT_FOUND");
        assertThat(other.staff.get("/api/service/needs").json().getJsonArray("items").stream()
                .map(n -> ((JsonObject) n).getLong("id"))).doesNotContain(need);
        // nor may they dispatch to a craftsman of this platform's list
        long otherNeed = other.weldingNeed(other.contactA).getLong("id");
        other.staff.post("/api/service/needs/" + otherNeed + "/review", new JsonObject().put("decision", "ACCEPT"));
        nothingWritten(() -> other.staff.post("/api/service/needs/" + otherNeed + "/dispatch",
                new JsonObject().put("personId", city.welder)), 404, "UNKNOWN_REFERENCE");
        // the public: nothing but the published cases
        refused(anonymous.get("/api/service/needs"), 401, "SIGN_IN_REQUIRED");
        refused(anonymous.get("/api/service/orders/" + order), 401, "SIGN_IN_REQUIRED");
        refused(anonymous.get("/api/service/dashboard"), 401, "SIGN_IN_REQUIRED");
        assertThat(anonymous.get("/api/service/platforms/" + city.platformId + "/cases?quarter=2026-Q4").status())
                .isEqualTo(200);
        // organizers run no platform's work
        refused(organizer.get("/api/service/needs"), 403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNothing() {
        nothingWritten(() -> city.contactA.post("/api/service/needs", new JsonObject().put("title", 7)
                .put("chainId", "x").put("kind", "FUN").put("mode", "ONSITE_ONE_TO_ONE").put("place", " ")
                .put("color", "red").put("attachments", new JsonArray().add(new JsonObject().put("name", "图")
                        .put("url", "javascript:alert(1)")))), 400, "INVALID_FIELDS");
        invalid(city.contactA.post("/api/service/needs", new JsonObject().put("title", 7).put("chainId", "x")
                .put("kind", "FUN").put("place", " ").put("color", "red").put("attachments", new JsonArray()
                        .add(new JsonObject().put("name", "图").put("url", "javascript:alert(1)")))),
                "title", "description", "chainId", "kind", "mode", "place", "color", "attachments[0]");
        invalid(city.contactA.post("/api/service/needs", new JsonObject().put("title", "长".repeat(101))
                .put("description", "x".repeat(4001)).put("chainId", city.chainEquipment).put("kind", "SAFETY")
                .put("mode", "PAIRING").put("place", "某地")), "title", "description");
        // another platform's chain is not this platform's
        nothingWritten(() -> city.contactA.post("/api/service/needs", new JsonObject().put("title", "需求")
                .put("description", "x").put("chainId", other.chainEquipment).put("kind", "SAFETY")
                .put("mode", "PAIRING").put("place", "某地")), 404, "UNKNOWN_REFERENCE");
        // staff entering a need gathered on a visit must name the enterprise
        invalid(city.staff.post("/api/service/needs", new JsonObject().put("title", "走访需求").put("description", "x")
                .put("chainId", city.chainEquipment).put("kind", "SAFETY").put("mode", "PAIRING")
                .put("place", "某地")), "organizationId");

        long need = city.weldingNeed(city.contactA).getLong("id");
        invalid(city.staff.post("/api/service/needs/" + need + "/review", new JsonObject().put("decision", "MAYBE")),
                "decision");
        nothingWritten(() -> city.staff.post("/api/service/needs/" + need + "/review",
                new JsonObject().put("decision", "RETURN")), 400, "INVALID_FIELDS");
        // dispatching before review is an illegal transition
        nothingWritten(() -> city.staff.post("/api/service/needs/" + need + "/dispatch",
                new JsonObject().put("personId", city.welder)), 409, "ILLEGAL_TRANSITION");
        // returned, resubmitted by the enterprise, accepted
        assertThat(city.staff.post("/api/service/needs/" + need + "/review", new JsonObject().put("decision", "RETURN")
                .put("reason", "请补充图纸")).json().getJsonObject("state").getString("code")).isEqualTo("RETURNED");
        nothingWritten(() -> city.staff.post("/api/service/needs/" + need + "/review",
                new JsonObject().put("decision", "ACCEPT")), 409, "ILLEGAL_TRANSITION");
        assertThat(city.contactA.post("/api/service/needs/" + need + "/resubmit", new JsonObject()
                .put("description", "已补充图纸")).json().getString("description")).isEqualTo("已补充图纸");
        city.staff.post("/api/service/needs/" + need + "/review", new JsonObject().put("decision", "ACCEPT"));

        invalid(city.staff.post("/api/service/needs/" + need + "/dispatch", new JsonObject()
                .put("personId", city.welder).put("teamId", city.teamEquipment)), "personId");
        invalid(city.staff.post("/api/service/needs/" + need + "/dispatch", new JsonObject()
                .put("personId", city.welder).put("dueOn", "2026-13-01")), "dueOn");
        nothingWritten(() -> city.staff.post("/api/service/needs/" + need + "/dispatch",
                new JsonObject().put("personId", 99_999_999)), 404, "UNKNOWN_REFERENCE");
        // the busy craftsman takes one order at a time: the second dispatch to him is refused
        long first = acceptedNeed(city.contactA);
        created(city.staff.post("/api/service/needs/" + first + "/dispatch", new JsonObject().put("personId", city.busy)));
        nothingWritten(() -> city.staff.post("/api/service/needs/" + need + "/dispatch",
                new JsonObject().put("personId", city.busy)), 409, "CRAFTSMAN_NOT_FREE");

        long order = created(city.staff.post("/api/service/needs/" + need + "/dispatch",
                new JsonObject().put("personId", city.welder))).id();
        String at = "/api/service/orders/" + order;
        // recording before accepting, confirming before recording: 409
        nothingWritten(() -> city.welderApp.post(at + "/record", ServicePlatformSetup.record()), 409,
                "ILLEGAL_TRANSITION");
        nothingWritten(() -> city.contactA.post(at + "/confirm", new JsonObject().put("satisfaction", 5)), 409,
                "ILLEGAL_TRANSITION");
        city.welderApp.post(at + "/accept", new JsonObject());
        nothingWritten(() -> city.welderApp.post(at + "/accept", new JsonObject()), 409, "ILLEGAL_TRANSITION");
        nothingWritten(() -> city.welderApp.post(at + "/record", ServicePlatformSetup.record().put("hours", "6.55")),
                400, "INVALID_FIELDS");
        invalid(city.welderApp.post(at + "/record", ServicePlatformSetup.record().put("hours", 0)
                .put("servedOn", "2999-01-01").put("workersTrained", -1).put("moneySaved", "-5").put("mode", "x")),
                "hours", "servedOn", "workersTrained", "mode");
        invalid(city.welderApp.post(at + "/record", ServicePlatformSetup.record().put("moneySaved", "1.005")),
                "moneySaved");
        invalid(city.welderApp.post(at + "/schedule", new JsonObject().put("date", "soon")), "date");
        assertThat(city.welderApp.post(at + "/record", ServicePlatformSetup.record()).status()).isEqualTo(200);
        invalid(city.contactA.post(at + "/confirm", new JsonObject().put("satisfaction", 6)), "satisfaction");
        invalid(city.contactA.post(at + "/confirm", new JsonObject().put("satisfaction", "5")), "satisfaction");
        nothingWritten(() -> city.staff.post(at + "/reopen", new JsonObject()), 400, "INVALID_FIELDS");
        nothingWritten(() -> city.staff.post(at + "/case", new JsonObject().put("published", true)), 409,
                "NOT_CONFIRMED");
        refused(city.staff.get("/api/service/orders/99999999"), 404, "NOT_FOUND");
        refused(city.staff.get("/api/service/needs?state=LOST"), 400, "INVALID_QUERY");
        refused(anonymous.get("/api/service/platforms/" + city.platformId + "/cases?quarter=2026-Q5"), 400,
                "INVALID_QUERY");
    }

    @Test
    void duplicatesAreConflictsAndUnknownReferencesAreNamed() {
        refused(city.staff.post("/api/service/teams", new JsonObject().put("name", "高端装备服务分队")), 409,
                "DUPLICATE_TEAM");
        refused(city.staff.post("/api/service/chains", new JsonObject().put("name", "纺织服装")), 409, "DUPLICATE_CHAIN");
        refused(city.staff.post("/api/service/enterprises", new JsonObject().put("organizationId", city.enterpriseA)
                .put("chainId", city.chainEquipment).put("region", "奎文区")), 409, "DUPLICATE_ENTERPRISE");
        refused(city.staff.post("/api/service/enterprises", new JsonObject().put("name", "奎文纺织有限公司")
                .put("chainId", city.chainEquipment).put("region", "奎文区")), 409, "DUPLICATE_ORGANIZATION");
        refused(city.staff.post("/api/service/teams", new JsonObject().put("name", "新分队")
                .put("chainId", other.chainTextile)), 404, "UNKNOWN_REFERENCE");
        refused(organizer.post("/api/service/platforms", new JsonObject().put("name", "奎文劳模工匠助企行")
                .put("region", "奎文").put("union", "另一个工会")), 409, "DUPLICATE_PLATFORM");
        // a craftsman on one platform's list is not listed again by another
        refused(other.staff.put("/api/service/experts/" + city.welder, new JsonObject()
                .put("chainIds", new JsonArray().add(other.chainEquipment)).put("region", "芝罘区")), 409,
                "LISTED_ELSEWHERE");
        invalid(city.staff.put("/api/service/experts/" + city.welder, new JsonObject().put("chainIds", new JsonArray())
                .put("region", "奎文区").put("capacity", 0).put("available", "yes")), "chainIds", "capacity", "available");
        refused(city.staff.put("/api/service/experts/99999999", new JsonObject()
                .put("chainIds", new JsonArray().add(city.chainEquipment)).put("region", "奎文区")), 404,
                "UNKNOWN_REFERENCE");
        // staff find the ladder's people to list; others may not search them
        JsonArray found = city.staff.get("/api/service/people?q=" + java.net.URLEncoder.encode("焊工",
                java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items");
        assertThat(found.stream().map(p -> (JsonObject) p).filter(p -> p.getLong("id") == city.welder)
                .findFirst().orElseThrow().getBoolean("listedHere")).isTrue();
        assertThat(found.stream().map(p -> (JsonObject) p).filter(p -> p.getLong("id") == other.welder)
                .findFirst().orElseThrow().getBoolean("listedHere")).isFalse();
        assertThat(found.stream().map(p -> ((JsonObject) p).containsKey("idNumber"))).containsOnly(false);
        refused(city.staff.get("/api/service/people"), 400, "INVALID_QUERY");
        refused(city.contactA.get("/api/service/people?q=x"), 403, "ROLE_NOT_ALLOWED");
        // only organizers open platforms and issue staff codes
        refused(city.staff.post("/api/service/platforms", new JsonObject().put("name", "x").put("region", "x")
                .put("union", "x")), 403, "ROLE_NOT_ALLOWED");
        refused(city.contactA.post("/api/service/teams", new JsonObject().put("name", "企业分队")), 403,
                "ROLE_NOT_ALLOWED");
    }
}
