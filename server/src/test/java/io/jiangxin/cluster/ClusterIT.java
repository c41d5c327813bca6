package io.jiangxin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Three real nodes in this JVM, each its own Hazelcast member on loopback, over one PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private TestDatabase database;
    private final List<JiangxinNode> nodes = new ArrayList<>();
    private final List<Long> registrations = new ArrayList<>();
    private long event;

    /** One organizer session, used on every node: sessions are shared by the cluster. */
    private String token;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes.addAll(Nodes.cluster(database.url(), 3));
        token = new Http(nodes.get(0).httpPort()).post("/api/sessions",
                new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json().getString("token");
    }

    @AfterAll
    void stop() {
        nodes.forEach(JiangxinNode::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void everyNodeReportsAllThreeMembers() {
        for (JiangxinNode node : nodes) {
            JsonObject health = new Http(node.httpPort()).get("/health").json();
            assertThat(health.getString("status")).isEqualTo("UP");
            assertThat(health.getJsonObject("cluster").getInteger("size")).isEqualTo(3);
            assertThat(health.getJsonObject("cluster").getJsonArray("members")).hasSize(3);
        }
    }

    @Test
    @Order(2)
    void writesOnOneNodeAreVisibleThroughEveryNode() {
        Http first = new Http(nodes.get(0).httpPort()).as(token);
        long org = first.post("/api/organizations", new JsonObject().put("name", "歌尔股份有限公司")).id();
        long contest = new Http(nodes.get(1).httpPort()).as(token).post("/api/contests", new JsonObject()
                .put("name", "集群测试赛").put("kind", "SKILLS").put("level", "COUNTY").put("year", 2026)
                .put("organizer", "高密市总工会")).id();
        event = new Http(nodes.get(2).httpPort()).as(token).post("/api/contests/" + contest + "/events",
                new JsonObject().put("name", "钳工")).id();
        // Registrations arrive through every node in turn.
        for (int i = 0; i < 9; i++) {
            Http via = new Http(nodes.get(i % 3).httpPort()).as(token);
            long person = via.post("/api/people", new JsonObject().put("name", "选手" + i).put("employeeNo", "GE" + i)
                    .put("organizationId", org)).id();
            Http.Reply reply = via.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", person));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            registrations.add(reply.id());
        }
        for (JiangxinNode node : nodes) {
            JsonObject page = new Http(node.httpPort()).as(token).get("/api/events/" + event + "/registrations").json();
            assertThat(page.getLong("total")).isEqualTo(9);
            assertThat(page.getJsonArray("items").stream().map(r -> ((JsonObject) r).getString("entryCode")))
                    .containsExactly("001", "002", "003", "004", "005", "006", "007", "008", "009");
        }
    }

    @Test
    @Order(3)
    void aMemberLeavingLosesNoCommittedRegistration() throws Exception {
        nodes.remove(0).close();
        for (JiangxinNode node : nodes) {
            Http http = new Http(node.httpPort()).as(token);
            io.jiangxin.support.Poll.until(java.time.Duration.ofSeconds(30), "a cluster of 2 after a member left",
                    () -> http.get("/health").json().getJsonObject("cluster").getInteger("size") == 2);
            assertThat(http.get("/health").json().getJsonObject("cluster").getInteger("size")).isEqualTo(2);
            for (long registration : registrations) {
                assertThat(http.get("/api/registrations/" + registration).status()).isEqualTo(200);
            }
        }
    }
}
