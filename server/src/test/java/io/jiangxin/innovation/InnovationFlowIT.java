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
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * signs off, the organizer publishes, and the certificates go to the normalised winners; the top three advance with
 * their documents into a 复赛 combined with the 初赛 by weight, its top two into a live 决赛 combining all three rounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InnovationFlowIT {

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
        Reply pdf = entrant.sendBytes("POST", entry + "/attachments?fileName=proposal.pdf", io.jiangxin.support.Documents.pdf(4096),
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
        JsonObject history = organizer.get("/api/registrations/" + e1Moved.getLong("toRegistrationId")
                + "/entry/audit").json().getJsonArray("items").getJsonObject(0);
        assertThat(history.getString("action")).isEqualTo("ADVANCED");
        assertThat(history.getJsonObject("detail").getLong("fromRegistrationId")).isEqualTo(round.registrations.get("e1"));
        assertThat(history.getJsonObject("detail").getLong("advancementId")).isEqualTo(advanced.json().getLong("id"));
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
        assertThat(lines.getJsonObject(0).getString("advanceReason")).as("the results say why it advanced")
                .isEqualTo("名次 1 在前 3 名内（含并列） / rank 1 within the top 3 (ties included)");
        assertThat(lines.getJsonObject(3).getBoolean("advances")).isFalse();
        assertThat(lines.getJsonObject(3).getString("advanceReason")).isNull();
        Reply certificates = organizer.post("/api/events/" + round.eventId + "/certificates", new JsonObject());
        assertThat(certificates.status()).as(certificates.body()).isEqualTo(201);
        JsonObject first = certificates.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
                .filter(c -> c.getString("award").equals("一等奖")).findFirst().orElseThrow();
        assertThat(first.getJsonArray("names").getList()).containsExactly("作者" + winner);

        semifinalAndLiveFinal(a, b, organizer, round, semifinal, moved, expectedAdvancing);
    }

    @Test
    void aTeamEntrysAwardCertificateNamesEveryAuthor() {
        Http a = new Http(nodes.get(0).httpPort());
        Http b = new Http(nodes.get(1).httpPort());
        Http organizer = a.signIn(Nodes.ORGANIZER_CODE);
        JsonObject scheme = ReviewRound.scheme("/schemes/harsh-lenient.json");
        scheme.remove("normalisation");
        scheme.remove("consistency");
        ReviewRound round = new ReviewRound(b, organizer, "2026年攻关小组成果评选", scheme,
                Map.of("丙厂", List.of("e1")), List.of("J"));
        long org = ReviewRound.created(organizer.post("/api/organizations", new JsonObject().put("name", "丁厂攻关单位")));
        JsonArray members = new JsonArray();
        for (String name : List.of("王工", "李工", "赵工")) {
            members.add(ReviewRound.created(organizer.post("/api/people", new JsonObject().put("name", name)
                    .put("employeeNo", "T" + name).put("organizationId", org))));
        }
        long team = ReviewRound.created(organizer.post("/api/teams", new JsonObject().put("name", "缸体攻关小组")
                .put("organizationId", org).put("memberIds", members)));
        Reply registered = organizer.post("/api/events/" + round.eventId + "/registrations",
                new JsonObject().put("teamId", team));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String teamCode = registered.json().getString("entryCode");
        round.mark("J", "e1", "Q", 60);
        mark(round, "J", round.eventId, teamCode, 80);
        for (String code : List.of(round.codes.get("e1"), teamCode)) {
            assertThat(once(round.head).post("/api/events/" + round.eventId + "/sheets/" + code + "/lock",
                    new JsonObject()).status()).isEqualTo(201);
        }
        assertThat(once(round.head).post("/api/events/" + round.eventId + "/sign-off", new JsonObject()).status())
                .isEqualTo(201);
        assertThat(organizer.post("/api/events/" + round.eventId + "/publication", new JsonObject()
                .put("noticeHours", 72)).status()).isEqualTo(201);
        Reply certificates = organizer.post("/api/events/" + round.eventId + "/certificates", new JsonObject());
        assertThat(certificates.status()).as(certificates.body()).isEqualTo(201);
        JsonObject first = certificates.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
                .filter(c -> c.getString("award").equals("一等奖")).findFirst().orElseThrow();
        assertThat(first.getJsonArray("names").getList()).as("every author of the team, in team order")
                .containsExactly("王工", "李工", "赵工");
        JsonObject verified = b.get("/api/certificates/" + first.getString("code")).json();
        assertThat(verified.getBoolean("valid")).isTrue();
        assertThat(verified.getJsonArray("names").getList()).containsExactly("王工", "李工", "赵工");
        assertThat(verified.getString("team")).isEqualTo("缸体攻关小组");
    }

    /**
     * 复赛 and the live 决赛: the advanced entries bring their 初赛 (normalised) totals along; the 复赛 ranks on 40% 初赛
     * + 60% 复赛, which keeps the 初赛 leader ahead of an entry one point better in the 复赛 alone; its top two advance
     * with both totals into a 决赛 judged live (20% 初赛, 30% 复赛, 50% 决赛), watched on the public board through the
     * other node, published and certified. Every figure is {@code evaluate}'s on the exported scheme and marks.
     */
    private void semifinalAndLiveFinal(Http a, Http b, Http organizer, ReviewRound round, long semifinal,
                                       JsonArray moved, List<String> byPrelim) throws Exception {
        Map<String, String> semiCodes = new LinkedHashMap<>();
        Map<String, String> semiEntry = new LinkedHashMap<>();
        Map<String, BigDecimal> prelim = new LinkedHashMap<>();
        for (Object o : moved) {
            JsonObject m = (JsonObject) o;
            String e = round.entryOf(String.valueOf(m.getLong("fromRegistrationId")));
            semiCodes.put(e, m.getString("entryCode"));
            semiEntry.put(String.valueOf(m.getLong("toRegistrationId")), e);
            prelim.put(e, new BigDecimal(m.getString("normalised")));
            assertThat(m.getString("roundId")).isEqualTo("harsh-lenient");
            assertThat(m.getString("roundTotal")).isEqualTo(m.getString("normalised"));
            assertThat(m.getString("reason")).contains("在前 3 名内").contains("within the top 3");
        }
        String p1 = byPrelim.get(0);
        String p2 = byPrelim.get(1);
        String p3 = byPrelim.get(2);
        // 40% of the 初赛 lead must outweigh 60% of one 复赛 point for this case to show the combination at work.
        assertThat(prelim.get(p1).subtract(prelim.get(p2))).isGreaterThan(new BigDecimal("1.5"));

        Reply semiScheme = organizer.put("/api/events/" + semifinal + "/scheme", new JsonObject().put("scheme",
                laterScheme("semi-2026", "semi", Map.of("harsh-lenient", 40, "semi", 60), 2)));
        assertThat(semiScheme.status()).as(semiScheme.body()).isEqualTo(200);
        seatPanel(round, semifinal);
        Map<String, Integer> semiMarks = Map.of(p1, 60, p2, 61, p3, 50);
        for (String judge : List.of("H", "L", "M")) {
            semiMarks.forEach((e, value) -> mark(round, judge, semifinal, semiCodes.get(e), value));
        }
        JsonNode semiEvaluated = evaluate(organizer, semifinal);
        List<String> semiExpected = lines(semiEvaluated, semiEntry);
        JsonArray semiRows = round.head.get("/api/events/" + semifinal + "/standings").json().getJsonArray("rows");
        assertThat(standingsLines(semiRows, semiEntry)).containsExactlyElementsOf(semiExpected);
        JsonObject top = semiRows.getJsonObject(0);
        assertThat(semiEntry.get(top.getString("entryId"))).as("the 初赛 leader stays ahead on the combined score")
                .isEqualTo(p1);
        JsonObject second = semiRows.getJsonObject(1);
        assertThat(semiEntry.get(second.getString("entryId"))).isEqualTo(p2);
        assertThat(new BigDecimal(second.getString("total"))).as("though the 复赛 alone ranks it second")
                .isGreaterThan(new BigDecimal(top.getString("total")));
        assertThat(top.getJsonObject("rounds").getString("harsh-lenient")).isEqualTo(prelim.get(p1).toPlainString());
        assertThat(top.getJsonObject("rounds").getString("semi")).isEqualTo("60.00");

        for (String code : semiCodes.values()) {
            Reply locked = once(round.head).post("/api/events/" + semifinal + "/sheets/" + code + "/lock",
                    new JsonObject());
            assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        }
        assertThat(once(round.head).post("/api/events/" + semifinal + "/sign-off", new JsonObject()).status())
                .isEqualTo(201);
        long finalEvent = ReviewRound.created(organizer.post("/api/contests/" + round.contestId + "/events",
                new JsonObject().put("name", "技术革新决赛").put("trade", "技术革新")));
        Reply toFinal = organizer.post("/api/events/" + semifinal + "/advancement",
                new JsonObject().put("toEventId", finalEvent));
        assertThat(toFinal.status()).as(toFinal.body()).isEqualTo(201);
        Map<String, String> finalCodes = new LinkedHashMap<>();
        Map<String, String> finalEntry = new LinkedHashMap<>();
        for (Object o : toFinal.json().getJsonArray("advanced")) {
            JsonObject m = (JsonObject) o;
            String e = semiEntry.get(String.valueOf(m.getLong("fromRegistrationId")));
            finalCodes.put(e, m.getString("entryCode"));
            finalEntry.put(String.valueOf(m.getLong("toRegistrationId")), e);
            assertThat(m.getString("roundId")).isEqualTo("semi");
            assertThat(m.getString("roundTotal")).as("the 复赛's own total, not the combined score")
                    .isEqualTo(semiMarks.get(e) + ".00");
            assertThat(m.getString("reason")).contains("在前 2 名内");
            assertThat(m.getInteger("documents")).isEqualTo(e.equals("e1") ? 1 : 0);
        }
        assertThat(finalCodes.keySet()).containsExactly(p1, p2);

        // 决赛 (路演答辩), live: the panel marks through node B, the hall's public board reads node A.
        Reply finalScheme = organizer.put("/api/events/" + finalEvent + "/scheme", new JsonObject().put("scheme",
                laterScheme("final-2026", "final", Map.of("harsh-lenient", 20, "semi", 30, "final", 50), 0)));
        assertThat(finalScheme.status()).as(finalScheme.body()).isEqualTo(200);
        seatPanel(round, finalEvent);
        Map<String, Integer> finalMarks = Map.of(p1, 90, p2, 70);
        for (String judge : List.of("H", "L", "M")) {
            finalMarks.forEach((e, value) -> mark(round, judge, finalEvent, finalCodes.get(e), value));
        }
        JsonNode finalEvaluated = evaluate(organizer, finalEvent);
        List<String> finalExpected = lines(finalEvaluated, finalEntry);
        JsonArray finalRows = round.head.get("/api/events/" + finalEvent + "/standings").json().getJsonArray("rows");
        assertThat(standingsLines(finalRows, finalEntry)).containsExactlyElementsOf(finalExpected);
        for (Object o : finalRows) {
            JsonObject row = (JsonObject) o;
            String e = finalEntry.get(row.getString("entryId"));
            assertThat(row.getJsonObject("rounds").getMap()).as("both earlier rounds came along").containsExactlyInAnyOrderEntriesOf(Map.of(
                    "harsh-lenient", prelim.get(e).toPlainString(), "semi", semiMarks.get(e) + ".00",
                    "final", finalMarks.get(e) + ".00"));
        }
        List<String> expectedBoard = new ArrayList<>();
        finalRows.forEach(o -> expectedBoard.add(((JsonObject) o).getInteger("rank") + " "
                + ((JsonObject) o).getString("combined")));
        Poll.until(Duration.ofSeconds(10), "the public board on node A shows the live 决赛", () -> {
            List<String> shown = new ArrayList<>();
            a.get("/api/events/" + finalEvent + "/board?view=PUBLIC").json().getJsonArray("rows")
                    .forEach(o -> shown.add(((JsonObject) o).getInteger("rank") + " " + ((JsonObject) o).getString("combined")));
            return shown.equals(expectedBoard);
        });

        for (String code : finalCodes.values()) {
            assertThat(once(round.head).post("/api/events/" + finalEvent + "/sheets/" + code + "/lock",
                    new JsonObject()).status()).isEqualTo(201);
        }
        assertThat(once(round.head).post("/api/events/" + finalEvent + "/sign-off", new JsonObject()).status())
                .isEqualTo(201);
        Reply published = organizer.post("/api/events/" + finalEvent + "/publication",
                new JsonObject().put("noticeHours", 72));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonObject champion = b.get("/api/events/" + finalEvent + "/results").json().getJsonArray("lines")
                .getJsonObject(0);
        String winner = finalExpected.get(0).split(" ")[0];
        assertThat(finalCodes.get(winner)).isEqualTo(champion.getString("entryCode"));
        assertThat(champion.getString("combined")).isEqualTo(finalRows.getJsonObject(0).getString("combined"));
        assertThat(champion.getJsonObject("award").getString("nameZh")).isEqualTo("一等奖");
        Reply certificates = organizer.post("/api/events/" + finalEvent + "/certificates", new JsonObject());
        assertThat(certificates.status()).as(certificates.body()).isEqualTo(201);
        JsonObject first = certificates.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
                .filter(c -> c.getString("award").equals("一等奖")).findFirst().orElseThrow();
        assertThat(first.getJsonArray("names").getList()).containsExactly("作者" + winner);
    }

    /** A later round's scheme: the document round's sheet, judged by the whole panel (no normalisation). */
    private static JsonObject laterScheme(String id, String current, Map<String, Integer> weights, int topN) {
        JsonObject scheme = ReviewRound.scheme("/schemes/harsh-lenient.json");
        scheme.remove("normalisation");
        scheme.remove("consistency");
        scheme.put("id", id).put("nameZh", "创新成果" + current).put("nameEn", "Innovation " + current);
        JsonArray list = new JsonArray();
        new java.util.TreeMap<>(weights).forEach((round, weight) -> list.add(new JsonObject().put("round", round)
                .put("weight", weight)));
        scheme.put("rounds", new JsonObject().put("current", current).put("weights", list));
        if (topN > 0) {
            scheme.put("advancement", new JsonObject().put("topN", topN));
        } else {
            scheme.remove("advancement");
        }
        return scheme;
    }

    private static void seatPanel(ReviewRound round, long eventId) {
        round.judgeIds.values().forEach(id -> round.seat(eventId, id, "JUDGE"));
        round.seat(eventId, round.headId, "HEAD_JUDGE");
    }

    private static void mark(ReviewRound round, String judge, long eventId, String code, int value) {
        Reply marked = once(round.judges.get(judge)).post("/api/events/" + eventId + "/sheets/" + code + "/marks",
                new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", "Q")
                        .put("value", value))));
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
    }

    private static JsonNode evaluate(Http organizer, long eventId) throws Exception {
        Path dir = Files.createTempDirectory("innovation-round-");
        Path schemeFile = dir.resolve("scheme.json");
        Files.writeString(schemeFile, organizer.get("/api/events/" + eventId + "/scheme").json()
                .getJsonObject("scheme").encode());
        Path marksFile = dir.resolve("marks.json");
        Reply marks = organizer.get("/api/events/" + eventId + "/marks.json");
        assertThat(marks.status()).as(marks.body()).isEqualTo(200);
        Files.writeString(marksFile, marks.body());
        return new ObjectMapper().readTree(Evaluation.evaluate(schemeFile, marksFile));
    }

    /** evaluate's entries as "e # rank combined award advances". */
    private static List<String> lines(JsonNode evaluated, Map<String, String> names) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : evaluated.get("entries")) {
            lines.add(names.get(e.get("entry").asText()) + " #" + e.get("rank").asInt() + " "
                    + e.get("rankingScore").decimalValue().toPlainString() + " "
                    + (e.get("award").isNull() ? null : e.get("award").get("code").asText())
                    + (e.has("advances") && e.get("advances").asBoolean() ? " advances" : ""));
        }
        return lines;
    }

    private static List<String> standingsLines(JsonArray rows, Map<String, String> names) {
        List<String> lines = new ArrayList<>();
        for (Object o : rows) {
            JsonObject row = (JsonObject) o;
            lines.add(names.get(row.getString("entryId")) + " #" + row.getInteger("rank") + " "
                    + row.getString("combined") + " " + row.getString("award")
                    + (Boolean.TRUE.equals(row.getBoolean("advances")) ? " advances" : ""));
        }
        return lines;
    }
}
