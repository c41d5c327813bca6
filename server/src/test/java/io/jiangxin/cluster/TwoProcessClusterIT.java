package io.jiangxin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Nodes;
import io.jiangxin.support.ServerProcess;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two server processes started as a user would, through {@code main} with {@code --cluster-members} naming
 * each other, and the database URL given in the environment: they form one cluster, share writes, and a
 * SIGTERM makes one leave cleanly.
 */
class TwoProcessClusterIT {

    private TestDatabase database;
    private ServerProcess a;
    private ServerProcess b;

    @AfterEach
    void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoProcessesFormOneClusterAndShareWrites() throws Exception {
        database = TestDatabase.create();
        List<Integer> ports = List.of(Nodes.freePort(), Nodes.freePort());
        a = ServerProcess.start(database.url(), ports.get(0), ports);
        b = ServerProcess.start(database.url(), ports.get(1), ports);

        JsonObject health = a.awaitMembers(2);
        assertThat(health.getJsonObject("cluster").getJsonArray("members"))
                .containsExactlyInAnyOrder("127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1));
        b.awaitMembers(2);

        String token = a.http().post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json()
                .getString("token");
        long id = a.http().as(token).post("/api/organizations", new JsonObject().put("name", "潍柴动力股份有限公司")).id();
        assertThat(b.http().as(token).get("/api/organizations/" + id).json().getString("name"))
                .isEqualTo("潍柴动力股份有限公司");

        assertThat(a.stop()).as("stops on SIGTERM").isTrue();
        assertThat(a.logText()).contains("Jiangxin node stopped");
        b.awaitMembers(1);
        assertThat(b.http().as(token).get("/api/organizations/" + id).status()).isEqualTo(200);
    }
}
