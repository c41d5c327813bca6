package io.jiangxin.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 成果导入: the organizer fills in an event's entries from a sheet, as the 报名表 import does for registrations — all or
 * nothing with every row's problem named, or only the valid rows; each imported entry audited. Bad files, modes and
 * callers are refused and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryImportIT {

    private static final String HEADER = "参赛号*,成果名称*,成果类别*,成果简介,专利号,标准号,创造经济效益（万元）,视频链接\n";

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
        Map<String, List<String>> enterprises = new LinkedHashMap<>();
        enterprises.put("甲厂", List.of("e1", "e2"));
        enterprises.put("乙厂", List.of("e3", "e4"));
        round = new ReviewRound(http, organizer, "2026年成果导入测试赛", ReviewRound.scheme("/schemes/harsh-lenient.json"),
                enterprises, List.of("H"));
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

    private String imports() {
        return "/api/events/" + round.eventId + "/entries/imports";
    }

    private long contentRows() {
        return database.queryLong("select count(*) from innovation_entry");
    }

    @Test
    void allOrNothingNamesEveryBadRowAndImportsNothingThenValidRowsImportsTheRest() {
        String csv = HEADER
                + "001,缸盖快换夹具,技术革新,换型时间缩短 80%,ZL202410000001.2；ZL202410000002.3,Q/WC 001-2025,88.5,\n"
                + "002,焊缝检测方法,发明专利,,,,,\n"
                + "999,不存在的作品,先进操作法,,,,,\n"
                + "003,装配防错,SUGGESTION,,,,12.345,ftp://x\n"
                + "001,重复一行,技术革新,,,,,\n"
                + "004,能耗监测,合理化建议,,,,3,https://video.example/4\n";
        long before = contentRows();
        Reply rejected = organizer.sendBytes("POST", imports(), csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.json().getString("error")).isEqualTo("IMPORT_REJECTED");
        JsonObject report = rejected.json().getJsonObject("details");
        assertThat(report.getBoolean("applied")).isFalse();
        assertThat(issues(report)).containsExactly(
                "3 成果类别 UNKNOWN_KIND", "4 参赛号 UNKNOWN_ENTRY", "5 创造经济效益（万元） INVALID_NUMBER",
                "5 视频链接 INVALID_LINK", "6 参赛号 DUPLICATE_ROW");
        assertThat(report.getInteger("rejectedRows")).isEqualTo(4);
        assertThat(contentRows()).isEqualTo(before);

        Reply partial = organizer.sendBytes("POST", imports() + "?mode=valid-rows",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().getInteger("imported")).isEqualTo(2);
        assertThat(partial.json().getInteger("rows")).isEqualTo(6);
        assertThat(contentRows()).isEqualTo(before + 2);
        JsonObject e1 = organizer.get("/api/registrations/" + round.registrations.get("e1") + "/entry").json();
        assertThat(e1.getString("title")).isEqualTo("缸盖快换夹具");
        assertThat(e1.getString("kind")).isEqualTo("TECH_INNOVATION");
        assertThat(e1.getJsonArray("patentNumbers").getList()).containsExactly("ZL202410000001.2", "ZL202410000002.3");
        assertThat(e1.getJsonArray("standardNumbers").getList()).containsExactly("Q/WC 001-2025");
        assertThat(e1.getString("benefitWan")).isEqualTo("88.50");
        JsonObject e4 = organizer.get("/api/registrations/" + round.registrations.get("e4") + "/entry").json();
        assertThat(e4.getString("kind")).isEqualTo("SUGGESTION");
        assertThat(e4.getString("videoUrl")).isEqualTo("https://video.example/4");
        JsonArray audit = organizer.get("/api/registrations/" + round.registrations.get("e1") + "/entry/audit").json()
                .getJsonArray("items");
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action"))).contains("IMPORT");
    }

    @Test
    void aGbkSheetFromExcelIsReadLikeUtf8() {
        String csv = HEADER + "002,焊缝超声检测方法,发明创造,,,,,\n";
        Reply imported = organizer.sendBytes("POST", imports(), csv.getBytes(Charset.forName("GB18030")),
                "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(organizer.get("/api/registrations/" + round.registrations.get("e2") + "/entry").json()
                .getString("title")).isEqualTo("焊缝超声检测方法");
    }

    @Test
    void badFilesModesAndCallersAreRefusedAndChangeNothing() {
        long before = contentRows();
        byte[] good = (HEADER + "003,装配防错,技术革新,,,,,\n").getBytes(StandardCharsets.UTF_8);
        assertThat(organizer.sendBytes("POST", imports(), good, "application/pdf").status()).isEqualTo(415);
        assertThat(organizer.sendBytes("POST", imports(), new byte[0], "text/csv").status()).isEqualTo(400);
        assertThat(organizer.sendBytes("POST", imports() + "?mode=some", good, "text/csv").status()).isEqualTo(400);
        Reply missing = organizer.sendBytes("POST", imports(), "参赛号,成果名称\n003,装配防错\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(issues(missing.json().getJsonObject("details"))).containsExactly("1 成果类别 MISSING_COLUMN");
        Reply notXlsx = organizer.sendBytes("POST", imports(), good,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(notXlsx.status()).isEqualTo(400);
        assertThat(notXlsx.json().getString("error")).isEqualTo("UNREADABLE_FILE");
        assertThat(round.judges.get("H").sendBytes("POST", imports(), good, "text/csv").status()).isEqualTo(403);
        assertThat(organizer.sendBytes("POST", "/api/events/987654321/entries/imports", good, "text/csv").status())
                .isEqualTo(404);
        assertThat(contentRows()).isEqualTo(before);
        Reply template = organizer.get("/api/events/" + round.eventId + "/entries/template.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).contains("参赛号*,成果名称*,成果类别*");
    }

    private static List<String> issues(JsonObject report) {
        List<String> list = new ArrayList<>();
        report.getJsonArray("issues").forEach(o -> {
            JsonObject issue = (JsonObject) o;
            list.add(issue.getInteger("row") + " " + issue.getString("column") + " " + issue.getString("code"));
        });
        return list;
    }
}
