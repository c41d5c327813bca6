package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /health/live answers while the process runs; /health/ready only while the node can serve: not while the
 * database is away, not while live state catches up with the score log, not once it is stopping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessIT {

    private TestDatabase database;
    private JiangxinNode node;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.allowConnections(true);
            database.close();
        }
    }

    private static List<String> blockers(Http.Reply reply) {
        return reply.json().getJsonArray("notReady").stream().map(o -> ((JsonObject) o).getString("check")).toList();
    }

    @Test
    void readyFollowsDatabaseCatchUpAndStop() throws Exception {
        Http http = new Http(node.httpPort());
        Poll.until(Duration.ofSeconds(20), "ready", () -> http.get("/health/ready").status() == 200);
        Http.Reply ready = http.get("/health/ready");
        assertThat(ready.json().getString("status")).isEqualTo("READY");
        assertThat(ready.json().getInteger("clusterSize")).isEqualTo(1);
        assertThat(http.get("/health/live").status()).isEqualTo(200);

        database.allowConnections(false);
        try {
            Http.Reply down = http.get("/health/ready");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().getString("status")).isEqualTo("NOT_READY");
            assertThat(blockers(down)).containsExactly("database");
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            // Alive all the same: a liveness probe must not restart a node because its database is away.
            assertThat(http.get("/health/live").status()).isEqualTo(200);
        } finally {
            database.allowConnections(true);
        }
        Poll.until(Duration.ofSeconds(20), "ready", () -> http.get("/health/ready").status() == 200);

        Promise<Integer> catchUp = Promise.promise();
        node.readiness().catchingUp(catchUp.future());
        Http.Reply catching = http.get("/health/ready");
        assertThat(catching.status()).isEqualTo(503);
        assertThat(blockers(catching)).containsExactly("liveState");
        catchUp.complete(3);
        assertThat(http.get("/health/ready").status()).isEqualTo(200);

        node.readiness().stopping();
        Http.Reply stopping = http.get("/health/ready");
        assertThat(stopping.status()).isEqualTo(503);
        assertThat(blockers(stopping)).containsExactly("stopping");
        assertThat(http.get("/health/live").status()).isEqualTo(200);
    }
}
