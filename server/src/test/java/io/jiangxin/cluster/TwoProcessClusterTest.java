package io.jiangxin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.Main;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two server processes started as a user would, through {@code main} with {@code --cluster-members} naming
 * each other, and the database URL given in the environment: they form one cluster, share writes, and a
 * SIGTERM makes one leave cleanly.
 */
class TwoProcessClusterTest {

    private final List<Process> processes = new ArrayList<>();
    private TestDatabase database;

    @AfterEach
    void stop() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    private Process launch(int httpPort, int clusterPort, String members, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", String.valueOf(httpPort), "--cluster-port", String.valueOf(clusterPort),
                "--cluster-members", members)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", database.url().toString());
        builder.environment().put("ORGANIZER_CODE", Nodes.ORGANIZER_CODE);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static JsonObject awaitMembers(Http http, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonObject health = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                health = http.get("/health").json();
                if (health.getJsonObject("cluster").getInteger("size") == count) {
                    return health;
                }
            } catch (IllegalStateException notYetListening) {
                // the process is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("cluster did not reach " + count + " members; last health: " + health);
    }

    @Test
    void twoProcessesFormOneClusterAndShareWrites() throws Exception {
        database = TestDatabase.create();
        int[] http = {Nodes.freePort(), Nodes.freePort()};
        int[] cluster = {Nodes.freePort(), Nodes.freePort()};
        String members = "127.0.0.1:" + cluster[0] + ",127.0.0.1:" + cluster[1];
        Path logs = Files.createTempDirectory("jiangxin-procs-");
        Process first = launch(http[0], cluster[0], members, logs.resolve("a.log"));
        launch(http[1], cluster[1], members, logs.resolve("b.log"));

        Http a = new Http(http[0]);
        Http b = new Http(http[1]);
        JsonObject health = awaitMembers(a, 2);
        assertThat(health.getJsonObject("cluster").getJsonArray("members"))
                .containsExactlyInAnyOrder("127.0.0.1:" + cluster[0], "127.0.0.1:" + cluster[1]);
        awaitMembers(b, 2);

        String token = a.post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json()
                .getString("token");
        a = a.as(token);
        b = b.as(token);
        long id = a.post("/api/organizations", new JsonObject().put("name", "潍柴动力股份有限公司")).id();
        assertThat(b.get("/api/organizations/" + id).json().getString("name")).isEqualTo("潍柴动力股份有限公司");

        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(Files.readString(logs.resolve("a.log"))).contains("Jiangxin node stopped");
        awaitMembers(b, 1);
        assertThat(b.get("/api/organizations/" + id).status()).isEqualTo(200);
    }
}
