package io.jiangxin.innovation;

import static io.jiangxin.support.Documents.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Download;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 创新成果 over HTTP: an entrant submits and edits their entry with their worker account within the submission
 * window, uploads documents (type, size and count limits, checksum), reads them back streamed; another entrant's entry
 * is refused; judges read it blind; after the window only the organizer edits, and every change is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryApiIT {

    private TestDatabase database;
    private JiangxinNode node;
    private Http http;
    private Http organizer;
    private Http entrant;
    private ReviewRound round;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        http = new Http(node.httpPort());
        organizer = http.signIn(Nodes.ORGANIZER_CODE);
        Map<String, List<String>> enterprises = new LinkedHashMap<>();
        enterprises.put("潍柴动力", List.of("e1", "e2"));
        round = new ReviewRound(http, organizer, "2026年创新成果提交测试", ReviewRound.scheme("/schemes/harsh-lenient.json"),
                enterprises, List.of("J1"));
        Reply worker = organizer.post("/api/people/" + round.persons.get("e1") + "/account", new JsonObject());
        assertThat(worker.status()).as(worker.body()).isEqualTo(201);
        entrant = http.signIn(worker.json().getString("signInCode"));
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

    private String entry(String e) {
        return "/api/registrations/" + round.registrations.get(e) + "/entry";
    }

    private Reply window(OffsetDateTime opens, OffsetDateTime closes) {
        return organizer.put("/api/events/" + round.eventId + "/submission-window", new JsonObject()
                .put("opensAt", opens.toString()).put("closesAt", closes.toString()));
    }

    private static JsonObject content(String title) {
        return new JsonObject().put("title", title).put("kind", "TECH_INNOVATION")
                .put("summary", "将焊接夹具改为快换结构，换型时间由 40 分钟降至 8 分钟。")
                .put("patentNumbers", new JsonArray().add("ZL202310123456.7").add("ZL202320654321.0"))
                .put("standardNumbers", new JsonArray().add("Q/WC 1234-2025")).put("benefitWan", "126.50")
                .put("videoUrl", "https://video.example.cn/v/123");
    }

    @Test
    @Order(1)
    void anEntrantSubmitsWithinTheWindowAndOnlyTheirOwnEntry() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        Reply closedFirst = entrant.put(entry("e1"), content("快换焊接夹具"));
        assertThat(closedFirst.status()).as("no window yet: " + closedFirst.body()).isEqualTo(409);
        Reply backwards = window(now.plusHours(1), now.minusHours(1));
        assertThat(backwards.status()).as(backwards.body()).isEqualTo(400);
        assertThat(window(now.minusHours(1), now.plusHours(1)).status()).isEqualTo(200);

        JsonArray mine = entrant.get("/api/entries/mine").json().getJsonArray("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getLong("registrationId")).isEqualTo(round.registrations.get("e1"));
        assertThat(organizer.get("/api/entries/mine").status()).isEqualTo(403);

        Reply saved = entrant.put(entry("e1"), content("快换焊接夹具"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getString("title")).isEqualTo("快换焊接夹具");
        assertThat(saved.json().getString("benefitWan")).isEqualTo("126.50");
        assertThat(saved.json().getJsonArray("patentNumbers")).hasSize(2);
        assertThat(saved.json().getString("kindLabel")).isEqualTo("技术革新");
        assertThat(saved.json().getJsonArray("authors").getJsonObject(0).getString("name")).isEqualTo("作者e1");

        assertThat(entrant.put(entry("e2"), content("别人的成果")).json().getString("error")).isEqualTo("NOT_YOUR_ENTRY");
        assertThat(entrant.get(entry("e2")).status()).isEqualTo(403);
        assertThat(entrant.get("/api/events/" + round.eventId + "/standings").status()).isEqualTo(403);

        assertThat(entrant.put(entry("e1"), content("x").put("kind", "PATENT")).status()).isEqualTo(400);
        assertThat(entrant.put(entry("e1"), content("x").put("benefitWan", "1.234")).status()).isEqualTo(400);
        assertThat(entrant.put(entry("e1"), content("x").put("benefitWan", -1)).status()).isEqualTo(400);
        assertThat(entrant.put(entry("e1"), content("x").put("author", "张三")).status()).isEqualTo(400);
        assertThat(entrant.put(entry("e1"), content("x").put("videoUrl", "ftp://x")).status()).isEqualTo(400);
        assertThat(entrant.put(entry("e1"), content("")).status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void documentsAreCheckedStoredWithTheirChecksumAndStreamedBack() throws Exception {
        byte[] pdf = pdf(600 * 1024);
        Reply uploaded = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=" + "proposal.pdf", pdf,
                "application/pdf");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(uploaded.json().getString("sha256")).isEqualTo(sha);
        assertThat(uploaded.json().getInteger("size")).isEqualTo(pdf.length);
        long id = uploaded.json().getLong("id");

        Download back = entrant.download(entry("e1") + "/attachments/" + id);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(pdf);
        assertThat(back.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(back.headers().firstValue("X-Content-SHA256")).contains(sha);

        Reply text = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=a.txt",
                "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(text.status()).as(text.body()).isEqualTo(415);
        assertThat(text.json().getString("error")).isEqualTo("UNSUPPORTED_FILE_TYPE");
        Reply disguised = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=photo.png", pdf, "image/png");
        assertThat(disguised.status()).as(disguised.body()).isEqualTo(415);
        assertThat(disguised.json().getString("error")).isEqualTo("CONTENT_MISMATCH");
        Reply huge = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=big.pdf",
                pdf(10 * 1024 * 1024 + 1), "application/pdf");
        assertThat(huge.status()).as(huge.body()).isEqualTo(413);
        assertThat(huge.json().getString("error")).isEqualTo("FILE_TOO_LARGE");
        Reply nameless = entrant.sendBytes("POST", entry("e1") + "/attachments", pdf(100), "application/pdf");
        assertThat(nameless.status()).as(nameless.body()).isEqualTo(400);
        Reply other = entrant.sendBytes("POST", entry("e2") + "/attachments?fileName=x.pdf", pdf(100),
                "application/pdf");
        assertThat(other.status()).as(other.body()).isEqualTo(403);

        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        for (int i = 1; i < 8; i++) {
            Reply more = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=photo" + i + ".png", png,
                    "image/png");
            assertThat(more.status()).as(more.body()).isEqualTo(201);
        }
        Reply ninth = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=photo9.png", png, "image/png");
        assertThat(ninth.status()).as(ninth.body()).isEqualTo(409);
        assertThat(ninth.json().getString("error")).isEqualTo("TOO_MANY_ATTACHMENTS");
        assertThat(database.queryLong("select count(*) from entry_attachment")).isEqualTo(8);
    }

    @Test
    @Order(3)
    void judgesReadTheEntryBlind() {
        Http judge = round.judges.get("J1");
        Reply read = judge.get(entry("e1"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonObject view = read.json();
        assertThat(view.getBoolean("blind")).isTrue();
        assertThat(view.getString("title")).isEqualTo("快换焊接夹具");
        assertThat(view.getJsonArray("attachments")).hasSize(8);
        assertThat(view.containsKey("authors")).isFalse();
        assertThat(read.body()).doesNotContain("作者e1").doesNotContain("潍柴动力");
        long id = view.getJsonArray("attachments").getJsonObject(0).getLong("id");
        assertThat(judge.download(entry("e1") + "/attachments/" + id).status()).isEqualTo(200);
        assertThat(judge.put(entry("e1"), content("改")).status()).isEqualTo(403);
        assertThat(http.get(entry("e1")).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void afterTheWindowOnlyTheOrganizerEditsAndEveryChangeIsAudited() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        assertThat(window(now.minusDays(2), now.minusDays(1)).status()).isEqualTo(200);
        Reply late = entrant.put(entry("e1"), content("晚了"));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().getString("error")).isEqualTo("SUBMISSION_CLOSED");
        Reply lateFile = entrant.sendBytes("POST", entry("e1") + "/attachments?fileName=late.pdf", pdf(100),
                "application/pdf");
        assertThat(lateFile.status()).as(lateFile.body()).isEqualTo(409);
        Reply fixed = organizer.put(entry("e1"), content("快换式焊接夹具"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(entrant.get(entry("e1")).json().getBoolean("editable")).isFalse();

        JsonArray trail = organizer.get(entry("e1") + "/audit").json().getJsonArray("items");
        JsonObject last = trail.getJsonObject(trail.size() - 1);
        assertThat(last.getString("action")).isEqualTo("SAVE");
        assertThat(last.getJsonObject("by").getString("kind")).isEqualTo("ORGANIZER");
        assertThat(last.getJsonObject("detail").getBoolean("afterWindow")).isTrue();
        assertThat(trail.stream().map(o -> ((JsonObject) o).getString("action")).toList())
                .startsWith("SAVE", "ATTACH").hasSize(1 + 8 + 1);
        assertThat(entrant.get(entry("e1") + "/audit").status()).isEqualTo(403);
    }

}
