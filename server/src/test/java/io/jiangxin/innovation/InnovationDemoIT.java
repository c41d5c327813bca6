package io.jiangxin.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.app.InnovationRoundsDemo;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code --demo}'s innovation contest: each direction has a seated panel (a head judge and four judges), and every
 * entry carries a title, its numbers and a PDF proposal that a judge of the direction reads blind. Two directions run
 * rounds: a finished, normalised 初赛 whose order normalisation changes and a 复赛 in progress; and a 决赛 ready to
 * run live with its entries' documents and earlier rounds' totals carried along.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InnovationDemoIT {

    private TestDatabase database;
    private JiangxinNode node;
    private Http http;
    private Http organizer;
    private long contest;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), true));
        http = new Http(node.httpPort());
        organizer = http.signIn(Nodes.ORGANIZER_CODE);
        contest = http.get("/api/contests?kind=INNOVATION").json().getJsonArray("items").getJsonObject(0).getLong("id");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private long event(String name) {
        return http.get("/api/contests/" + contest + "/events?size=100").json().getJsonArray("items").stream()
                .map(o -> (JsonObject) o).filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow()
                .getLong("id");
    }

    @Test
    void aDemoPanelJudgeReadsAnEntrysTitleAndPdfBlind() throws Exception {
        long event = event("高端装备制造");
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
        assertThat(database.queryLong("select count(*) from registration r join event e on e.id = r.event_id"
                + " join contest c on c.id = e.contest_id left join innovation_entry i on i.registration_id = r.id"
                + " where c.kind = 'INNOVATION' and i.registration_id is null")).as("entries without content").isZero();
        assertThat(database.queryLong("select count(*) from innovation_entry")).isEqualTo(200 + 8 + 8 + 4);
    }

    @Test
    void aFinishedNormalisedPreliminaryWhoseOrderNormalisationChangesAndASemifinalInProgress() {
        long preliminary = event(InnovationRoundsDemo.IN_SEMIFINAL);
        JsonObject standings = organizer.get("/api/events/" + preliminary + "/standings").json();
        assertThat(standings.getBoolean("signedOff")).isTrue();
        assertThat(standings.getBoolean("normalised")).isTrue();
        List<JsonObject> rows = standings.getJsonArray("rows").stream().map(o -> (JsonObject) o).toList();
        assertThat(rows).hasSize(20);
        List<String> byNormalised = rows.stream().map(r -> r.getString("entryId")).toList();
        List<String> byRaw = rows.stream().sorted(Comparator.comparing((JsonObject r) -> new BigDecimal(r.getString("total")))
                .reversed()).map(r -> r.getString("entryId")).toList();
        assertThat(byNormalised).as("normalisation changes the order").isNotEqualTo(byRaw);
        assertThat(rows.stream().filter(r -> Boolean.TRUE.equals(r.getBoolean("advances")))).hasSizeGreaterThanOrEqualTo(8);

        long semifinal = event(InnovationRoundsDemo.IN_SEMIFINAL + InnovationRoundsDemo.SEMIFINAL);
        JsonArray advanced = organizer.get("/api/events/" + semifinal + "/advancement").json().getJsonArray("items");
        assertThat(advanced).hasSize(1);
        assertThat(advanced.getJsonObject(0).getLong("fromEventId")).isEqualTo(preliminary);
        int registered = organizer.get("/api/events/" + semifinal + "/registrations").json().getJsonArray("items")
                .size();
        JsonArray marked = organizer.get("/api/events/" + semifinal + "/standings").json().getJsonArray("rows");
        assertThat(marked.size()).as("the 复赛 is partway: some entries marked, some not").isPositive()
                .isLessThan(registered);
        assertThat(marked.stream().map(o -> ((JsonObject) o).getBoolean("complete"))).containsOnly(true);
        assertThat(organizer.get("/api/events/" + semifinal + "/standings").json().getBoolean("signedOff")).isFalse();
    }

    @Test
    void aFinalReadyToRunLiveWithDocumentsAndEarlierRoundsCarried() {
        long semifinal = event(InnovationRoundsDemo.READY_FOR_FINAL + InnovationRoundsDemo.SEMIFINAL);
        assertThat(organizer.get("/api/events/" + semifinal + "/standings").json().getBoolean("signedOff")).isTrue();
        long finalEvent = event(InnovationRoundsDemo.READY_FOR_FINAL + InnovationRoundsDemo.FINAL);
        assertThat(organizer.get("/api/events/" + finalEvent + "/panel").json().getJsonArray("items")).hasSize(5);
        JsonObject scheme = organizer.get("/api/events/" + finalEvent + "/scheme").json().getJsonObject("scheme");
        assertThat(scheme.getJsonObject("rounds").getJsonArray("weights")).hasSize(3);
        JsonArray registrations = organizer.get("/api/events/" + finalEvent + "/registrations").json()
                .getJsonArray("items");
        assertThat(registrations).hasSizeGreaterThanOrEqualTo(4);
        long first = registrations.getJsonObject(0).getLong("id");
        JsonObject entry = organizer.get("/api/registrations/" + first + "/entry").json();
        assertThat(entry.getString("title")).isNotBlank();
        assertThat(entry.getJsonArray("attachments")).isNotEmpty();
        assertThat(database.queryLong("select count(distinct round_id) from round_total where registration_id = "
                + first)).as("the 初赛 and 复赛 totals came along").isEqualTo(2);
        assertThat(organizer.get("/api/events/" + finalEvent + "/standings").json().getJsonArray("rows"))
                .as("no marks yet: the 决赛 is run live").isEmpty();
    }
}
