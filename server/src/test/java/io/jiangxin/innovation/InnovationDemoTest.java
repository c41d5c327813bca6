package io.jiangxin.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --demo}'s innovation contest: each direction has a seated panel (a head judge and four judges), and every
 * entry carries a title, its numbers and a PDF proposal that a judge of the direction reads blind.
 */
class InnovationDemoTest {

    @Test
    void aDemoPanelJudgeReadsAnEntrysTitleAndPdfBlind() throws Exception {
        try (TestDatabase database = TestDatabase.create();
             JiangxinNode node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), true))) {
            Http http = new Http(node.httpPort());
            Http organizer = http.signIn(Nodes.ORGANIZER_CODE);
            long contest = http.get("/api/contests?kind=INNOVATION").json().getJsonArray("items").getJsonObject(0)
                    .getLong("id");
            JsonObject direction = http.get("/api/contests/" + contest + "/events").json().getJsonArray("items")
                    .stream().map(o -> (JsonObject) o).filter(e -> e.getString("name").equals("高端装备制造"))
                    .findFirst().orElseThrow();
            long event = direction.getLong("id");
            JsonArray panel = organizer.get("/api/events/" + event + "/panel").json().getJsonArray("items");
            assertThat(panel).hasSize(5);
            assertThat(panel.stream().map(o -> ((JsonObject) o).getString("role")).filter("HEAD_JUDGE"::equals))
                    .hasSize(1);

            Http judge = http.signIn("DEMO-P0377");
            JsonArray sheets = judge.get("/api/events/" + event + "/sheets").json().getJsonArray("items");
            assertThat(sheets).hasSize(20);
            long registration = database.queryLong("select r.id from registration r where r.event_id = " + event
                    + " and r.entry_code = '001'");
            JsonObject entry = judge.get("/api/registrations/" + registration + "/entry").json();
            assertThat(entry.getBoolean("blind")).isTrue();
            assertThat(entry.getString("title")).isNotBlank();
            assertThat(entry.containsKey("authors")).isFalse();
            JsonObject pdf = entry.getJsonArray("attachments").getJsonObject(0);
            Http.Download file = judge.download("/api/registrations/" + registration + "/entry/attachments/"
                    + pdf.getLong("id"));
            assertThat(file.status()).isEqualTo(200);
            assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(file.body()).hasSize(pdf.getInteger("size"));
            assertThat(URLEncoder.encode(pdf.getString("fileName"), StandardCharsets.UTF_8)).isNotBlank();
            assertThat(database.queryLong("select count(*) from innovation_entry")).isEqualTo(200);
        }
    }
}
