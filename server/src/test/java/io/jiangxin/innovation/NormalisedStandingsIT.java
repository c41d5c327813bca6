package io.jiangxin.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiangxin.engine.io.Evaluation;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A document round where a harsh judge (H) and a lenient judge (L) split the entries and a third (M) reads two
 * of them: raw totals put the harsh group's best entry (e1, 60) fourth, per-judge normalisation puts it second.
 * The server's standings, boards and results must rank exactly as {@code evaluate} does on the scheme and marks
 * the server exports, with raw and normalised figures on every line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormalisedStandingsIT {

    /** Entry → judge → mark on the one aspect Q (0–100). */
    private static final Map<String, Map<String, Integer>> MARKS = new LinkedHashMap<>();

    static {
        MARKS.put("e1", Map.of("H", 60));
        MARKS.put("e2", Map.of("H", 50, "M", 70));
        MARKS.put("e3", Map.of("H", 40));
        MARKS.put("e4", Map.of("L", 95));
        MARKS.put("e5", Map.of("L", 85, "M", 70));
        MARKS.put("e6", Map.of("L", 84));
    }

    private TestDatabase database;
    private JiangxinNode node;
    private Http organizer;
    private Http head;
    private ReviewRound round;
    private long eventId;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        organizer = http.signIn(Nodes.ORGANIZER_CODE);
        round = new ReviewRound(http, organizer, "2026年职工创新成果评选", scheme(),
                Map.of("潍柴动力", List.copyOf(MARKS.keySet())), List.of("H", "L", "M"));
        head = round.head;
        eventId = round.eventId;
        MARKS.forEach((entry, byJudge) -> byJudge.forEach((judge, value) -> round.mark(judge, entry, "Q", value)));
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

    @Test
    void theStandingsRankOnNormalisedScoresAndShowBothFigures() {
        JsonArray rows = head.get("/api/events/" + eventId + "/standings").json().getJsonArray("rows");
        List<String> order = new ArrayList<>();
        Map<String, JsonObject> byEntry = new HashMap<>();
        for (Object row : rows) {
            JsonObject line = (JsonObject) row;
            String entry = round.entryOf(line.getString("entryId"));
            order.add(entry);
            byEntry.put(entry, line);
        }
        // On raw totals e1 (60) would be fourth behind e4 95, e6 84 and e5 77.5.
        assertThat(order).containsExactly("e4", "e1", "e2", "e5", "e6", "e3");
        assertThat(new BigDecimal(byEntry.get("e1").getString("total"))).isEqualByComparingTo("60");
        assertThat(byEntry.get("e1").getString("normalised")).isEqualTo("124.49");
        assertThat(byEntry.get("e1").getInteger("rank")).isEqualTo(2);
        assertThat(byEntry.get("e1").getString("award")).isEqualTo("SECOND");
        assertThat(byEntry.get("e1").getBoolean("advances")).isTrue();
        assertThat(byEntry.get("e6").getBoolean("advances")).isFalse();
        assertThat(byEntry.get("e4").getString("award")).isEqualTo("FIRST");
    }

    @Test
    void evaluateOnTheExportedSchemeAndMarksGivesTheServersFigures() throws Exception {
        Path dir = Files.createTempDirectory("normalised-round-");
        Reply scheme = organizer.get("/api/events/" + eventId + "/scheme");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(200);
        Path schemeFile = dir.resolve("scheme.json");
        Files.writeString(schemeFile, scheme.json().getJsonObject("scheme").encodePrettily());
        Reply marks = head.get("/api/events/" + eventId + "/marks.json");
        assertThat(marks.status()).as(marks.body()).isEqualTo(200);
        Path marksFile = dir.resolve("marks.json");
        Files.writeString(marksFile, marks.body());

        JsonNode evaluated = new ObjectMapper().readTree(Evaluation.evaluate(schemeFile, marksFile));
        List<String> expected = new ArrayList<>();
        for (JsonNode entry : evaluated.get("entries")) {
            expected.add(line(entry.get("entry").asText(), entry.get("rank").asInt(),
                    entry.get("total").decimalValue(), entry.get("normalisedScore").decimalValue(),
                    entry.get("award").isNull() ? null : entry.get("award").get("code").asText(),
                    entry.get("advances").asBoolean()));
        }
        assertThat(expected).hasSize(6);

        List<String> standings = new ArrayList<>();
        for (Object row : head.get("/api/events/" + eventId + "/standings").json().getJsonArray("rows")) {
            JsonObject line = (JsonObject) row;
            standings.add(line(line.getString("entryId"), line.getInteger("rank"),
                    new BigDecimal(line.getString("total")), new BigDecimal(line.getString("normalised")),
                    line.getString("award"), line.getBoolean("advances")));
        }
        assertThat(standings).as("jury standings").containsExactlyElementsOf(expected);

        List<String> board = new ArrayList<>();
        JsonObject jury = head.get("/api/events/" + eventId + "/board?view=JURY").json();
        for (Object row : jury.getJsonArray("rows")) {
            JsonObject line = (JsonObject) row;
            board.add(line(registrationOf(line.getString("entry")), line.getInteger("rank"),
                    new BigDecimal(line.getString("total")), new BigDecimal(line.getString("normalised")),
                    line.getString("award"), line.getBoolean("advances")));
        }
        assertThat(board).as("jury board").containsExactlyElementsOf(expected);

        List<String> results = new ArrayList<>();
        Reply read = organizer.get("/api/events/" + eventId + "/results");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        for (Object row : read.json().getJsonArray("lines")) {
            JsonObject line = (JsonObject) row;
            JsonObject award = line.getJsonObject("award");
            results.add(line(registrationOf(line.getString("entryCode")), line.getInteger("rank"),
                    new BigDecimal(line.getString("total")), new BigDecimal(line.getString("normalised")),
                    award == null ? null : award.getString("code"), line.getBoolean("advances")));
        }
        assertThat(results).as("results").containsExactlyElementsOf(expected);
    }

    @Test
    void theHeadJudgeSeesEachJudgesBiasAndSpread() {
        Reply reply = head.get("/api/events/" + eventId + "/judge-consistency");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject body = reply.json();
        assertThat(body.getString("biasThresholdPercent")).isEqualTo("10");
        Map<Long, JsonObject> byAccount = new HashMap<>();
        body.getJsonArray("judges").forEach(j -> byAccount.put(((JsonObject) j).getLong("accountId"), (JsonObject) j));
        JsonObject harsh = byAccount.get(round.judgeIds.get("H"));
        assertThat(harsh.getString("displayName")).isEqualTo("评委H");
        assertThat(harsh.getString("meanSignedDeviationPercent")).isEqualTo("-10.00");
        assertThat(harsh.getBoolean("biased")).isTrue();
        assertThat(harsh.getJsonObject("normalisation").getString("mean")).isEqualTo("50.00");
        assertThat(harsh.getJsonObject("normalisation").getString("standardDeviation")).isEqualTo("8.16");
        JsonObject lenient = byAccount.get(round.judgeIds.get("L"));
        assertThat(lenient.getString("meanSignedDeviationPercent")).isEqualTo("7.50");
        assertThat(lenient.getBoolean("biased")).isFalse();
        JsonObject third = byAccount.get(round.judgeIds.get("M"));
        assertThat(third.getJsonObject("normalisation").getBoolean("degenerate")).isTrue();
        // The head judge sits on the panel but marks nothing: listed, with no figures.
        assertThat(body.getJsonArray("judges")).hasSize(4);

        Reply asJudge = round.judges.get("H").get("/api/events/" + eventId + "/judge-consistency");
        assertThat(asJudge.status()).as(asJudge.body()).isEqualTo(403);
        Reply marksAsJudge = round.judges.get("L").get("/api/events/" + eventId + "/marks.json");
        assertThat(marksAsJudge.status()).as(marksAsJudge.body()).isEqualTo(403);
    }

    @Test
    void roundsWhoseWeightsDoNotAddUpOrAThresholdlessAdvancementAreRefusedNamingThePath() {
        String before = organizer.get("/api/events/" + eventId + "/scheme").body();
        JsonObject badWeights = scheme().put("rounds", new JsonObject().put("current", "final")
                .put("weights", new JsonArray().add(new JsonObject().put("round", "prelim").put("weight", 30))
                        .add(new JsonObject().put("round", "final").put("weight", 60))));
        Reply refused = organizer.put("/api/events/" + eventId + "/scheme", new JsonObject().put("scheme", badWeights));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().getString("error")).isEqualTo("INVALID_SCHEME");
        assertThat(refused.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("scheme.rounds.weights");
        Reply noRule = organizer.put("/api/events/" + eventId + "/scheme", new JsonObject().put("scheme",
                scheme().put("advancement", new JsonObject().put("requirePass", false))));
        assertThat(noRule.status()).as(noRule.body()).isEqualTo(400);
        assertThat(noRule.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("scheme.advancement");
        Reply textThreshold = organizer.put("/api/events/" + eventId + "/scheme", new JsonObject().put("scheme",
                scheme().put("advancement", new JsonObject().put("minScore", "high"))));
        assertThat(textThreshold.status()).as(textThreshold.body()).isEqualTo(400);
        assertThat(textThreshold.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("scheme.advancement.minScore");
        assertThat(organizer.get("/api/events/" + eventId + "/scheme").body()).as("nothing changed").isEqualTo(before);
    }

    private String registrationOf(String entryCode) {
        String entry = round.entryOfCode(entryCode);
        return round.names.entrySet().stream().filter(e -> e.getValue().equals(entry)).findFirst().orElseThrow()
                .getKey();
    }

    private static String line(String entry, int rank, BigDecimal total, BigDecimal normalised, String award,
                               boolean advances) {
        return entry + " #" + rank + " raw " + total.stripTrailingZeros().toPlainString() + " normalised "
                + normalised.stripTrailingZeros().toPlainString() + " " + award + (advances ? " advances" : "");
    }

    static JsonObject scheme() {
        return ReviewRound.scheme("/schemes/harsh-lenient.json");
    }
}
