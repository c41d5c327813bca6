package io.jiangxin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.ServerProcess;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --log-format json}: the server started as an operator would writes only JSON lines; a mark sent with an
 * {@code X-Request-Id} is answered with it, logged with it and stored with it in its score-log record; a request
 * without one gets a fresh id.
 */
class JsonLogIT {

    @Test
    void aRequestIdLeadsFromTheLogLineToTheScoreRecord() throws Exception {
        int clusterPort = Nodes.freePort();
        try (TestDatabase database = TestDatabase.create();
             ServerProcess server = ServerProcess.start(database.url(), clusterPort, List.of(clusterPort),
                     "--log-format", "json")) {
            server.awaitMembers(1);
            JudgingSetup setup = new JudgingSetup(server.http().signIn(Nodes.ORGANIZER_CODE), "2026年日志测试赛");
            Http judge = server.http().signIn(setup.j1Code);

            String requestId = "tablet-7.mark-0001";
            Http.Reply marked = JudgingSetup.once(judge).withHeader("X-Request-Id", requestId).post(
                    setup.sheet("001") + "/marks", new JsonObject().put("marks", new JsonArray()
                            .add(new JsonObject().put("aspectId", "A1").put("value", 7))));
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
            assertThat(marked.headers().firstValue("X-Request-Id")).contains(requestId);
            assertThat(database.queryLong("select count(*) from score_event where request_id = '" + requestId + "'"))
                    .isEqualTo(1);

            Http.Reply other = server.http().get("/health/live");
            assertThat(other.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                    assertThat(id).matches("[0-9a-f]{16}"));
            Http.Reply hostile = server.http().withHeader("X-Request-Id", "bad id\"}{").get("/health/live");
            assertThat(hostile.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                    assertThat(id).matches("[0-9a-f]{16}"));

            Poll.until(Duration.ofSeconds(10), "the access line of the mark", () -> logLines(server).stream()
                    .anyMatch(line -> requestId.equals(line.getString("requestId"))));
            JsonObject access = logLines(server).stream()
                    .filter(line -> requestId.equals(line.getString("requestId"))).findFirst().orElseThrow();
            assertThat(access.getString("logger")).isEqualTo("io.jiangxin.http.access");
            assertThat(access.getString("method")).isEqualTo("POST");
            assertThat(access.getString("path")).endsWith("/marks");
            assertThat(access.getInteger("status")).isEqualTo(201);
            assertThat(access.getString("level")).isEqualTo("INFO");
            assertThat(access.getString("time")).endsWith("Z");
            assertThat(logLines(server)).anySatisfy(line ->
                    assertThat(line.getString("message")).contains("listening"));
        }
    }

    /** Every line the server wrote, each of which must be a JSON object. */
    private static List<JsonObject> logLines(ServerProcess server) {
        try {
            return server.logText().lines().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return new JsonObject(line);
                } catch (DecodeException e) {
                    throw new AssertionError("not a JSON log line: " + line);
                }
            }).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
