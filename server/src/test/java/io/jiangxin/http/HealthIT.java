package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /health is 503 while the database refuses connections, and healthy again on its own when it comes back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthIT {

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

    @Test
    void healthFollowsTheDatabase() throws Exception {
        Http http = new Http(node.httpPort());
        assertThat(http.get("/health").status()).isEqualTo(200);

        database.allowConnections(false);
        Http.Reply down = http.get("/health");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().getString("status")).isEqualTo("DOWN");
        assertThat(down.json().getJsonObject("database").getString("status")).isEqualTo("DOWN");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.json().getJsonObject("cluster").getInteger("size")).isEqualTo(1);

        database.allowConnections(true);
        int status = io.jiangxin.support.Poll.until(java.time.Duration.ofSeconds(10), "/health answering 200 again",
                () -> http.get("/health").status(), answer -> answer == 200);
        assertThat(status).isEqualTo(200);
    }
}
