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
class TamperEvidenceTest {

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

    private record Run(int status, String out) {
    }

    private static Run verify(TestDatabase database, long eventId) {
        StringWriter out = new StringWriter();
        var commandLine = io.jiangxin.server.MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        int status = commandLine.execute("verify-log", "--database-url", database.url().toString(),
                "--event", String.valueOf(eventId));
        return new Run(status, out.toString());
    }
}
