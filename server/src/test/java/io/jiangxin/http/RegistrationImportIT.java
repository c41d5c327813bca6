package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Registration import through HTTP against a real PostgreSQL: formats, the per-row report, modes and re-import. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationImportIT {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "赛项*,单位*,工号*,姓名*,身份证号,工种,技能等级";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestDatabase database;
    private JiangxinNode node;
    private Http http;
    private String token;
    private int contests;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http anonymous = new Http(node.httpPort());
        token = anonymous.post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json()
                .getString("token");
        http = anonymous.as(token);
        for (String name : List.of("潍柴动力股份有限公司", "歌尔股份有限公司")) {
            assertThat(http.post("/api/organizations", new JsonObject().put("name", name)).status()).isEqualTo(201);
        }
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

    /** A contest of its own per test, with the events 焊工 and 车工. */
    private long contest() {
        Reply reply = http.post("/api/contests", new JsonObject().put("name", "导入测试赛" + (++contests))
                .put("kind", "SKILLS").put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        long id = reply.id();
        for (String event : List.of("焊工", "车工")) {
            assertThat(http.post("/api/contests/" + id + "/events", new JsonObject().put("name", event)).status())
                    .isEqualTo(201);
        }
        return id;
    }

    /** A valid 身份证号 for a serial number. */
    static String id(int serial) {
        String first17 = "37070219900101" + String.format("%03d", serial % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private Reply upload(long contest, String query, byte[] body, String type) {
        return upload(contest, query, body, type, token);
    }

    private static Reply upload(int port, String path, byte[] body, String type, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply upload(long contest, String query, byte[] body, String type, String bearer) {
        return upload(node.httpPort(), "/api/contests/" + contest + "/registrations/imports" + query, body, type,
                bearer);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + node.httpPort() + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static byte[] csv(Charset charset, String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(charset);
    }

    private long registrations(long contest) {
        return database.queryLong("select count(*) from registration r join event e on e.id = r.event_id"
                + " where e.contest_id = " + contest);
    }

    private static List<String> issues(Reply reply) {
        List<String> found = new ArrayList<>();
        JsonArray issues = reply.json().getJsonObject("details").getJsonArray("issues");
        for (int i = 0; i < issues.size(); i++) {
            JsonObject issue = issues.getJsonObject(i);
            found.add(issue.getInteger("row") + " " + issue.getString("column") + " " + issue.getString("code"));
        }
        return found;
    }

    @Test
    void utf8CsvImportsAndReimportChangesNothing() {
        long contest = contest();
        byte[] file = csv(StandardCharsets.UTF_8,
                "焊工,潍柴动力股份有限公司,W001,张伟," + id(1) + ",焊工,高级工",
                "车工,潍柴动力股份有限公司,W001,张伟," + id(1) + ",焊工,高级工",
                "焊工,歌尔股份有限公司,G001,李娜,,,技师");
        Reply first = upload(contest, "", file, CSV);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getInteger("rows")).isEqualTo(3);
        assertThat(first.json().getInteger("imported")).isEqualTo(3);
        assertThat(first.json().getInteger("peopleAdded")).isEqualTo(2);
        assertThat(registrations(contest)).isEqualTo(3);
        assertThat(database.queryLong("select count(*) from registration r join event e on e.id = r.event_id"
                + " where e.contest_id = " + contest + " and e.name = '焊工' and r.entry_code in ('001', '002')"))
                .isEqualTo(2);

        Reply again = upload(contest, "", file, CSV);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getInteger("imported")).isZero();
        assertThat(again.json().getInteger("unchanged")).isEqualTo(3);
        assertThat(again.json().getInteger("peopleAdded")).isZero();
        assertThat(registrations(contest)).isEqualTo(3);
    }

    @Test
    void gbkCsvIsDetectedAndCanBeNamed() {
        long contest = contest();
        byte[] file = csv(Charset.forName("GBK"), "车工,歌尔股份有限公司,G100,王芳," + id(100) + ",车工,中级工");
        Reply detected = upload(contest, "", file, CSV);
        assertThat(detected.status()).as(detected.body()).isEqualTo(200);
        assertThat(detected.json().getInteger("imported")).isEqualTo(1);
        assertThat(database.queryLong("select count(*) from person where name = '王芳' and skill_grade ="
                + " 'INTERMEDIATE_WORKER'")).isEqualTo(1);

        long other = contest();
        Reply named = upload(other, "?charset=GBK", file, CSV);
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().getInteger("imported")).isEqualTo(1);
        assertThat(named.json().getInteger("peopleAdded")).isZero();
    }

    @Test
    void xlsxImports() throws Exception {
        long contest = contest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("报名表");
        String[] header = HEADER.split(",");
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        String[][] rows = {{"焊工", "潍柴动力股份有限公司", "X001", "赵强", id(201), "焊工", "技师"},
                {"车工", "歌尔股份有限公司", "X002", "钱敏", id(202), "车工", "高级技师"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                sheet.value(r + 1, c, rows[r][c]);
            }
        }
        workbook.finish();
        Reply reply = upload(contest, "", out.toByteArray(), XLSX);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getInteger("imported")).isEqualTo(2);
        assertThat(registrations(contest)).isEqualTo(2);
    }

    /** Each reason on its own row; by default nothing is imported, and valid-rows imports the two good rows. */
    @Test
    void reportNamesEachRowAndModesDiffer() {
        long contest = contest();
        byte[] file = csv(StandardCharsets.UTF_8,
                "焊工,潍柴动力股份有限公司,R001,孙丽," + id(301) + ",,高级工",      // row 2: valid
                "焊工,潍柴动力股份有限公司,R002,,,,",                                // row 3: missing 姓名
                "钳工,潍柴动力股份有限公司,R003,周杰,,,",                            // row 4: unknown event
                "焊工,不存在的公司,R004,吴军,,,",                                    // row 5: unknown enterprise
                "焊工,潍柴动力股份有限公司,R005,郑爽,37070219900101123Y,,",          // row 6: bad check digit
                "焊工,潍柴动力股份有限公司,R006,冯刚,,,大师",                        // row 7: unknown grade
                "焊工,潍柴动力股份有限公司,R001,孙丽," + id(301) + ",,高级工",       // row 8: entered twice
                "车工,歌尔股份有限公司,R007,陈红," + id(301) + ",,",                  // row 9: ID of row 2's person
                "车工,潍柴动力股份有限公司,R001,孙丽," + id(301) + ",,高级工");      // row 10: valid, other event
        Reply rejected = upload(contest, "", file, CSV);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.json().getString("error")).isEqualTo("IMPORT_REJECTED");
        assertThat(issues(rejected)).containsExactly("3 姓名 MISSING_FIELD", "4 赛项 UNKNOWN_EVENT",
                "5 单位 UNKNOWN_ORGANIZATION", "6 身份证号 BAD_ID_NUMBER", "7 技能等级 UNKNOWN_SKILL_GRADE",
                "8 赛项 DUPLICATE_ENTRY", "9 身份证号 DUPLICATE_PERSON");
        assertThat(rejected.json().getJsonObject("details").getBoolean("applied")).isFalse();
        assertThat(rejected.json().getJsonObject("details").getJsonArray("issues").getJsonObject(0)
                .getString("reason")).contains(" / ");
        assertThat(registrations(contest)).isZero();
        assertThat(database.queryLong("select count(*) from person where employee_no = 'R001'")).isZero();

        Reply partial = upload(contest, "?mode=valid-rows", file, CSV);
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().getInteger("imported")).isEqualTo(2);
        assertThat(partial.json().getInteger("rejectedRows")).isEqualTo(7);
        assertThat(partial.json().getJsonArray("issues")).hasSize(7);
        assertThat(registrations(contest)).isEqualTo(2);

        Reply again = upload(contest, "?mode=valid-rows", file, CSV);
        assertThat(again.json().getInteger("imported")).isZero();
        assertThat(again.json().getInteger("unchanged")).isEqualTo(2);
        assertThat(registrations(contest)).isEqualTo(2);
    }

    @Test
    void idNumberStoredForAnotherPersonIsReported() {
        long contest = contest();
        assertThat(upload(contest, "", csv(StandardCharsets.UTF_8, "焊工,潍柴动力股份有限公司,T001,蒋涛," + id(401)
                + ",,"), CSV).status()).isEqualTo(200);
        Reply reply = upload(contest, "", csv(StandardCharsets.UTF_8, "车工,歌尔股份有限公司,T002,韩梅," + id(401)
                + ",,"), CSV);
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(issues(reply)).containsExactly("2 身份证号 ID_NUMBER_TAKEN");
        assertThat(database.queryLong("select count(*) from person where employee_no = 'T002'")).isZero();
    }

    @Test
    void templatesDownloadAndReimportWhenFilled() throws Exception {
        long contest = contest();
        byte[] csvTemplate = download("/api/contests/" + contest + "/registrations/template.csv");
        String header = new String(csvTemplate, StandardCharsets.UTF_8);
        assertThat(header).startsWith("\uFEFF赛项*,单位*,工号*,姓名*,身份证号,工种,技能等级");
        byte[] filled = (header + "焊工,潍柴动力股份有限公司,M001,杨帆," + id(501) + ",焊工,技师\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Reply reply = upload(contest, "", filled, CSV);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getInteger("imported")).isEqualTo(1);

        byte[] xlsxTemplate = download("/api/contests/" + contest + "/registrations/template.xlsx");
        List<String> headers = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsxTemplate))) {
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().openStream()) {
                rows.forEach(row -> row.forEach(cell -> headers.add(cell.getText())));
            }
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = workbook.getSheet(1).orElseThrow().openStream()) {
                rows.skip(1).forEach(row -> events.add(row.getCellText(0)));
            }
        }
        assertThat(headers).containsExactly("赛项*", "单位*", "工号*", "姓名*", "身份证号", "工种", "技能等级");
        assertThat(events).contains("焊工", "车工");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("报名表");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        String[] row = {"车工", "歌尔股份有限公司", "M002", "林静", id(502), "车工", "中级工"};
        for (int c = 0; c < row.length; c++) {
            sheet.value(1, c, row[c]);
        }
        workbook.finish();
        Reply xlsx = upload(contest, "", out.toByteArray(), XLSX);
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(xlsx.json().getInteger("imported")).isEqualTo(1);
        assertThat(registrations(contest)).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedWithReasons() {
        long contest = contest();
        byte[] good = csv(StandardCharsets.UTF_8, "焊工,潍柴动力股份有限公司,B001,何平,,,");
        assertThat(upload(contest, "", good, "application/json").status()).isEqualTo(415);
        assertThat(upload(contest, "", new byte[0], CSV).json().getString("error")).isEqualTo("EMPTY_FILE");
        Reply corrupt = upload(contest, "", "not a zip".getBytes(StandardCharsets.UTF_8), XLSX);
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.json().getString("error")).isEqualTo("UNREADABLE_FILE");
        Reply noHeader = upload(contest, "", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().getString("message")).contains("赛项");
        assertThat(upload(contest, "?mode=some", good, CSV).status()).isEqualTo(400);
        assertThat(upload(999_999, "", good, CSV).status()).isEqualTo(404);
        assertThat(upload(contest, "", good, CSV, null).status()).isEqualTo(401);
        assertThat(new Http(node.httpPort()).get("/api/contests/" + contest + "/registrations/template.csv")
                .status()).isEqualTo(401);

        // Larger than the API's usual 256 KiB limit is accepted here; beyond 64 MiB is refused.
        StringBuilder big = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 6_000; i++) {
            big.append("焊工,潍柴动力股份有限公司,BIG").append(i).append(",大文件").append(i).append(",,,\n");
        }
        Reply large = upload(contest, "", big.toString().getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(large.status()).as(large.body()).isEqualTo(200);
        assertThat(large.json().getInteger("imported")).isEqualTo(6_000);
        Reply tooLarge = upload(contest, "", new byte[65 * 1024 * 1024], CSV);
        assertThat(tooLarge.status()).isEqualTo(413);
    }
}
