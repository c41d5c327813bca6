package io.jiangxin.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiangxin.app.SchemeSettings;
import io.jiangxin.engine.io.Evaluation;
import io.jiangxin.engine.io.SchemeFiles;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No silent settings. Walks every top-level setting of the scheme format ({@link SchemeFiles#SETTINGS}) with a
 * scheme that uses all of them, nested ones included (every-setting.json): each is either refused by
 * {@code PUT …/scheme} with a 400 naming its path (none is, today), or applied, which is proven by the server's standings, results,
 * team board and judge figures being exactly {@code evaluate}'s on the exported scheme and marks, with marks that
 * make each applied setting matter (a pass mark fails e3, a violation disqualifies e5, a time overrun and a
 * deduction cost e1 points, normalisation reorders, the 初赛 totals carried in reorder again, a pass-gated advancement
 * whose threshold (minScore 100) holds back the third place
 * and three kinds of award band).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemeSettingsIT {

    private TestDatabase database;
    private JiangxinNode node;
    private Http organizer;
    private ReviewRound round;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        organizer = http.signIn(Nodes.ORGANIZER_CODE);
        JsonObject applied = ReviewRound.scheme("/schemes/every-setting.json");
        SchemeSettings.REFUSED.keySet().forEach(applied::remove);
        Map<String, List<String>> enterprises = new LinkedHashMap<>();
        enterprises.put("甲厂", List.of("e1", "e2", "e5"));
        enterprises.put("乙厂", List.of("e3", "e4", "e6"));
        round = new ReviewRound(http, organizer, "2026年全部设置测试赛", applied, enterprises, List.of("H", "L", "M"));
        // The 初赛 ("prelim", 30%) totals the entries bring along, as an advancement writes them (InnovationFlowIT
        // advances for real): they reorder e1/e4 and e2/e6 against the normalised 决赛 score alone.
        long prelimEvent = ReviewRound.created(organizer.post("/api/contests/" + round.contestId + "/events",
                new JsonObject().put("name", "技术革新初赛").put("trade", "技术革新")));
        Map<String, String> prelim = Map.of("e1", "90", "e2", "80", "e3", "70", "e4", "100", "e5", "60", "e6", "95");
        StringBuilder values = new StringBuilder();
        prelim.forEach((e, total) -> values.append(values.length() == 0 ? "" : ", ").append("(")
                .append(round.registrations.get(e)).append(", 'prelim', ").append(total).append(", ")
                .append(prelimEvent).append(")"));
        assertThat(database.queryLong("with carried as (insert into round_total (registration_id, round_id, total,"
                + " from_event_id) values " + values + " returning 1) select count(*) from carried")).isEqualTo(6);
        // Judge H reads e1–e3 harshly, L reads e4–e6 leniently, M reads one aspect of e1, e2, e5, e6.
        String[][] marks = {
                {"H", "e1", "Q", "6"}, {"H", "e1", "T", "10"}, {"H", "e1", "D", "60"}, {"M", "e1", "D", "70"},
                {"H", "e2", "Q", "5"}, {"M", "e2", "Q", "7"}, {"H", "e2", "T", "10"}, {"H", "e2", "D", "50"},
                {"H", "e3", "Q", "4"}, {"H", "e3", "T", "0"}, {"H", "e3", "D", "40"},
                {"L", "e4", "Q", "9.5"}, {"L", "e4", "T", "10"}, {"L", "e4", "D", "95"},
                {"L", "e5", "Q", "8.5"}, {"M", "e5", "Q", "7"}, {"L", "e5", "T", "10"}, {"L", "e5", "D", "85"},
                {"L", "e6", "Q", "8"}, {"L", "e6", "T", "10"}, {"L", "e6", "D", "84"}, {"M", "e6", "D", "60"}};
        for (String[] m : marks) {
            round.mark(m[0], m[1], m[2], new BigDecimal(m[3]));
        }
        round.time("e1", 700);
        round.time("e3", 500);
        round.violation("e1", "LATE", 1);
        round.violation("e5", "COPY", 1);
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
    void everySettingOfTheFormatIsEitherAppliedOrRefusedAndTheFixtureUsesThemAll() {
        Set<String> decided = new HashSet<>(SchemeSettings.APPLIED.keySet());
        assertThat(SchemeSettings.REFUSED.keySet()).doesNotContainAnyElementsOf(decided);
        decided.addAll(SchemeSettings.REFUSED.keySet());
        assertThat(decided).as("a setting the reader accepts but the server has not decided on")
                .containsExactlyInAnyOrderElementsOf(SchemeFiles.SETTINGS);
        assertThat(ReviewRound.scheme("/schemes/every-setting.json").fieldNames())
                .containsExactlyInAnyOrderElementsOf(SchemeFiles.SETTINGS);
    }

    @Test
    void noSettingIsRefusedAndTheStoredSchemeKeepsItsRounds() {
        assertThat(SchemeSettings.REFUSED).as("every setting of the format is applied").isEmpty();
        JsonObject stored = organizer.get("/api/events/" + round.eventId + "/scheme").json().getJsonObject("scheme");
        assertThat(stored.getJsonObject("rounds").getString("current")).isEqualTo("final");
        assertThat(stored.getJsonObject("rounds").getJsonArray("weights").stream()
                .map(w -> ((JsonObject) w).getString("round")).toList()).containsExactlyInAnyOrder("prelim", "final");
    }

    @Test
    void everyAppliedSettingGivesExactlyWhatEvaluateGives() throws Exception {
        JsonNode evaluated = evaluateExported();
        List<String> expected = new ArrayList<>();
        List<String> expectedRanked = new ArrayList<>();
        for (JsonNode entry : evaluated.get("entries")) {
            String line = line(round.entryOf(entry.get("entry").asText()), entry.get("rank").isNull() ? null
                            : entry.get("rank").asInt(), entry.get("status").asText(), entry.get("total").decimalValue(),
                    entry.get("normalisedScore").decimalValue(), entry.get("rankingScore").decimalValue(),
                    entry.get("passed").asBoolean(),
                    entry.get("award").isNull() ? null : entry.get("award").get("code").asText(),
                    entry.get("advances").asBoolean());
            expected.add(line);
            if (!entry.get("rank").isNull()) {
                expectedRanked.add(line);
            }
        }
        // The marks make every applied setting matter: check the reference itself before comparing.
        // Combined: 30% of the 初赛 total + 70% of the normalised score, e.g. e4 (100 × 30 + 127.67 × 70) / 100 = 119.37.
        assertThat(expected).containsExactly(
                "e4 #1 OK raw 95.7 normalised 127.67 combined 119.37 passed FIRST advances",
                "e1 #2 OK raw 64.3 normalised 128.85 combined 117.2 passed SECOND advances",
                "e6 #3 OK raw 80.4 normalised 89.68 combined 91.28 passed MERIT",
                "e2 #4 OK raw 62.6 normalised 92.14 combined 88.5 passed MERIT",
                "e3 #5 OK raw 41.4 normalised 75.51 combined 73.86 failed null",
                "e5 #null DISQUALIFIED raw 82.9 normalised 87.75 combined 79.43 failed null");

        List<String> standings = new ArrayList<>();
        for (Object row : round.head.get("/api/events/" + round.eventId + "/standings").json().getJsonArray("rows")) {
            JsonObject l = (JsonObject) row;
            standings.add(line(round.entryOf(l.getString("entryId")), l.getInteger("rank"), l.getString("status"),
                    new BigDecimal(l.getString("total")), new BigDecimal(l.getString("normalised")),
                    new BigDecimal(l.getString("combined")), l.getBoolean("passed"), l.getString("award"),
                    l.getBoolean("advances")));
        }
        assertThat(standings).as("standings leave the disqualified out").containsExactlyElementsOf(expectedRanked);

        List<String> results = new ArrayList<>();
        for (Object row : organizer.get("/api/events/" + round.eventId + "/results").json().getJsonArray("lines")) {
            JsonObject l = (JsonObject) row;
            JsonObject award = l.getJsonObject("award");
            String passed = expected.stream().filter(e -> e.startsWith(round.entryOfCode(l.getString("entryCode")) + " "))
                    .findFirst().orElseThrow().contains(" passed") ? "passed" : "failed";
            results.add(line(round.entryOfCode(l.getString("entryCode")), l.getInteger("rank"),
                    "DISQUALIFIED".equals(l.getString("status")) ? "DISQUALIFIED" : "OK",
                    new BigDecimal(l.getString("total")), new BigDecimal(l.getString("normalised")),
                    new BigDecimal(l.getString("combined")), passed.equals("passed"),
                    award == null ? null : award.getString("code"), l.getBoolean("advances")));
        }
        assertThat(results).as("results").containsExactlyElementsOf(expected);

        List<String> expectedTeams = new ArrayList<>();
        for (JsonNode team : evaluated.get("teams")) {
            List<String> members = new ArrayList<>();
            team.get("countedMembers").forEach(m -> members.add(round.entryOf(m.asText())));
            expectedTeams.add(team.get("rank").asInt() + " " + team.get("total").decimalValue().stripTrailingZeros()
                    .toPlainString() + " " + members);
        }
        List<String> teams = new ArrayList<>();
        JsonArray board = round.head.get("/api/events/" + round.eventId + "/board?view=JURY").json().getJsonArray("teams");
        for (Object t : board) {
            JsonObject team = (JsonObject) t;
            List<String> members = new ArrayList<>();
            team.getJsonArray("members").forEach(code -> members.add(round.entryOfCode((String) code)));
            teams.add(team.getInteger("rank") + " " + new BigDecimal(team.getString("total")).stripTrailingZeros()
                    .toPlainString() + " " + members);
        }
        assertThat(teams).as("team ranks").hasSize(2).containsExactlyElementsOf(expectedTeams);

        List<String> expectedJudges = new ArrayList<>();
        for (JsonNode judge : evaluated.get("judgeConsistency")) {
            expectedJudges.add(round.judgeOf(judge.get("judge").asText()) + " "
                    + judge.get("meanSignedDeviationPercent").decimalValue().stripTrailingZeros().toPlainString()
                    + (judge.get("biased").asBoolean() ? " biased" : ""));
        }
        assertThat(expectedJudges).contains("L 9.75 biased");
        List<String> judges = new ArrayList<>();
        for (Object j : round.head.get("/api/events/" + round.eventId + "/judge-consistency").json()
                .getJsonArray("judges")) {
            JsonObject judge = (JsonObject) j;
            if (judge.getString("meanSignedDeviationPercent") != null) {
                judges.add(round.judgeOf(String.valueOf(judge.getLong("accountId"))) + " "
                        + new BigDecimal(judge.getString("meanSignedDeviationPercent")).stripTrailingZeros()
                        .toPlainString() + (judge.getBoolean("biased") ? " biased" : ""));
            }
        }
        assertThat(judges).as("judge consistency").containsExactlyInAnyOrderElementsOf(expectedJudges);
    }

    private JsonNode evaluateExported() throws Exception {
        Path dir = Files.createTempDirectory("every-setting-");
        Path scheme = dir.resolve("scheme.json");
        Files.writeString(scheme, organizer.get("/api/events/" + round.eventId + "/scheme").json()
                .getJsonObject("scheme").encode());
        Path marks = dir.resolve("marks.json");
        Reply exported = organizer.get("/api/events/" + round.eventId + "/marks.json");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        Files.writeString(marks, exported.body());
        return new ObjectMapper().readTree(Evaluation.evaluate(scheme, marks));
    }

    private static String line(String entry, Integer rank, String status, BigDecimal total, BigDecimal normalised,
                               BigDecimal combined, Boolean passed, String award, Boolean advances) {
        return entry + " #" + rank + " " + status + " raw " + total.stripTrailingZeros().toPlainString()
                + " normalised " + normalised.stripTrailingZeros().toPlainString()
                + " combined " + combined.stripTrailingZeros().toPlainString() + " "
                + (Boolean.TRUE.equals(passed) ? "passed" : "failed") + " " + award
                + (Boolean.TRUE.equals(advances) ? " advances" : "");
    }
}
