package io.jiangxin.judging;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** Editing a stored score record behind the server's back breaks the hash chain, and both checks say where. */
class TamperEvidenceIT {

    @Test
    void anEditedRecordIsFoundByTheVerificationEndpointAndTheCommand() throws Exception {
        try (TestDatabase database = TestDatabase.create(); JiangxinNode node = Nodes.single(database.url())) {
            Http http = new Http(node.httpPort());
            JudgingSetup setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年防篡改测试赛");
            Http judge = http.signIn(setup.j1Code);
            for (String value : new String[] {"6", "6.5", "7"}) {
                assertThat(once(judge).post(setup.sheet("001") + "/marks", new JsonObject().put("marks",
                        new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", value)))).status())
                        .isEqualTo(201);
            }
            assertThat(verify(database, setup.eventId).status).isZero();

            try (var connection = DriverManager.getConnection(database.url().jdbcUrl())) {
                connection.createStatement().execute("update score_event set new_value = 10 where event_id = "
                        + setup.eventId + " and seq = 2");
            }
            JsonObject verification = setup.organizer.get("/api/events/" + setup.eventId + "/audit/verification").json();
            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getString("firstBreak")).startsWith("seq 2:");
            Run run = verify(database, setup.eventId);
            assertThat(run.status).isEqualTo(1);
            assertThat(run.out).contains("BROKEN").contains("seq 2");
        }
    }

    @Test
    void deletingTheLastRecordIsCaughtAndTheEventIsNoLongerServed() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            JudgingSetup setup;
            String printedHash;
            try (JiangxinNode node = Nodes.single(database.url())) {
                Http http = new Http(node.httpPort());
                setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年日志截断测试赛");
                Http judge = http.signIn(setup.j1Code);
                for (String value : new String[] {"6", "6.5", "7"}) {
                    assertThat(once(judge).post(setup.sheet("001") + "/marks", new JsonObject().put("marks",
                            new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", value)))).status())
                            .isEqualTo(201);
                }
                JsonObject before = setup.organizer.get("/api/events/" + setup.eventId + "/audit/verification").json();
                assertThat(before.getBoolean("intact")).isTrue();
                assertThat(before.getLong("headSeq")).isEqualTo(3);
                printedHash = before.getString("headHash");
                assertThat(before.getString("lastHash")).isEqualTo(printedHash);

                try (var connection = DriverManager.getConnection(database.url().jdbcUrl())) {
                    connection.createStatement().execute("delete from score_event where event_id = " + setup.eventId
                            + " and seq = (select max(seq) from score_event where event_id = " + setup.eventId + ")");
                }
                JsonObject verification = setup.organizer.get("/api/events/" + setup.eventId + "/audit/verification")
                        .json();
                assertThat(verification.getBoolean("intact")).isFalse();
                assertThat(verification.getString("firstBreak")).startsWith("seq 3:").contains("missing");

                // The write path checks the head's record under the chain lock and refuses to bury the cut.
                Http.Reply refused = once(judge).post(setup.sheet("001") + "/marks", new JsonObject().put("marks",
                        new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", "8"))));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().getString("error")).isEqualTo("LOG_BROKEN");
            }
            Run run = verify(database, setup.eventId);
            assertThat(run.status).isEqualTo(1);
            assertThat(run.out).contains("BROKEN").contains("seq 3");
            Run anchored = verify(database, setup.eventId, "--anchor", "3:" + printedHash);
            assertThat(anchored.status).isEqualTo(1);

            // A restarted node rebuilds from the log only after verifying it, and says why it will not.
            try (JiangxinNode restarted = Nodes.single(database.url())) {
                Http http = new Http(restarted.httpPort());
                Http.Reply standings = http.signIn(setup.headCode).get("/api/events/" + setup.eventId + "/standings");
                assertThat(standings.status()).isEqualTo(503);
                assertThat(standings.json().getString("error")).isEqualTo("LOG_BROKEN");
                assertThat(standings.json().getJsonObject("details").getString("firstBreak")).startsWith("seq 3:");
                assertThat(http.get("/api/events/" + setup.eventId + "/board").status()).isEqualTo(503);
                JsonObject health = http.get("/health").json();
                assertThat(health.getString("status")).isEqualTo("DEGRADED");
                assertThat(health.getJsonObject("liveState").getJsonArray("brokenLogs").getJsonObject(0)
                        .getLong("eventId")).isEqualTo(setup.eventId);
            }
        }
    }

    @Test
    void aPrintedHeadIsCheckedAgainstTheLog() throws Exception {
        try (TestDatabase database = TestDatabase.create(); JiangxinNode node = Nodes.single(database.url())) {
            Http http = new Http(node.httpPort());
            JudgingSetup setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年日志锚点测试赛");
            Http judge = http.signIn(setup.j1Code);
            assertThat(once(judge).post(setup.sheet("001") + "/marks", new JsonObject().put("marks",
                    new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", "6")))).status())
                    .isEqualTo(201);
            String path = "/api/events/" + setup.eventId + "/audit/verification";
            String hash = setup.organizer.get(path).json().getString("headHash");
            assertThat(setup.organizer.get(path + "?seq=1&hash=" + hash).json().getBoolean("intact")).isTrue();
            assertThat(verify(database, setup.eventId, "--anchor", "1:" + hash).status).isZero();
            String other = hash.substring(0, 63) + (hash.endsWith("0") ? "1" : "0");
            JsonObject wrong = setup.organizer.get(path + "?seq=1&hash=" + other).json();
            assertThat(wrong.getBoolean("intact")).isFalse();
            assertThat(wrong.getString("firstBreak")).contains("printed");
            assertThat(setup.organizer.get(path + "?seq=9&hash=" + hash).json().getString("firstBreak"))
                    .contains("ends at seq 1");
            Http.Reply bad = setup.organizer.get(path + "?seq=-1&hash=xyz");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("seq").contains("hash");
            assertThat(verify(database, setup.eventId, "--anchor", "1:nothex").status).isEqualTo(2);
        }
    }

    private record Run(int status, String out) {
    }

    private static Run verify(TestDatabase database, long eventId, String... more) {
        StringWriter out = new StringWriter();
        var commandLine = io.jiangxin.server.MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("verify-log", "--database-url",
                database.url().toString(), "--event", String.valueOf(eventId)));
        args.addAll(java.util.List.of(more));
        int status = commandLine.execute(args.toArray(String[]::new));
        return new Run(status, out.toString());
    }
}
