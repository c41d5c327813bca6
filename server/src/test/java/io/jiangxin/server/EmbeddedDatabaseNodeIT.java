package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.config.Settings;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default path: no database URL, so the node runs its own PostgreSQL under the data directory. */
class EmbeddedDatabaseNodeIT {

    @Test
    void dataSurvivesAStopAndAStart() throws Exception {
        Path data = Files.createTempDirectory("jiangxin-embedded-");
        Settings settings = new Settings(0, null, List.of(), Nodes.freePort(), "127.0.0.1", false, data,
                Nodes.ORGANIZER_CODE, java.time.Duration.ofHours(12));
        long id;
        try (JiangxinNode node = JiangxinNode.start(settings)) {
            Http http = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
            JsonObject health = http.get("/health").json();
            assertThat(health.getString("status")).isEqualTo("UP");
            assertThat(health.getJsonObject("database").getBoolean("embedded")).isTrue();
            id = http.post("/api/organizations", new JsonObject().put("name", "青州卷烟厂")).id();
        }
        assertThat(data.resolve("postgres").resolve("pgdata")).isDirectory();

        try (JiangxinNode node = JiangxinNode.start(settings)) {
            Http.Reply reply = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE).get("/api/organizations/" + id);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().getString("name")).isEqualTo("青州卷烟厂");
        }
    }
}
