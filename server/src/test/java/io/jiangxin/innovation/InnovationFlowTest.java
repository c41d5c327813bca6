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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A document round (网评) end to end over HTTP on two nodes: entrants submit with a PDF, the organizer assigns two
 * judges per entry from a seed, a harsh, a lenient and a middling judge mark at their own pace through either node,
 * the standings normalise exactly as {@code evaluate} does on the exported scheme and marks, the head judge locks and
 * signs off, the organizer publishes, and the certificates go to the normalised winners. (Advancement into a 复赛 and
 * the live 决赛 are not built yet.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InnovationFlowTest {

    private TestDatabase database;
    private List<JiangxinNode> nodes;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes = Nodes.cluster(database.url(), 2);
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.forEach(JiangxinNode::close);
        }
        if (database != null) {
            database.close();
        }
    }

    private static long contestOf(Http organizer, long eventId) {
        return organizer.get("/api/events/" + eventId).json().getLong("contestId");
    }

    @Test
    void submitAssignMarkNormalisePublishAndCertify() throws Exception {
        Http a = new Http(nodes.get(0).httpPort());
        Http b = new Http(nodes.get(1).httpPort());
        Http organizer = a.signIn(Nodes.ORGANIZER_CODE);
        Map<String, List<String>> enterprises = new LinkedHashMap<>();
        enterprises.put("甲厂", List.of("e1", "e2", "e3"));
        enterprises.put("乙厂", List.of("e4", "e5", "e6"));
        // Judges sign in through node B; the organizer works through node A.
        ReviewRound round = new ReviewRound(b, organizer, "2026年创新成果评选全流程", ReviewRound.scheme(
                "/schemes/harsh-lenient.json"), enterprises, List.of("H", "L", "M"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        assertThat(organizer.put("/api/events/" + round.eventId + "/submission-window", new JsonObject()
                .put("opensAt", now.minusHours(1).toString()).put("closesAt", now.plusHours(1).toString())).status())
                .isEqualTo(200);

        // 1. Submission with a document, by the entrant's worker account, on node B.
        String code = organizer.post("/api/people/" + round.persons.get("e1") + "/account", new JsonObject()).json()
                .getString("signInCode");
        Http entrant = b.signIn(code);
        String entry = "/api/registrations/" + round.registrations.get("e1") + "/entry";
        Reply saved = entrant.put(entry, new JsonObject().put("title", "发动机缸盖快换夹具").put("kind", "TECH_INNOVATION")
                .put("summary", "换型时间缩短 80%").put("patentNumbers", new JsonArray().add("ZL202410000001.2"))
                .put("benefitWan", "88.00"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Reply pdf = entrant.sendBytes("POST", entry + "/attachments?fileName=proposal.pdf", EntryApiTest.pdf(4096),
                "application/pdf");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);

        // 2. Assignment: two judges per entry, from a published seed.
        Reply assigned = organizer.post("/api/events/" + round.eventId + "/review-assignments",
                new JsonObject().put("k", 2).put("seed", "全流程-2026"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        Map<String, List<String>> byEntry = new LinkedHashMap<>();
        for (Object o : organizer.get("/api/events/" + round.eventId + "/review-assignments").json()
                .getJsonArray("entries")) {
            JsonObject line = (JsonObject) o;
            List<String> judges = new ArrayList<>();
            line.getJsonArray("judges").forEach(j -> judges.add(round.judgeOf(String.valueOf(((JsonObject) j)
                    .getLong("accountId")))));
            byEntry.put(round.entryOfCode(line.getString("entryCode")), judges);
        }
        assertThat(byEntry).hasSize(6);

        // A judge reads the entry blind before marking it.
        String reader = byEntry.get("e1").get(0);
        JsonObject blind = round.judges.get(reader).get(entry).json();
        assertThat(blind.getString("title")).isEqualTo("发动机缸盖快换夹具");
        assertThat(blind.containsKey("authors")).isFalse();

        // 3. Marks at different paces: H and M mark everything, L only half now and the rest later.
        Map<String, Integer> base = Map.of("e1", 80, "e2", 70, "e3", 60, "e4", 50, "e5", 40, "e6", 30);
        Map<String, Integer> bias = Map.of("H", -25, "L", 15, "M", 0);
        List<String[]> later = new ArrayList<>();
        byEntry.forEach((e, judges) -> judges.forEach(judge -> {
            int value = Math.max(0, Math.min(100, base.get(e) + bias.get(judge)));
            if (judge.equals("L") && later.size() < 2) {
                later.add(new String[] {judge, e, String.valueOf(value)});
            } else {
                round.mark(judge, e, "Q", value);
            }
        }));
        JsonObject progress = round.head.get("/api/events/" + round.eventId + "/review-progress").json();
        int missing = progress.getJsonArray("judges").stream().mapToInt(j -> ((JsonObject) j).getInteger("missing")).sum();
        assertThat(missing).isEqualTo(later.size());
        later.forEach(m -> round.mark(m[0], m[1], "Q", Integer.parseInt(m[2])));

        // 4. Normalised standings (node B) are exactly evaluate's on the exported scheme and marks (node A).
        Path dir = Files.createTempDirectory("innovation-flow-");
        Path schemeFile = dir.resolve("scheme.json");
        Files.writeString(schemeFile, organizer.get("/api/events/" + round.eventId + "/scheme").json()
                .getJsonObject("scheme").encode());
        Path marksFile = dir.resolve("marks.json");
        Files.writeString(marksFile, organizer.get("/api/events/" + round.eventId + "/marks.json").body());
        JsonNode evaluated = new ObjectMapper().readTree(Evaluation.evaluate(schemeFile, marksFile));
        List<String> expected = new ArrayList<>();
        for (JsonNode e : evaluated.get("entries")) {
            expected.add(round.entryOf(e.get("entry").asText()) + " #" + e.get("rank").asInt() + " "
                    + e.get("normalisedScore").decimalValue().stripTrailingZeros().toPlainString() + " "
                    + (e.get("award").isNull() ? null : e.get("award").get("code").asText()));
        }
        List<String> standings = new ArrayList<>();
        for (Object o : round.head.get("/api/events/" + round.eventId + "/standings").json().getJsonArray("rows")) {
            JsonObject row = (JsonObject) o;
            standings.add(round.entryOf(row.getString("entryId")) + " #" + row.getInteger("rank") + " "
                    + new BigDecimal(row.getString("normalised")).stripTrailingZeros().toPlainString() + " "
                    + row.getString("award"));
        }
        assertThat(standings).containsExactlyElementsOf(expected);
        String winner = expected.get(0).split(" ")[0];

        // 5. Advancement waits for the sign-off; then lock, sign off, advance, publish, certify.
        long semifinal = ReviewRound.created(organizer.post("/api/contests/" + contestOf(organizer, round.eventId)
                + "/events", new JsonObject().put("name", "技术革新复赛").put("trade", "技术革新")));
        Reply early = organizer.post("/api/events/" + round.eventId + "/advancement",
                new JsonObject().put("toEventId", semifinal));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().getString("error")).isEqualTo("NOT_SIGNED_OFF");
        for (String e : round.codes.keySet()) {
            Reply locked = once(round.head).post(round.sheet(e) + "/lock", new JsonObject());
            assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        }
        Reply signed = once(round.head).post("/api/events/" + round.eventId + "/sign-off", new JsonObject());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        Reply advanced = organizer.post("/api/events/" + round.eventId + "/advancement",
                new JsonObject().put("toEventId", semifinal));
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(201);
        JsonArray moved = advanced.json().getJsonArray("advanced");
        List<String> expectedAdvancing = new ArrayList<>();
        for (JsonNode e : evaluated.get("entries")) {
            if (e.get("advances").asBoolean()) {
                expectedAdvancing.add(round.entryOf(e.get("entry").asText()));
            }
        }
        assertThat(moved.stream().map(o -> round.entryOf(String.valueOf(((JsonObject) o).getLong("fromRegistrationId"))))
                .toList()).containsExactlyElementsOf(expectedAdvancing).hasSize(3);
        assertThat(advanced.json().getBoolean("sameContest")).isTrue();
        JsonObject e1Moved = moved.stream().map(o -> (JsonObject) o).filter(o -> o.getLong("fromRegistrationId")
                .equals(round.registrations.get("e1"))).findFirst().orElseThrow();
        assertThat(e1Moved.getInteger("documents")).isEqualTo(1);
        JsonObject carried = organizer.get("/api/registrations/" + e1Moved.getLong("toRegistrationId") + "/entry").json();
        assertThat(carried.getString("title")).isEqualTo("发动机缸盖快换夹具");
        assertThat(carried.getJsonArray("attachments").getJsonObject(0).getString("sha256"))
                .isEqualTo(pdf.json().getString("sha256"));
        Reply twice = organizer.post("/api/events/" + round.eventId + "/advancement",
                new JsonObject().put("toEventId", semifinal));
        assertThat(twice.json().getJsonArray("advanced")).isEmpty();
        assertThat(twice.json().getJsonArray("alreadyRegistered")).hasSize(3);
        // 推荐晋级: the same into another contest's event.
        long provincial = ReviewRound.created(organizer.post("/api/contests", new JsonObject()
                .put("name", "2026年全省职工创新成果评选").put("kind", "INNOVATION").put("level", "PROVINCE")
                .put("contestClass", "FIRST").put("year", 2026).put("organizer", "山东省总工会")));
        long provincialEvent = ReviewRound.created(organizer.post("/api/contests/" + provincial + "/events",
                new JsonObject().put("name", "技术革新").put("trade", "技术革新")));
        Reply recommended = organizer.post("/api/events/" + round.eventId + "/advancement",
                new JsonObject().put("toEventId", provincialEvent));
        assertThat(recommended.status()).as(recommended.body()).isEqualTo(201);
        assertThat(recommended.json().getBoolean("sameContest")).isFalse();
        assertThat(recommended.json().getJsonArray("advanced")).hasSize(3);
        assertThat(organizer.get("/api/events/" + round.eventId + "/advancement").json().getJsonArray("items"))
                .hasSize(3);

        Reply published = organizer.post("/api/events/" + round.eventId + "/publication",
                new JsonObject().put("noticeHours", 72));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonArray lines = b.get("/api/events/" + round.eventId + "/results").json().getJsonArray("lines");
        assertThat(round.entryOfCode(lines.getJsonObject(0).getString("entryCode"))).isEqualTo(winner);
        assertThat(lines.getJsonObject(0).getString("normalised")).isNotNull();
        Reply certificates = organizer.post("/api/events/" + round.eventId + "/certificates", new JsonObject());
        assertThat(certificates.status()).as(certificates.body()).isEqualTo(201);
        JsonObject first = certificates.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
                .filter(c -> c.getString("award").equals("一等奖")).findFirst().orElseThrow();
        assertThat(first.getJsonArray("names").getList()).containsExactly("作者" + winner);
    }
}
