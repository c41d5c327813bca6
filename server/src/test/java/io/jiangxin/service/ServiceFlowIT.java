package io.jiangxin.service;

import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole service flow over HTTP on a two-node cluster, each call going to one node or the other: an enterprise
 * publishes a need from its phone, the union reviews it, asks for a match and dispatches it, the craftsman accepts,
 * schedules and records the service, the enterprise confirms and rates it, and the craftsman's ladder points are
 * posted once; the union then annuls another confirmed service and its points are reversed by a counter-entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceFlowIT {

    private TestDatabase database;
    private final List<JiangxinNode> nodes = new ArrayList<>();
    private ServicePlatformSetup city;
    private Http one;
    private Http two;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes.addAll(Nodes.cluster(database.url(), 2));
        one = new Http(nodes.get(0).httpPort());
        two = new Http(nodes.get(1).httpPort());
        city = new ServicePlatformSetup(one.signIn(Nodes.ORGANIZER_CODE), one, "潍城", "weicheng");
    }

    @AfterAll
    void stop() {
        nodes.forEach(JiangxinNode::close);
        if (database != null) {
            database.close();
        }
    }

    /** The same session, its calls sent to the other node. */
    private Http onTwo(Http client) {
        return client.at(nodes.get(1).httpPort());
    }

    private static JsonObject ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private long ledgerRows(long person) {
        return database.queryLong("select count(*) from ladder_ledger where person_id = " + person);
    }

    private String points(Http craftsman) {
        JsonObject me = ok(craftsman.get("/api/ladder/me"));
        return me.getJsonArray("points").getJsonObject(0).getJsonArray("standings").getJsonObject(0).getString("total");
    }

    @Test
    void aNeedGoesFromThePhoneToARatedServiceAndPointsArePostedOnce() {
        // 1. the enterprise publishes (node one)
        JsonObject need = city.weldingNeed(city.contactA);
        long needId = need.getLong("id");
        assertThat(need.getJsonObject("state").getString("code")).isEqualTo("SUBMITTED");
        assertThat(need.getString("source")).isEqualTo("ONLINE");
        assertThat(need.getJsonObject("kind").getString("label")).isEqualTo("技术支持 / technical support");

        // 2. the union reviews it (node two)
        Http staff2 = onTwo(city.staff);
        JsonObject reviewed = ok(staff2.post("/api/service/needs/" + needId + "/review",
                new JsonObject().put("decision", "ACCEPT")));
        assertThat(reviewed.getJsonObject("state").getString("code")).isEqualTo("ACCEPTED");

        // 3. matching: the in-chain welder of the same region, with reasons, comes first
        JsonObject suggestions = ok(city.staff.get("/api/service/needs/" + needId + "/suggestions"));
        assertThat(suggestions.getBoolean("inChainOnly")).isTrue();
        JsonArray items = suggestions.getJsonArray("items");
        assertThat(items.getJsonObject(0).getLong("personId")).isEqualTo(city.welder);
        assertThat(items.stream().map(i -> ((JsonObject) i).getLong("personId")))
                .doesNotContain(city.textile);
        JsonArray reasons = items.getJsonObject(0).getJsonArray("reasons");
        assertThat(reasons.stream().map(r -> ((JsonObject) r).getString("code")))
                .contains("CHAIN", "SPECIALTY", "REGION", "HONOUR");
        int sum = reasons.stream().mapToInt(r -> ((JsonObject) r).getInteger("points")).sum();
        assertThat(items.getJsonObject(0).getInteger("score")).isEqualTo(sum);

        // 4. dispatch to the welder (node one)
        JsonObject order = created(city.staff.post("/api/service/needs/" + needId + "/dispatch",
                new JsonObject().put("personId", city.welder))).json();
        long orderId = order.getLong("id");
        assertThat(order.getJsonObject("state").getString("code")).isEqualTo("OFFERED");
        assertThat(order.getString("dueOn")).isEqualTo(java.time.LocalDate.parse(order.getString("dispatchedOn"))
                .plusDays(7).toString());

        // 5. the craftsman sees it in 我的工单 and accepts, schedules and records it (nodes alternate)
        JsonObject mine = ok(onTwo(city.welderApp).get("/api/service/orders"));
        assertThat(mine.getJsonArray("items")).hasSize(1);
        ok(city.welderApp.post("/api/service/orders/" + orderId + "/accept", new JsonObject()));
        ok(onTwo(city.welderApp).post("/api/service/orders/" + orderId + "/schedule",
                new JsonObject().put("date", order.getString("dispatchedOn"))));
        JsonObject recorded = ok(city.welderApp.post("/api/service/orders/" + orderId + "/record",
                ServicePlatformSetup.record()));
        assertThat(recorded.getJsonObject("state").getString("code")).isEqualTo("RECORDED");
        assertThat(recorded.getJsonObject("service").getString("hours")).isEqualTo("6.5");
        assertThat(recorded.getJsonObject("service").getString("moneySaved")).isEqualTo("220000.00");
        assertThat(ledgerRows(city.welder)).isZero();

        // 6. the enterprise confirms and rates it; the points are posted in the same transaction
        JsonObject confirmed = ok(onTwo(city.contactA).post("/api/service/orders/" + orderId + "/confirm",
                new JsonObject().put("satisfaction", 5).put("comment", "问题彻底解决")));
        assertThat(confirmed.getJsonObject("state").getString("code")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getJsonObject("points").getInteger("posted")).isEqualTo(1);
        assertThat(ledgerRows(city.welder)).isEqualTo(1);
        assertThat(database.queryLong("select count(*) from ladder_evidence where person_id = " + city.welder
                + " and kind = 'TECH_SERVICE' and hours = 6.5")).isEqualTo(1);
        assertThat(points(city.welderApp)).isEqualTo("2");

        // confirming again is an illegal transition, and posts nothing more
        Reply again = city.contactA.post("/api/service/orders/" + orderId + "/confirm",
                new JsonObject().put("satisfaction", 5));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(ledgerRows(city.welder)).isEqualTo(1);

        // the need is completed, with every step's who, when and why
        JsonObject done = ok(onTwo(city.contactA).get("/api/service/needs/" + needId));
        assertThat(done.getJsonObject("state").getString("code")).isEqualTo("COMPLETED");
        assertThat(done.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")))
                .containsExactly("PUBLISH", "ACCEPT", "DISPATCH", "TAKE", "SCHEDULE", "RECORD", "CONFIRM");
        assertThat(done.getJsonArray("history").getJsonObject(6).getString("by")).isEqualTo("刘经理");

        // the satisfaction now counts in the welder's next match
        JsonObject expert = ok(city.staff.get("/api/service/experts?q=张焊工")).getJsonArray("items").getJsonObject(0);
        assertThat(expert.getString("satisfaction")).isEqualTo("5.00");

        // published as a case, the public may read it (and only then)
        String quarter = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "-Q"
                + ((java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getMonthValue() - 1) / 3 + 1);
        String cases = "/api/service/platforms/" + city.platformId + "/cases?quarter=" + quarter;
        assertThat(ok(one.get(cases)).getJsonArray("items")).isEmpty();
        ok(city.staff.post("/api/service/orders/" + orderId + "/case", new JsonObject().put("published", true)));
        JsonArray published = ok(two.get(cases)).getJsonArray("items");
        assertThat(published).hasSize(1);
        assertThat(published.getJsonObject(0).getString("title")).isEqualTo("厚板焊接变形攻关");
        assertThat(published.getJsonObject(0).containsKey("personId")).isFalse();
    }

    @Test
    void anAnnulledServiceIsReversedAndAReopenedOneEarnsOnceMore() {
        long needId = city.weldingNeed(city.contactA).getLong("id");
        ok(city.staff.post("/api/service/needs/" + needId + "/review", new JsonObject().put("decision", "ACCEPT")));
        long orderId = created(city.staff.post("/api/service/needs/" + needId + "/dispatch",
                new JsonObject().put("teamId", city.teamEquipment))).id();
        // a team order: a member of the team takes it
        ok(onTwo(city.welderApp).post("/api/service/orders/" + orderId + "/accept", new JsonObject()));
        ok(city.welderApp.post("/api/service/orders/" + orderId + "/record", ServicePlatformSetup.record()));
        long before = ledgerRows(city.welder);
        ok(city.contactA.post("/api/service/orders/" + orderId + "/confirm", new JsonObject().put("satisfaction", 4)));
        assertThat(ledgerRows(city.welder)).isEqualTo(before + 1);

        // reopened: the points are reversed, and recording and confirming again posts under the next revision
        JsonObject reopened = ok(onTwo(city.staff).post("/api/service/orders/" + orderId + "/reopen",
                new JsonObject().put("reason", "工时填写有误")));
        assertThat(reopened.getJsonObject("points").getInteger("reversed")).isEqualTo(1);
        assertThat(reopened.getInteger("revision")).isEqualTo(2);
        assertThat(reopened.getJsonObject("state").getString("code")).isEqualTo("ACCEPTED");
        ok(city.welderApp.post("/api/service/orders/" + orderId + "/record", ServicePlatformSetup.record()));
        JsonObject second = ok(city.contactA.post("/api/service/orders/" + orderId + "/confirm",
                new JsonObject().put("satisfaction", 4)));
        assertThat(second.getJsonObject("points").getInteger("posted")).isEqualTo(1);
        assertThat(ledgerRows(city.welder)).isEqualTo(before + 3);

        // annulled: a counter-entry; the sum of the service's entries is zero again
        JsonObject annulled = ok(city.staff.post("/api/service/orders/" + orderId + "/annul",
                new JsonObject().put("reason", "服务未实际开展")));
        assertThat(annulled.getJsonObject("state").getString("code")).isEqualTo("ANNULLED");
        assertThat(annulled.getJsonObject("points").getInteger("reversed")).isEqualTo(1);
        assertThat(ledgerRows(city.welder)).isEqualTo(before + 4);
        String keys = "'%tech_service/" + city.welder + "/SVC-" + orderId + "-r%'";
        assertThat(database.queryLong("select count(*) from ladder_ledger where source_key like " + keys)).isEqualTo(4);
        assertThat(database.queryLong("select coalesce(sum(points), 0)::bigint from ladder_ledger where source_key"
                + " like " + keys)).isZero();
        JsonObject need = ok(city.staff.get("/api/service/needs/" + needId));
        assertThat(need.getJsonObject("state").getString("code")).isEqualTo("ANNULLED");
        assertThat(need.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("reason")))
                .contains("工时填写有误", "服务未实际开展");

        // annulled is final
        Reply twice = onTwo(city.staff).post("/api/service/orders/" + orderId + "/annul",
                new JsonObject().put("reason", "再次作废"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(ledgerRows(city.welder)).isEqualTo(before + 4);
    }

    @Test
    void twoConfirmationsAtOnceOnTwoNodesPostOnce() throws Exception {
        long needId = city.weldingNeed(city.contactA).getLong("id");
        ok(city.staff.post("/api/service/needs/" + needId + "/review", new JsonObject().put("decision", "ACCEPT")));
        long orderId = created(city.staff.post("/api/service/needs/" + needId + "/dispatch",
                new JsonObject().put("personId", city.welder))).id();
        ok(city.welderApp.post("/api/service/orders/" + orderId + "/accept", new JsonObject()));
        ok(city.welderApp.post("/api/service/orders/" + orderId + "/record", ServicePlatformSetup.record()));
        long before = ledgerRows(city.welder);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> city.contactA.post("/api/service/orders/" + orderId + "/confirm",
                    new JsonObject().put("satisfaction", 5)));
            var second = pool.submit(() -> onTwo(city.contactA).post("/api/service/orders/" + orderId + "/confirm",
                    new JsonObject().put("satisfaction", 4)));
            List<Integer> statuses = List.of(first.get().status(), second.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(ledgerRows(city.welder)).isEqualTo(before + 1);
        assertThat(database.queryLong("select count(*) from service_transition where order_id = " + orderId
                + " and action = 'CONFIRM'")).isEqualTo(1);
    }
}
