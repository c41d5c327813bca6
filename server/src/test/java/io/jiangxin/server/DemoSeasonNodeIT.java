package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --demo} gives a season a judge can start marking at once, with the codes the README lists. */
class DemoSeasonNodeIT {

    @Test
    void aDemoJudgeSignsInAndMarksAWeldingSheet() throws Exception {
        try (TestDatabase database = TestDatabase.create();
             JiangxinNode node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), true))) {
            Http http = new Http(node.httpPort());
            long contest = http.get("/api/contests?kind=SKILLS").json().getJsonArray("items").getJsonObject(0)
                    .getLong("id");
            JsonObject welding = http.get("/api/contests/" + contest + "/events?trade=" + java.net.URLEncoder.encode(
                    "焊工", java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items").getJsonObject(0);
            long event = welding.getLong("id");

            Http judge = http.signIn("DEMO-J0022");
            JsonArray sheets = judge.get("/api/events/" + event + "/sheets").json().getJsonArray("items");
            assertThat(sheets).hasSize(20);
            assertThat(sheets.getJsonObject(0).getString("state")).isEqualTo("NOT_STARTED");
            assertThat(sheets.encode()).doesNotContain("entrant");

            Http.Reply mark = JudgingSetup.once(judge).post("/api/events/" + event + "/sheets/001/marks",
                    new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", "W1")
                            .put("value", "32.5"))));
            assertThat(mark.status()).as(mark.body()).isEqualTo(201);

            Http head = http.signIn("DEMO-J0021");
            JsonObject matrix = head.get("/api/events/" + event + "/matrix").json();
            assertThat(matrix.getJsonArray("judges")).hasSize(5);
            assertThat(matrix.getLong("version")).isEqualTo(1);
        }
    }
}
