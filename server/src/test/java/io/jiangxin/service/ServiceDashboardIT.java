package io.jiangxin.service;

import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Download;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The union's dashboard and the quarter's case list: needs by state, chain, team and month; the confirmed services'
 * hours, problems, workers and satisfaction; an overdue order; and the Excel file with one row per confirmed service
 * and its totals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceDashboardIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private TestDatabase database;
    private ServicePlatformSetup city;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    void start() {
        database = server.database();
        city = new ServicePlatformSetup(server.organizer(), server.anonymous(), "寿光", "shouguang");
        served(city.contactA, city.welder, city.welderApp, 5);
        served(city.contactA, city.welder, city.welderApp, 4);
        // one dispatched order left unserved past its due date, one need waiting for review, one returned
        long late = accepted(city.contactA);
        long order = created(city.staff.post("/api/service/needs/" + late + "/dispatch",
                new JsonObject().put("teamId", city.teamRegion))).id();
        database.queryLong("with u as (update service_order set due_on = current_date - 3 where id = " + order
                + " returning 1) select count(*) from u");
        city.weldingNeed(city.contactB);
        long returned = city.weldingNeed(city.contactA).getLong("id");
        city.staff.post("/api/service/needs/" + returned + "/review", new JsonObject().put("decision", "RETURN")
                .put("reason", "请补充现场照片"));
    }

    private long accepted(Http contact) {
        long need = city.weldingNeed(contact).getLong("id");
        assertThat(city.staff.post("/api/service/needs/" + need + "/review", new JsonObject().put("decision", "ACCEPT"))
                .status()).isEqualTo(200);
        return need;
    }

    private void served(Http contact, long person, Http craftsman, int rating) {
        long need = accepted(contact);
        long order = created(city.staff.post("/api/service/needs/" + need + "/dispatch",
                new JsonObject().put("personId", person))).id();
        craftsman.post("/api/service/orders/" + order + "/accept", new JsonObject());
        assertThat(craftsman.post("/api/service/orders/" + order + "/record", ServicePlatformSetup.record()).status())
                .isEqualTo(200);
        Reply confirmed = contact.post("/api/service/orders/" + order + "/confirm", new JsonObject()
                .put("satisfaction", rating).put("comment", "评价" + rating));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    private static Map<String, Integer> counts(JsonArray list, String key) {
        return list.stream().map(o -> (JsonObject) o).collect(Collectors.toMap(o -> o.getString(key),
                o -> o.getInteger("count")));
    }

    @Test
    void theDashboardCountsWhatHappened() {
        JsonObject d = city.staff.get("/api/service/dashboard?year=" + today.getYear()).json();
        Map<String, Integer> byState = counts(d.getJsonArray("needsByState"), "code");
        assertThat(byState).containsEntry("COMPLETED", 2).containsEntry("DISPATCHED", 1).containsEntry("SUBMITTED", 1)
                .containsEntry("RETURNED", 1).containsEntry("REJECTED", 0);
        assertThat(counts(d.getJsonArray("needsByChain"), "name")).containsEntry("高端装备", 5);
        assertThat(counts(d.getJsonArray("needsByTeam"), "name")).containsEntry("寒亭区服务分队", 1)
                .containsEntry("高端装备服务分队", 2)
                .containsEntry("未派单 / not dispatched", 2);
        JsonObject totals = d.getJsonObject("totals");
        assertThat(totals.getInteger("needs")).isEqualTo(5);
        assertThat(totals.getInteger("services")).isEqualTo(2);
        assertThat(totals.getString("hours")).isEqualTo("13.0");
        assertThat(totals.getInteger("problemsSolved")).isEqualTo(6);
        assertThat(totals.getInteger("workersTrained")).isEqualTo(24);
        assertThat(totals.getString("moneySaved")).isEqualTo("440000.00");
        assertThat(totals.getString("satisfaction")).isEqualTo("4.50");
        JsonObject month = d.getJsonArray("months").getJsonObject(today.getMonthValue() - 1);
        assertThat(month.getInteger("needs")).isEqualTo(5);
        assertThat(month.getInteger("services")).isEqualTo(2);
        JsonArray overdue = d.getJsonArray("overdue");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.getJsonObject(0).getLong("daysOverdue")).isEqualTo(3);
        assertThat(overdue.getJsonObject(0).getString("enterprise")).isEqualTo("寿光重工有限公司");
        // another year is empty
        assertThat(city.staff.get("/api/service/dashboard?year=2001").json().getJsonObject("totals")
                .getInteger("needs")).isZero();
        assertThat(city.staff.get("/api/service/dashboard?year=1999").status()).isEqualTo(400);
    }

    @Test
    void theQuarterlyCaseListIsAnExcelFileWithTotals() throws Exception {
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        Download file = city.staff.download("/api/service/cases.xlsx?quarter=" + quarter);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("service-cases.xlsx");
        List<Row> rows;
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(file.body()),
                new ReadingOptions(true, false))) {
            rows = book.getFirstSheet().read();
        }
        String all = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c.getText())
                .collect(Collectors.joining("|"))).collect(Collectors.joining("\n"));
        assertThat(all).contains("寿光劳模工匠助企行").contains("张焊工").contains("一对一现场指导 / one-to-one on-site guidance")
                .contains("评价5").contains("评价4").contains("合计 Total");
        Row total = rows.stream().filter(r -> r.stream().anyMatch(c -> c != null && "合计 Total".equals(c.getText())))
                .findFirst().orElseThrow();
        assertThat(total.getCellAsNumber(7).orElseThrow()).isEqualByComparingTo("13.0");
        assertThat(total.getCellAsNumber(8).orElseThrow()).isEqualByComparingTo("24");
        assertThat(total.getCellAsNumber(11).orElseThrow()).isEqualByComparingTo("440000.00");
        // only staff: enterprises, craftsmen and the public are refused
        assertThat(city.contactA.download("/api/service/cases.xlsx?quarter=" + quarter).status()).isEqualTo(403);
        assertThat(city.welderApp.download("/api/service/cases.xlsx?quarter=" + quarter).status()).isEqualTo(403);
        assertThat(server.anonymous().download("/api/service/cases.xlsx?quarter=" + quarter).status()).isEqualTo(401);
        assertThat(city.staff.download("/api/service/cases.xlsx?quarter=2026Q1").status()).isEqualTo(400);
    }
}
