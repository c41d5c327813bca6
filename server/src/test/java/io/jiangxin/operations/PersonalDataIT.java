package io.jiangxin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.results.ScoredEvent;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.MainAccess;
import io.jiangxin.server.config.Operations;
import io.jiangxin.support.Http;
import io.jiangxin.support.MovableClock;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 个人信息 (docs/privacy.md): no export or page shows a full ID number; organizers get them only through an audited
 * export with a reason; a person's record exports as JSON and xlsx; the retention period anonymises a closed
 * contest's people while results, score logs and verify-log stay as they were; an erasure request does the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT {

    static final String ID1 = "11010519491231002X";
    static final String ID2 = "370702198506123413";
    private final MovableClock clock = new MovableClock();
    private TestDatabase database;
    private JiangxinNode node;
    private Http organizer;
    private ScoredEvent scored;
    private long person1;
    private long person2;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), false)
                .withOperations(Operations.DEFAULTS.withRetention(Duration.ofDays(30))), clock);
        organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
        scored = new ScoredEvent(organizer, new Http(node.httpPort()), "2026年个人信息测试赛");
        person1 = withIdNumber(scored.setup.entry001, ID1);
        person2 = withIdNumber(scored.setup.entry002, ID2);
        scored.markAndLock("001", 9, 8, 10);
        scored.markAndLock("002", 7, 6, 0);
        scored.signOff();
        Http.Reply published = organizer.post("/api/events/" + scored.setup.eventId + "/publication",
                new JsonObject().put("noticeHours", 1));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    private long withIdNumber(long registrationId, String idNumber) {
        long personId = organizer.get("/api/registrations/" + registrationId).json().getLong("personId");
        JsonObject person = organizer.get("/api/people/" + personId).json();
        Http.Reply updated = organizer.put("/api/people/" + personId, new JsonObject().put("name", person.getString("name"))
                .put("employeeNo", person.getString("employeeNo")).put("organizationId", person.getLong("organizationId"))
                .put("idNumber", idNumber));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        return personId;
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

    /** Every text part of a workbook (cells, shared strings, sheet names) as one string. */
    static String workbookText(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("jiangxin-privacy-", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(text).as("a workbook").contains("sheet");
        // fastexcel writes characters beyond ASCII as numeric references (&#36873;): read them back as text.
        return java.util.regex.Pattern.compile("&#(x?)([0-9A-Fa-f]+);").matcher(text).replaceAll(m ->
                java.util.regex.Matcher.quoteReplacement(Character.toString(
                        Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    }

    @Test
    @Order(1)
    void noExportOrPageShowsAFullIdNumber() throws Exception {
        String event = "/api/events/" + scored.setup.eventId;
        String contest = "/api/contests/" + scored.setup.contestId;
        for (String path : List.of(event + "/results.xlsx", event + "/marks.xlsx", event + "/audit.xlsx",
                contest + "/results.xlsx", contest + "/team-results.xlsx")) {
            Http.Download download = organizer.download(path);
            assertThat(download.status()).as(path).isEqualTo(200);
            assertThat(workbookText(download.body())).as(path).doesNotContain(ID1).doesNotContain(ID2)
                    .doesNotContain("19491231").contains(path.endsWith("/results.xlsx") ? "选手一" : "2026年个人信息测试赛");
        }
        for (String path : List.of("/api/people/" + person1, "/api/people?organizationId=", event + "/results",
                contest + "/results", "/api/registrations?eventId=" + scored.setup.eventId, event + "/matrix",
                event + "/audit")) {
            String body = organizer.get(path).body();
            assertThat(body).as(path).doesNotContain(ID1).doesNotContain(ID2).doesNotContain("19491231");
        }
        assertThat(organizer.get("/api/people/" + person1).json().getString("idNumber")).isEqualTo("110105********002X");
    }

    @Test
    @Order(2)
    void fullIdNumbersLeaveOnlyThroughAnAuditedExport() throws Exception {
        String path = "/api/contests/" + scored.setup.contestId + "/personal-data-exports";
        Http.Reply noReason = organizer.post(path, new JsonObject());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo("reason");
        assertThat(organizer.post(path, new JsonObject().put("reason", "x")).status()).isEqualTo(400);
        assertThat(scored.head.post(path, new JsonObject().put("reason", "报送省总工会")).status()).isEqualTo(403);
        assertThat(new Http(node.httpPort()).post(path, new JsonObject().put("reason", "报送省总工会")).status())
                .isEqualTo(401);
        assertThat(organizer.post("/api/contests/999999/personal-data-exports",
                new JsonObject().put("reason", "报送省总工会")).status()).isEqualTo(404);

        Http.Download export = organizer.downloadPost(path, new JsonObject().put("reason", "报送省总工会备案"));
        assertThat(export.status()).isEqualTo(200);
        String text = workbookText(export.body());
        assertThat(text).contains(ID1).contains(ID2).contains("报送省总工会备案").contains("选手一");

        JsonArray actions = organizer.get("/api/personal-data-actions").json().getJsonArray("items");
        JsonObject last = actions.getJsonObject(0);
        assertThat(last.getString("action")).isEqualTo("FULL_ID_EXPORT");
        assertThat(last.getString("reason")).isEqualTo("报送省总工会备案");
        assertThat(last.getInteger("people")).isEqualTo(2);
        assertThat(last.getLong("contest_id")).isEqualTo(scored.setup.contestId);
        assertThat(last.getString("request_id")).isEqualTo(export.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(text).contains("audit #" + last.getLong("id"));
        assertThat(scored.head.get("/api/personal-data-actions").status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void aPersonsRecordExportsAsJsonAndXlsx() throws Exception {
        Http.Reply record = organizer.get("/api/people/" + person1 + "/personal-data");
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        JsonObject json = record.json();
        assertThat(json.getJsonObject("person").getString("id_number")).isEqualTo(ID1);
        assertThat(json.getJsonObject("person").getString("name")).isEqualTo("选手一");
        assertThat(json.getJsonArray("registrations")).hasSize(1);
        assertThat(json.getJsonArray("registrations").getJsonObject(0).getString("contest")).isEqualTo("2026年个人信息测试赛");
        assertThat(json.getLong("auditId")).isPositive();

        Http.Download xlsx = organizer.download("/api/people/" + person1 + "/personal-data.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(workbookText(xlsx.body())).contains(ID1).contains("2026年个人信息测试赛");
        assertThat(organizer.get("/api/people/999999/personal-data").status()).isEqualTo(404);
        assertThat(scored.head.get("/api/people/" + person1 + "/personal-data").status()).isEqualTo(403);
        assertThat(organizer.get("/api/personal-data-actions").json().getJsonArray("items").getJsonObject(0)
                .getString("action")).isEqualTo("PERSON_EXPORT");
    }

    private String verifyLog() {
        StringWriter out = new StringWriter();
        var commandLine = MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        int status = commandLine.execute("verify-log", "--database-url", database.url().toString());
        assertThat(status).as(out.toString()).isZero();
        return out.toString();
    }

    private static JsonArray lines(JsonObject results, String field) {
        JsonArray picked = new JsonArray();
        results.getJsonArray("lines").forEach(l -> picked.add(((JsonObject) l).getValue(field)));
        return picked;
    }

    @Test
    @Order(4)
    void retentionAnonymisesAClosedContestAndKeepsResultsAndChains() throws Exception {
        String results = "/api/events/" + scored.setup.eventId + "/results";
        JsonObject before = organizer.get(results).json();
        String chainsBefore = verifyLog();

        clock.advance(Duration.ofDays(29));
        // a month on, yesterday's sign-in has long expired (sessions read the same clock)
        assertThat(organizer.get("/api/people/" + person1).status()).isEqualTo(401);
        organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
        assertThat(node.personalData().applyRetention().toCompletionStage().toCompletableFuture().get()).isZero();
        assertThat(organizer.get("/api/people/" + person1).json().getString("name")).isEqualTo("选手一");

        clock.advance(Duration.ofDays(2));
        organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
        // The two competitors; the judges have accounts and are kept (docs/privacy.md).
        assertThat(node.personalData().applyRetention().toCompletionStage().toCompletableFuture().get()).isEqualTo(2);
        JsonObject person = organizer.get("/api/people/" + person1).json();
        assertThat(person.getString("name")).isEqualTo("已匿名 / anonymised");
        assertThat(person.getString("idNumber")).isNull();
        assertThat(database.queryLong("select count(*) from person where id_number in ('" + ID1 + "', '" + ID2 + "')"))
                .isZero();

        JsonObject after = organizer.get(results).json();
        for (String field : List.of("entryCode", "rank", "total", "award", "status")) {
            assertThat(lines(after, field)).as(field).isEqualTo(lines(before, field));
        }
        assertThat(lines(after, "entrant")).containsOnly("已匿名 / anonymised");
        assertThat(verifyLog()).isEqualTo(chainsBefore);

        JsonObject action = organizer.get("/api/personal-data-actions").json().getJsonArray("items").getJsonObject(0);
        assertThat(action.getString("action")).isEqualTo("RETENTION");
        assertThat(action.getInteger("people")).isEqualTo(2);
        assertThat(action.getValue("account_id")).isNull();
        assertThat(node.personalData().applyRetention().toCompletionStage().toCompletableFuture().get()).isZero();
    }

    @Test
    @Order(5)
    void anErasureRequestAnonymisesOnce() {
        long org = organizer.post("/api/organizations", new JsonObject().put("name", "删除请求测试厂")).id();
        long person = organizer.post("/api/people", new JsonObject().put("name", "王五").put("employeeNo", "E-9")
                .put("organizationId", org).put("idNumber", "110105198001011238")).id();
        String path = "/api/people/" + person + "/erasure";
        assertThat(organizer.post(path, new JsonObject()).status()).isEqualTo(400);
        assertThat(organizer.post(path, new JsonObject().put("reason", "本人申请删除").put("extra", 1)).status())
                .isEqualTo(400);
        Http.Reply erased = organizer.post(path, new JsonObject().put("reason", "本人申请删除（2026-12-01 来函）"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().getBoolean("anonymised")).isTrue();
        assertThat(organizer.get("/api/people/" + person).json().getString("name")).isEqualTo("已匿名 / anonymised");
        Http.Reply again = organizer.post(path, new JsonObject().put("reason", "重复请求"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("ALREADY_ANONYMISED");
        assertThat(organizer.post("/api/people/999999/erasure", new JsonObject().put("reason", "本人申请删除"))
                .status()).isEqualTo(404);
        JsonObject action = organizer.get("/api/personal-data-actions").json().getJsonArray("items").getJsonObject(0);
        assertThat(action.getString("action")).isEqualTo("ERASURE");
        assertThat(action.getLong("person_id")).isEqualTo(person);
    }
}
