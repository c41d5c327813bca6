package io.jiangxin.innovation;

import static io.jiangxin.support.JudgingSetup.once;
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
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
class NormalisedStandingsTest {

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
    private final Map<String, Http> judges = new HashMap<>();
    private final Map<String, Long> judgeIds = new HashMap<>();
    /** e1.. → entry code, and registration id → e1.. */
    private final Map<String, String> codes = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private long eventId;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        organizer = http.signIn(Nodes.ORGANIZER_CODE);
        long works = created(organizer.post("/api/organizations", new JsonObject().put("name", "潍柴动力")));
        long panelOrg = created(organizer.post("/api/organizations", new JsonObject().put("name", "潍坊学院")));
        long contestId = created(organizer.post("/api/contests", new JsonObject().put("name", "2026年职工创新成果评选")
                .put("kind", "INNOVATION").put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会")));
        eventId = created(organizer.post("/api/contests/" + contestId + "/events",
                new JsonObject().put("name", "技术革新").put("trade", "技术革新")));
        Reply scheme = organizer.put("/api/events/" + eventId + "/scheme", new JsonObject().put("scheme", scheme()));
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(200);
        int n = 0;
        for (String entry : MARKS.keySet()) {
            long person = created(organizer.post("/api/people", new JsonObject().put("name", "作者" + entry)
                    .put("employeeNo", "W" + (++n)).put("organizationId", works)));
            long registration = created(organizer.post("/api/events/" + eventId + "/registrations",
                    new JsonObject().put("personId", person)));
            codes.put(entry, String.format("%03d", n));
            names.put(String.valueOf(registration), entry);
        }
        for (String judge : List.of("H", "L", "M")) {
            long person = created(organizer.post("/api/people", new JsonObject().put("name", "评委" + judge)
                    .put("employeeNo", "J" + judge).put("organizationId", panelOrg)));
            JsonObject account = organizer.post("/api/contests/" + contestId + "/judges",
                    new JsonObject().put("personId", person)).json();
            long id = account.getJsonObject("account").getLong("id");
            seat(id, "JUDGE");
            judgeIds.put(judge, id);
            judges.put(judge, http.signIn(account.getString("signInCode")));
        }
        JsonObject headJudge = organizer.post("/api/contests/" + contestId + "/judges",
                new JsonObject().put("displayName", "裁判长")).json();
        seat(headJudge.getJsonObject("account").getLong("id"), "HEAD_JUDGE");
        head = http.signIn(headJudge.getString("signInCode"));
        MARKS.forEach((entry, byJudge) -> byJudge.forEach((judge, value) -> {
            Reply marked = once(judges.get(judge)).post("/api/events/" + eventId + "/sheets/" + codes.get(entry)
                    + "/marks", new JsonObject().put("marks", new JsonArray()
                    .add(new JsonObject().put("aspectId", "Q").put("value", value))));
            assertThat(marked.status()).as(marked.body()).isIn(200, 201);
        }));
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
            String entry = names.get(line.getString("entryId"));
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
        JsonObject harsh = byAccount.get(judgeIds.get("H"));
        assertThat(harsh.getString("displayName")).isEqualTo("评委H");
        assertThat(harsh.getString("meanSignedDeviationPercent")).isEqualTo("-10.00");
        assertThat(harsh.getBoolean("biased")).isTrue();
        assertThat(harsh.getJsonObject("normalisation").getString("mean")).isEqualTo("50.00");
        assertThat(harsh.getJsonObject("normalisation").getString("standardDeviation")).isEqualTo("8.16");
        JsonObject lenient = byAccount.get(judgeIds.get("L"));
        assertThat(lenient.getString("meanSignedDeviationPercent")).isEqualTo("7.50");
        assertThat(lenient.getBoolean("biased")).isFalse();
        JsonObject third = byAccount.get(judgeIds.get("M"));
        assertThat(third.getJsonObject("normalisation").getBoolean("degenerate")).isTrue();
        // The head judge sits on the panel but marks nothing: listed, with no figures.
        assertThat(body.getJsonArray("judges")).hasSize(4);

        Reply asJudge = judges.get("H").get("/api/events/" + eventId + "/judge-consistency");
        assertThat(asJudge.status()).as(asJudge.body()).isEqualTo(403);
        Reply marksAsJudge = judges.get("L").get("/api/events/" + eventId + "/marks.json");
        assertThat(marksAsJudge.status()).as(marksAsJudge.body()).isEqualTo(403);
    }

    @Test
    void aSchemeThatCombinesRoundsIsRefusedNamingTheSetting() {
        JsonObject withRounds = scheme().put("rounds", new JsonObject().put("current", "final")
                .put("weights", new JsonArray().add(new JsonObject().put("round", "prelim").put("weight", 30))
                        .add(new JsonObject().put("round", "final").put("weight", 70))));
        Reply refused = organizer.put("/api/events/" + eventId + "/scheme", new JsonObject().put("scheme", withRounds));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().getString("error")).isEqualTo("SETTING_NOT_APPLIED");
        assertThat(refused.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("scheme.rounds");
        // Nothing changed: the stored scheme still has no rounds.
        assertThat(organizer.get("/api/events/" + eventId + "/scheme").json().getJsonObject("scheme")
                .containsKey("rounds")).isFalse();
    }

    private String registrationOf(String entryCode) {
        String entry = codes.entrySet().stream().filter(e -> e.getValue().equals(entryCode)).findFirst()
                .orElseThrow().getKey();
        return names.entrySet().stream().filter(e -> e.getValue().equals(entry)).findFirst().orElseThrow().getKey();
    }

    private static String line(String entry, int rank, BigDecimal total, BigDecimal normalised, String award,
                               boolean advances) {
        return entry + " #" + rank + " raw " + total.stripTrailingZeros().toPlainString() + " normalised "
                + normalised.stripTrailingZeros().toPlainString() + " " + award + (advances ? " advances" : "");
    }

    private void seat(long account, String role) {
        Reply reply = organizer.put("/api/events/" + eventId + "/panel/" + account, new JsonObject().put("role", role));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    static JsonObject scheme() {
        try (InputStream in = NormalisedStandingsTest.class.getResourceAsStream("/schemes/harsh-lenient.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }
}
