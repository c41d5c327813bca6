package io.jiangxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.fixtures.DemoServicePlatform;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --demo} adds the city platform: chains, four teams, twelve enterprises, 33 craftsmen who are the demo
 * season's people, needs in every state and a year of rated services behind the dashboard, with the demo codes
 * working; a second start on the same database adds nothing.
 */
class ServiceDemoIT {

    @RegisterExtension
    static final TestServer server = TestServer.withDemoSeason();

    @Test
    void theDemoPlatformIsUsableAtOnce() throws Exception {
        Http staff = server.anonymous().signIn(DemoServicePlatform.STAFF_CODE);
        JsonObject dashboard = staff.get("/api/service/dashboard?year=2026").json();
        dashboard.getJsonArray("needsByState").forEach(s -> assertThat(((JsonObject) s).getInteger("count"))
                .as(s.toString()).isPositive());
        JsonObject totals = dashboard.getJsonObject("totals");
        assertThat(totals.getInteger("services")).isEqualTo(132);
        assertThat(totals.getInteger("needs")).isEqualTo(144);
        assertThat(totals.getString("satisfaction")).isNotNull();
        assertThat(dashboard.getJsonArray("months").stream().filter(m -> ((JsonObject) m).getInteger("services") > 0)
                .count()).isGreaterThanOrEqualTo(10);
        assertThat(dashboard.getJsonArray("needsByTeam")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(staff.get("/api/service/experts").json().getJsonArray("items")).hasSize(33);
        assertThat(staff.get("/api/service/enterprises").json().getJsonArray("items")).hasSize(12);

        // the craftsmen are the ladder's people, not copies; a served one has 送技入企 evidence with hours
        long people = server.database().queryLong("select count(*) from person");
        JsonObject expert = staff.get("/api/service/experts?q=" + java.net.URLEncoder.encode("焊接", java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items").getJsonObject(0);
        long served = server.database().queryLong("select person_id from service_order where state = 'CONFIRMED'"
                + " order by id limit 1");
        assertThat(server.database().queryLong("select count(*) from ladder_evidence where kind = 'TECH_SERVICE'"
                + " and person_id = " + served + " and hours is not null")).isPositive();
        String employeeNo = null;
        for (DemoServicePlatform.CraftsmanRow row : DemoServicePlatform.craftsmen()) {
            if (server.database().queryLong("select count(*) from person where id = " + served + " and employee_no = '"
                    + row.employeeNo() + "'") == 1) {
                employeeNo = row.employeeNo();
            }
        }
        assertThat(employeeNo).isNotNull();
        Http craftsman = server.anonymous().signIn("DEMO-CRAFTSMAN-" + employeeNo);
        JsonArray evidence = craftsman.get("/api/ladder/me").json().getJsonArray("evidence");
        assertThat(evidence.stream().map(e -> ((JsonObject) e).getString("kind"))).contains("TECH_SERVICE");
        assertThat(craftsman.get("/api/service/orders").json().getJsonArray("items")).isNotEmpty();
        Http enterprise = server.anonymous().signIn("DEMO-ENTERPRISE-01");
        assertThat(enterprise.get("/api/service/needs").json().getJsonArray("items")).isNotEmpty();
        assertThat(expert).isNotNull();

        // the ladder's tiers show on the resource list and can be searched like honours
        JsonArray seeds = staff.get("/api/service/experts?honour=" + java.net.URLEncoder.encode("种子工匠",
                java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items");
        assertThat(seeds.stream().map(x -> ((JsonObject) x).getLong("personId")))
                .contains(server.database().queryLong("select id from person where employee_no = 'S0001'"));
        assertThat(seeds).allSatisfy(x -> assertThat(((JsonObject) x).getJsonArray("ladderTiers")).contains("种子工匠"));

        // starting again on the same database adds nothing
        long needs = server.database().queryLong("select count(*) from service_need");
        long ledger = server.database().queryLong("select count(*) from ladder_ledger");
        JiangxinNode again = JiangxinNode.start(Nodes.settings(server.database().url(), Nodes.freePort(), List.of(),
                true));
        again.close();
        assertThat(server.database().queryLong("select count(*) from service_need")).isEqualTo(needs);
        assertThat(server.database().queryLong("select count(*) from ladder_ledger")).isEqualTo(ledger);
        assertThat(server.database().queryLong("select count(*) from person")).isEqualTo(people);
    }
}
