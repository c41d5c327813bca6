package io.jiangxin.http;

import static io.jiangxin.support.JudgingSetup.once;
import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.results.EventResult;
import io.jiangxin.results.ResultLine;
import io.jiangxin.results.TeamResultLine;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Download;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Excel exports against a real node: a contest with a signed-off event of four entries (a correction, a re-mark
 * round, a violation), a second event still provisional and a third without a scheme. Every figure read back from
 * the workbooks is compared with the JSON standings and with {@code EventResults}. The downloads are kept under
 * {@code target/samples/} for a person to open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExcelExportIT {

    static final Path SAMPLES = Path.of("target", "samples");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private JudgingSetup setup;
    private Http organizer;
    private Http j1;
    private Http j2;
    private Http head;
    private Http arbiter;
    private long secondEvent;
    private long eventWithoutScheme;

    @BeforeAll
    void start() throws Exception {
        organizer = server.organizer();
        setup = new JudgingSetup(organizer, "2026年潍坊市职工职业技能大赛", "SKILLS", scheme());
        JudgingPanel panel = new JudgingPanel(server.anonymous(), setup);
        j1 = panel.j1;
        j2 = panel.j2;
        head = panel.head;
        arbiter = panel.arbiter;

        long factory = created(organizer.post("/api/organizations", new JsonObject().put("name", "潍柴动力丁厂"))).id();
        long p3 = person(factory, "D3", "王建国");
        long p4 = person(factory, "D4", "李秀英");
        long p5 = person(factory, "D5", "张伟");
        register(setup.eventId, p3, "A-03");
        register(setup.eventId, p4, "A-04");

        secondEvent = created(organizer.post("/api/contests/" + setup.contestId + "/events",
                new JsonObject().put("name", "电工").put("trade", "电工"))).id();
        assertThat(organizer.put("/api/events/" + secondEvent + "/scheme", new JsonObject().put("scheme", scheme()))
                .status()).isEqualTo(200);
        register(secondEvent, p5, "B-01");
        assertThat(organizer.put("/api/events/" + secondEvent + "/panel/" + setup.j1,
                new JsonObject().put("role", "JUDGE")).status()).isEqualTo(200);
        assertThat(organizer.put("/api/events/" + secondEvent + "/panel/" + setup.j2,
                new JsonObject().put("role", "JUDGE")).status()).isEqualTo(200);
        eventWithoutScheme = created(organizer.post("/api/contests/" + setup.contestId + "/events",
                new JsonObject().put("name", "钳工").put("trade", "钳工"))).id();

        mark(j1, setup.eventId, "001", "A1", 8, "A2", "7.5", "Y1", 10);
        mark(j2, setup.eventId, "001", "A1", 9, "A2", 7, "Y1", 10);
        mark(j1, setup.eventId, "001", "A1", "8.5"); // a correction
        mark(j1, setup.eventId, "002", "A1", 6, "A2", 6, "Y1", 10);
        mark(j2, setup.eventId, "002", "A1", 9, "A2", "6.5", "Y1", 10);
        Reply remark = once(head).post(setup.sheet("002") + "/remarks",
                new JsonObject().put("aspectId", "A1").put("reason", "分差过大，请重新评判"));
        assertThat(remark.status()).as(remark.body()).isEqualTo(201);
        mark(j1, setup.eventId, "002", "A1", 7);
        mark(j2, setup.eventId, "002", "A1", "7.5");
        mark(j1, setup.eventId, "003", "A1", 9, "A2", 9, "Y1", 10);
        mark(j2, setup.eventId, "003", "A1", "9.5", "A2", 9, "Y1", 10);
        mark(j1, setup.eventId, "004", "A1", 5, "A2", 5, "Y1", 0);
        mark(j2, setup.eventId, "004", "A1", 5, "A2", "5.5", "Y1", 0);
        Reply violation = once(head).post(setup.sheet("004") + "/violations",
                new JsonObject().put("code", "SAFETY").put("count", 1).put("reason", "未戴护目镜"));
        assertThat(violation.status()).as(violation.body()).isEqualTo(201);
        mark(j1, secondEvent, "001", "A1", 6, "A2", 7, "Y1", 10);
        mark(j2, secondEvent, "001", "A1", 7, "A2", 7, "Y1", 10);
        Files.createDirectories(SAMPLES);
    }

    @Test
    @Order(1)
    void beforeSignOffTheHeadJudgeGetsProvisionalResultsWithCodesButNoNames() throws IOException {
        Download download = head.download("/api/events/" + setup.eventId + "/results.xlsx");
        assertThat(download.status()).isEqualTo(200);
        Map<String, List<Row>> book = read(download.body());
        List<Row> rows = book.values().iterator().next();
        assertThat(rows.get(1).getCellText(0)).contains("暂定成绩").contains("provisional");
        List<Row> lines = lines(rows);
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(row -> assertThat(text(row, 3)).isEmpty());
        assertThat(texts(rows)).anyMatch(t -> t.contains("签字确认后显示"));
    }

    @Test
    @Order(2)
    void exportedResultsReadBackIntoTheSameFiguresAsTheStandingsAndEventResults() throws Exception {
        for (String code : List.of("001", "002", "003", "004")) {
            Reply lock = once(head).post(setup.sheet(code) + "/lock", new JsonObject());
            assertThat(lock.status()).as(code + " " + lock.body()).isEqualTo(201);
        }
        Reply signOff = once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject());
        assertThat(signOff.status()).as(signOff.body()).isEqualTo(201);

        Download download = sample(organizer, "/api/events/" + setup.eventId + "/results.xlsx", "results-sample.xlsx");
        assertThat(download.headers().firstValue("Content-Type")).contains(ExportRoutes.XLSX);
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .isEqualTo("2026年潍坊市职工职业技能大赛-焊工-成绩表.xlsx");

        List<Row> rows = read(download.body()).values().iterator().next();
        assertThat(rows.get(0).getCellText(0)).contains("2026年潍坊市职工职业技能大赛").contains("焊工");
        assertThat(rows.get(1).getCellText(0)).contains("已签字确认");
        List<Row> lines = lines(rows);

        JsonArray standings = organizer.get("/api/events/" + setup.eventId + "/standings").json().getJsonArray("rows");
        EventResult result = results(setup.eventId);
        assertThat(lines).hasSize(standings.size()).hasSize(result.lines().size()).hasSize(4);
        for (int i = 0; i < lines.size(); i++) {
            Row row = lines.get(i);
            JsonObject json = standings.getJsonObject(i);
            ResultLine line = result.lines().get(i);
            assertThat(row.getCell(0).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCellAsNumber(0).orElseThrow().intValueExact()).isEqualTo(json.getInteger("rank"))
                    .isEqualTo(line.rank());
            assertThat(text(row, 1)).isEqualTo(json.getString("entryCode")).isEqualTo(line.entryCode());
            assertThat(text(row, 2)).isEqualTo(line.station());
            assertThat(text(row, 3)).isEqualTo(json.getString("entrant")).isEqualTo(line.entrant());
            assertThat(text(row, 4)).isEqualTo(String.join("、", line.organizations()));
            assertThat(row.getCell(6).getType()).as("the total is a number, not text").isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(6).getDataFormatString()).isEqualTo("0.00");
            assertThat(row.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(json.getString("total"))
                    .isEqualByComparingTo(line.total());
            assertThat(text(row, 7)).isEqualTo(line.award() == null ? "" : line.award().nameZh());
            assertThat(json.getString("award")).as("the standings carry the same award band")
                    .isEqualTo(line.award() == null ? null : line.award().code());
            assertThat(text(row, 8)).contains("最终");
        }
        assertThat(text(lines.get(0), 7)).isEqualTo("金奖");
        assertThat(texts(rows)).anyMatch(t -> t.startsWith("裁判长 head judge（签字"));
    }

    @Test
    @Order(3)
    void theWorkbookIsLaidOutForPrinting() throws IOException {
        byte[] xlsx = organizer.download("/api/events/" + setup.eventId + "/results.xlsx").body();
        String sheet = part(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("orientation=\"landscape\"").contains("paperSize=\"9\"")
                .contains("fitToWidth=\"1\"").contains("fitToHeight=\"0\"").contains("fitToPage=\"true\"")
                .contains("state=\"frozen\"").contains("ySplit=\"3\"").contains("&amp;P");
        assertThat(part(xlsx, "xl/workbook.xml")).contains("_xlnm.Print_Titles").contains("$3:$3");
    }

    @Test
    @Order(4)
    void theContestExportHasAnAwardSummaryAndOneSheetPerEventWithAScheme() throws Exception {
        Download download = sample(organizer, "/api/contests/" + setup.contestId + "/results.xlsx",
                "contest-results-sample.xlsx");
        Map<String, List<Row>> book = read(download.body());
        assertThat(book.keySet()).containsExactly("获奖汇总 Awards", "焊工", "电工");

        EventResult welding = results(setup.eventId);
        EventResult electric = results(secondEvent);
        List<Row> summary = lines(book.get("获奖汇总 Awards"));
        List<ResultLine> awarded = new ArrayList<>(welding.awarded());
        awarded.addAll(electric.awarded());
        assertThat(summary).hasSize(awarded.size());
        for (int i = 0; i < summary.size(); i++) {
            assertThat(text(summary.get(i), 1)).isEqualTo(awarded.get(i).award().nameZh());
            assertThat(text(summary.get(i), 3)).isEqualTo(awarded.get(i).entryCode());
            assertThat(summary.get(i).getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(awarded.get(i).total());
        }
        for (EventResult event : List.of(welding, electric)) {
            List<Row> lines = lines(book.get(event.eventName()));
            assertThat(lines).hasSize(event.lines().size());
            for (int i = 0; i < lines.size(); i++) {
                ResultLine line = event.lines().get(i);
                assertThat(text(lines.get(i), 1)).isEqualTo(line.entryCode());
                assertThat(lines.get(i).getCellAsNumber(0).orElseThrow().intValueExact()).isEqualTo(line.rank());
                assertThat(lines.get(i).getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(line.total());
                assertThat(text(lines.get(i), 3)).isEqualTo(line.entrant());
            }
        }
        assertThat(book.get("电工").get(1).getCellText(0)).contains("暂定成绩");
    }

    @Test
    @Order(5)
    void theTeamExportRanksEnterprisesAsEventResultsDoes() throws Exception {
        Download download = sample(organizer, "/api/contests/" + setup.contestId + "/team-results.xlsx",
                "team-results-sample.xlsx");
        Map<String, List<Row>> book = read(download.body());
        assertThat(book).containsKeys("焊工", "电工");
        List<Row> lines = lines(book.get("焊工"));
        List<TeamResultLine> teams = results(setup.eventId).teams();
        assertThat(lines).hasSize(teams.size()).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            TeamResultLine team = teams.get(i);
            assertThat(lines.get(i).getCellAsNumber(0).orElseThrow().intValueExact()).isEqualTo(team.rank());
            assertThat(text(lines.get(i), 1)).isEqualTo(team.organization());
            assertThat(lines.get(i).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo(team.total());
            assertThat(lines.get(i).getCellAsNumber(3).orElseThrow().intValueExact()).isEqualTo(team.entryCodes().size());
            assertThat(text(lines.get(i), 4)).isEqualTo(String.join("、", team.entryCodes()));
        }
        assertThat(lines.stream().map(r -> text(r, 1))).contains("潍柴动力丁厂");
    }

    @Test
    @Order(6)
    void theMarksExportShowsEachJudgesMarksTheCorrectionAndTheRemarkRound() throws IOException {
        Download download = sample(head, "/api/events/" + setup.eventId + "/marks.xlsx", "marks-sample.xlsx");
        List<Row> rows = read(download.body()).values().iterator().next();
        Row header = rows.stream().filter(r -> r.getCellText(0).startsWith("参赛号")).findFirst().orElseThrow();
        int c1 = column(header, "#" + setup.j1);
        int c2 = column(header, "#" + setup.j2);
        int value = column(header, "评定值");
        JsonObject matrix = head.get("/api/events/" + setup.eventId + "/matrix").json();

        List<Row> a1of001 = rows(rows, "001", "A1");
        assertThat(a1of001).hasSize(1);
        assertThat(a1of001.get(0).getCellAsNumber(c1).orElseThrow()).isEqualByComparingTo("8.5");
        assertThat(a1of001.get(0).getCellAsNumber(c2).orElseThrow()).isEqualByComparingTo("9");
        assertThat(text(a1of001.get(0), value + 2)).contains("更正").contains("8 → 8.5");
        assertThat(a1of001.get(0).getCellAsNumber(value).orElseThrow())
                .isEqualByComparingTo(aspect(matrix, "001", "A1").getString("value"));

        List<Row> a1of002 = rows(rows, "002", "A1");
        assertThat(a1of002).as("the first round and the re-mark round").hasSize(2);
        assertThat(a1of002.get(0).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(1);
        assertThat(a1of002.get(0).getCellAsNumber(c1).orElseThrow()).isEqualByComparingTo("6");
        assertThat(a1of002.get(0).getCellAsNumber(c2).orElseThrow()).isEqualByComparingTo("9");
        assertThat(text(a1of002.get(0), value + 1)).contains("已重评");
        assertThat(a1of002.get(0).getCellAsNumber(value)).isEmpty();
        assertThat(a1of002.get(1).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(2);
        assertThat(a1of002.get(1).getCellAsNumber(c1).orElseThrow()).isEqualByComparingTo("7");
        assertThat(a1of002.get(1).getCellAsNumber(c2).orElseThrow()).isEqualByComparingTo("7.5");
        assertThat(text(a1of002.get(1), value + 2)).contains("重评").contains("分差过大");
        assertThat(a1of002.get(1).getCellAsNumber(value).orElseThrow())
                .isEqualByComparingTo(aspect(matrix, "002", "A1").getString("value"));

        JsonArray standings = head.get("/api/events/" + setup.eventId + "/standings").json().getJsonArray("rows");
        for (Object item : standings) {
            JsonObject row = (JsonObject) item;
            List<Row> total = rows(rows, row.getString("entryCode"), "总分");
            assertThat(total).hasSize(1);
            assertThat(total.get(0).getCellAsNumber(value).orElseThrow()).isEqualByComparingTo(row.getString("total"));
        }
        assertThat(text(rows(rows, "004", "总分").get(0), value + 2)).contains("违反安全操作规程 ×1");
        assertThat(rows(rows, "004", "S1").get(0).getCellAsNumber(value).orElseThrow())
                .isEqualByComparingTo(aspect(matrix, "004", "S1").getString("value"));
        assertThat(text(rows(rows, "001", "总分").get(0), 1)).isEqualTo("选手一");
    }

    @Test
    @Order(7)
    void theAuditExportHasOneRowPerLogRecordWithItsHash() throws IOException {
        Download download = sample(arbiter, "/api/events/" + setup.eventId + "/audit.xlsx", "audit-sample.xlsx");
        List<Row> lines = lines(read(download.body()).values().iterator().next());
        JsonObject audit = organizer.get("/api/events/" + setup.eventId + "/audit?limit=500").json();
        long records = server.database().queryLong("select count(*) from score_event where event_id = "
                + setup.eventId);
        assertThat(lines).hasSize(audit.getJsonArray("items").size()).hasSize((int) records);
        Map<Long, String> hashes = new LinkedHashMap<>();
        audit.getJsonArray("items").forEach(i -> hashes.put(((JsonObject) i).getLong("seq"),
                ((JsonObject) i).getString("hash")));
        for (Row row : lines) {
            long seq = row.getCellAsNumber(0).orElseThrow().longValueExact();
            assertThat(text(row, 13)).as("hash of record " + seq).isEqualTo(hashes.get(seq));
        }
        Row correction = lines.stream().filter(r -> text(r, 5).startsWith("更正")).findFirst().orElseThrow();
        assertThat(correction.getCellAsNumber(9).orElseThrow()).isEqualByComparingTo("8");
        assertThat(correction.getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("8.5");
        assertThat(text(correction, 6)).isEqualTo("001");
        assertThat(correction.getCellAsDate(1)).isPresent();
        assertThat(lines.stream().map(r -> text(r, 5))).anyMatch(k -> k.startsWith("要求重评"))
                .anyMatch(k -> k.startsWith("签字确认"));
    }

    @Test
    @Order(8)
    void wrongRolesUnknownIdsAndMissingSchemesAreRefused() {
        String results = "/api/events/" + setup.eventId + "/results.xlsx";
        String marks = "/api/events/" + setup.eventId + "/marks.xlsx";
        String audit = "/api/events/" + setup.eventId + "/audit.xlsx";
        refused(j1.download(results), 403, "ROLE_NOT_ALLOWED");
        refused(j1.download(marks), 403, "NOT_HEAD_JUDGE");
        refused(j1.download(audit), 403, "ROLE_NOT_ALLOWED");
        refused(arbiter.download(marks), 403, "NOT_HEAD_JUDGE");
        assertThat(arbiter.download(results).status()).isEqualTo(200);
        refused(head.download("/api/contests/" + setup.contestId + "/results.xlsx"), 403, "ROLE_NOT_ALLOWED");
        refused(head.download("/api/contests/" + setup.contestId + "/team-results.xlsx"), 403, "ROLE_NOT_ALLOWED");
        refused(server.anonymous().download(results), 401, "SIGN_IN_REQUIRED");
        refused(server.anonymous().download("/api/contests/" + setup.contestId + "/results.xlsx"), 401,
                "SIGN_IN_REQUIRED");

        refused(organizer.download("/api/events/999999/results.xlsx"), 404, "NOT_FOUND");
        refused(organizer.download("/api/events/999999/marks.xlsx"), 404, "NOT_FOUND");
        refused(organizer.download("/api/events/abc/audit.xlsx"), 404, "NOT_FOUND");
        refused(organizer.download("/api/contests/999999/results.xlsx"), 404, "NOT_FOUND");
        refused(organizer.download("/api/contests/999999/team-results.xlsx"), 404, "NOT_FOUND");
        for (String what : List.of("results", "marks", "audit")) {
            refused(organizer.download("/api/events/" + eventWithoutScheme + "/" + what + ".xlsx"), 409, "NO_SCHEME");
        }
    }

    @Test
    @Order(9)
    void trainingResultsAreForOrganizersOnly() {
        JudgingSetup training = new JudgingSetup(organizer, "2026年青工岗位练兵培训考核", "TRAINING",
                JudgingSetup.testScheme());
        Http trainingHead = server.anonymous().signIn(training.headCode);
        refused(trainingHead.download("/api/events/" + training.eventId + "/results.xlsx"), 403, "PRIVATE_RESULTS");
        refused(trainingHead.download("/api/events/" + training.eventId + "/marks.xlsx"), 403, "PRIVATE_RESULTS");
        refused(trainingHead.download("/api/events/" + training.eventId + "/audit.xlsx"), 403, "PRIVATE_RESULTS");
        assertThat(organizer.download("/api/events/" + training.eventId + "/marks.xlsx").status()).isEqualTo(200);
        assertThat(organizer.download("/api/events/" + training.eventId + "/results.xlsx").status()).isEqualTo(200);
        refused(organizer.download("/api/contests/" + training.contestId + "/team-results.xlsx"), 409,
                "NO_TEAM_RANKING");
    }

    @Test
    @Order(10)
    void theTitleBlockSaysWhereTheResultsStandWithThePublic() throws Exception {
        String results = "/api/events/" + setup.eventId + "/results.xlsx";
        assertThat(stateLine(organizer.download(results).body())).contains("裁判长已签字确认").contains("未公布 / not published");

        Reply published = organizer.post("/api/events/" + setup.eventId + "/publication",
                new JsonObject().put("noticeHours", 24));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String until = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(java.time.Instant
                .parse(published.json().getString("appealsCloseAt")).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(stateLine(organizer.download(results).body())).contains("裁判长已签字确认")
                .contains("公示中（至 " + until + "）").contains("public notice until " + until);
        assertThat(stateLine(head.download("/api/events/" + setup.eventId + "/marks.xlsx").body()))
                .contains("公示中（至 " + until + "）");
        JsonObject chain = organizer.get("/api/events/" + setup.eventId + "/audit/verification").json();
        assertThat(stateLine(organizer.download(results).body())).as("the printed log head")
                .contains("第 " + chain.getLong("headSeq") + " 条记录").contains("SHA-256 " + chain.getString("headHash"));
        Map<String, List<Row>> contest = read(organizer.download("/api/contests/" + setup.contestId + "/results.xlsx").body());
        assertThat(texts(contest.get("获奖汇总 Awards"))).anyMatch(t -> t.startsWith("焊工：") && t.contains("公示中（至 " + until))
                .anyMatch(t -> t.startsWith("电工：") && t.contains("暂定成绩") && t.contains("未公布"));
        assertThat(contest.get("焊工").get(1).getCellText(0)).contains("公示中（至 " + until + "）");
        assertThat(stateLine(organizer.download("/api/contests/" + setup.contestId + "/team-results.xlsx").body()))
                .contains("公示中（至 " + until + "）");

        // An upheld appeal withdraws the publication and reopens the event: 复核中 until it is published again.
        Reply filed = once(organizer).post("/api/events/" + setup.eventId + "/appeals",
                new JsonObject().put("entryCode", "003").put("statement", "选手对外观评分有异议，申请复核。"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        Reply upheld = once(arbiter).post("/api/appeals/" + filed.id() + "/decision", new JsonObject()
                .put("outcome", "UPHELD").put("reopen", new JsonArray().add("A1")).put("reason", "复核外观项"));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(201);
        assertThat(stateLine(organizer.download(results).body())).contains("暂定成绩").contains("复核中")
                .contains("under review").doesNotContain("公示中");
    }

    /** The line under a workbook's first sheet's title: the sign-off and publication state. */
    private static String stateLine(byte[] xlsx) throws IOException {
        return read(xlsx).values().iterator().next().get(1).getCellText(0);
    }

    // ---- the scheme, set-up helpers and workbook reading ----

    /** The judging test scheme with medals, a merit band and a team ranking of two counted members. */
    static JsonObject scheme() {
        JsonObject scheme = JudgingSetup.testScheme().put("id", "export-test");
        scheme.put("ranking", new JsonObject().put("team", new JsonObject().put("countedMembers", 2)));
        scheme.put("awards", new JsonArray()
                .add(band("GOLD", "金奖", "Gold", 1)).add(band("SILVER", "银奖", "Silver", 2))
                .add(band("BRONZE", "铜奖", "Bronze", 3))
                .add(new JsonObject().put("code", "MERIT").put("nameZh", "优胜奖").put("nameEn", "Merit award")
                        .put("topFraction", 1)));
        return scheme;
    }

    private static JsonObject band(String code, String zh, String en, int place) {
        return new JsonObject().put("code", code).put("nameZh", zh).put("nameEn", en)
                .put("places", new JsonObject().put("from", place).put("to", place));
    }

    private long person(long organization, String employeeNo, String name) {
        return created(organizer.post("/api/people", new JsonObject().put("name", name).put("employeeNo", employeeNo)
                .put("organizationId", organization))).id();
    }

    private void register(long eventId, long personId, String station) {
        created(organizer.post("/api/events/" + eventId + "/registrations",
                new JsonObject().put("personId", personId).put("station", station)));
    }

    private static void mark(Http judge, long eventId, String code, Object... aspectValue) {
        Reply reply = once(judge).post("/api/events/" + eventId + "/sheets/" + code + "/marks", Marks.of(aspectValue));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** Downloads an export, which must be there (200), and keeps it under {@code target/samples/} as {@code name}. */
    private static Download sample(Http as, String path, String name) throws IOException {
        Download download = as.download(path);
        assertThat(download.status()).isEqualTo(200);
        Files.write(SAMPLES.resolve(name), download.body());
        return download;
    }

    private EventResult results(long eventId) throws Exception {
        return server.node().services().results().of(eventId).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static void refused(Download download, int status, String code) {
        assertThat(download.status()).as(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        JsonObject body = download.json();
        assertThat(body.getString("error")).isEqualTo(code);
        assertThat(body.getString("message")).contains(" / ");
    }

    private static JsonObject aspect(JsonObject matrix, String code, String aspectId) {
        for (Object item : matrix.getJsonArray("entries")) {
            JsonObject entry = (JsonObject) item;
            if (entry.getString("entryCode").equals(code)) {
                return entry.getJsonObject("sheet").getJsonObject("aspects").getJsonObject(aspectId);
            }
        }
        throw new AssertionError("no entry " + code);
    }

    /** Every sheet's rows by sheet name, in order. */
    static Map<String, List<Row>> read(byte[] xlsx) throws IOException {
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            for (var sheet : book.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
        }
        return sheets;
    }

    /** The table's lines: the rows after the header row (bilingual, so two lines), up to the first without column B. */
    static List<Row> lines(List<Row> rows) {
        List<Row> lines = new ArrayList<>();
        boolean inTable = false;
        for (Row row : rows) {
            String first = row.getCellCount() == 0 ? "" : row.getCellText(0);
            if (!inTable) {
                inTable = first.contains("\n") && row.getCellCount() > 3;
                continue;
            }
            if (text(row, 1).isEmpty() || first.contains("签字")) {
                break;
            }
            lines.add(row);
        }
        return lines;
    }

    private static List<Row> rows(List<Row> rows, String code, String aspectPrefix) {
        return rows.stream().filter(r -> text(r, 0).equals(code) && text(r, 2).startsWith(aspectPrefix)).toList();
    }

    private static int column(Row header, String containing) {
        for (int c = 0; c < header.getCellCount(); c++) {
            if (header.getCellText(c).contains(containing)) {
                return c;
            }
        }
        throw new AssertionError("no column " + containing);
    }

    private static String text(Row row, int column) {
        return column < row.getCellCount() && row.getCell(column) != null ? row.getCellText(column) : "";
    }

    private static List<String> texts(List<Row> rows) {
        List<String> texts = new ArrayList<>();
        rows.forEach(r -> r.forEach(c -> {
            if (c != null && c.getText() != null) {
                texts.add(c.getText());
            }
        }));
        return texts;
    }

    private static String part(byte[] xlsx, String name) throws IOException {
        Path file = Files.createTempFile("export-test-", ".xlsx");
        try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (var in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
