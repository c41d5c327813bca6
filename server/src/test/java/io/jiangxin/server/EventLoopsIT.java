package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.config.Operations;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP verticle runs one instance per event loop asked for, and each takes its share of the connections. */
class EventLoopsIT {

    @Test
    void everyHttpInstanceServesConnections() throws Exception {
        int instances = 3;
        try (TestDatabase database = TestDatabase.create();
             JiangxinNode node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), false)
                     .withOperations(Operations.DEFAULTS.withHttpInstances(instances)))) {
            // A new client is a new connection; the instances sharing the port take connections in turn.
            for (int i = 0; i < 3 * instances; i++) {
                assertThat(get(node, "/health/live").statusCode()).isEqualTo(200);
            }
            JsonObject loops = new JsonObject(get(node, "/health").body()).getJsonObject("node")
                    .getJsonObject("eventLoops");
            assertThat(loops.getInteger("httpInstances")).isEqualTo(instances);
            assertThat(loops.getInteger("servingLoops")).isEqualTo(instances);
            JsonArray byLoop = loops.getJsonArray("requestsByLoop");
            assertThat(byLoop).hasSize(instances);
            long total = 0;
            for (int i = 0; i < byLoop.size(); i++) {
                long requests = byLoop.getJsonObject(i).getLong("requests");
                assertThat(requests).isPositive();
                total += requests;
            }
            assertThat(total).isEqualTo(3L * instances + 1);
        }
    }

    private static HttpResponse<String> get(JiangxinNode node, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
