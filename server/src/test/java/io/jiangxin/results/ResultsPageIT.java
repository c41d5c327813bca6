package io.jiangxin.results;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The public results page (/results/) in a real headless Chromium shows what the public JSON says, and prints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultsPageIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private ScoredEvent scored;
    private Http organizer;
    private Http anonymous;
    private long otherEvent;

    @BeforeAll
    void start() throws Exception {
        anonymous = server.anonymous();
        organizer = server.organizer();
        scored = new ScoredEvent(organizer, anonymous, "2026年成绩公示页测试赛");
        otherEvent = organizer.post("/api/contests/" + scored.setup.contestId + "/events",
                new JsonObject().put("name", "钳工").put("trade", "钳工")).id();
        scored.markAndLock("001", 9, 9, 10);
        scored.markAndLock("002", 6, 6, 0);
        scored.signOff();
        Reply published = organizer.post("/api/events/" + scored.setup.eventId + "/publication",
                new JsonObject().put("noticeHours", 72));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Files.createDirectories(SCREENSHOTS);
    }

    private String page() {
        return server.url("/results/?contest=" + scored.setup.contestId);
    }

    private static void load(ChromeDriver browser, String url) {
        browser.get(url);
        Browser.waiting(browser, Duration.ofSeconds(10)).until(d -> "true".equals(
                browser.executeScript("return document.body.dataset.loaded")));
    }

    private static WebElement section(ChromeDriver browser, long eventId) {
        return browser.findElement(By.cssSelector("section[data-event='" + eventId + "']"));
    }

    @Test
    @Order(1)
    void thePageShowsThePublishedLinesAwardsAndStatesAsTheJsonHasThem() throws Exception {
        JsonObject json = anonymous.get("/api/contests/" + scored.setup.contestId + "/results").json();
        JsonObject event = json.getJsonArray("events").stream().map(e -> (JsonObject) e)
                .filter(e -> e.getLong("eventId") == scored.setup.eventId).findFirst().orElseThrow();
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            load(browser, page());
            assertThat(browser.findElement(By.id("contest")).getText()).startsWith("2026年成绩公示页测试赛 成绩公示");
            WebElement published = section(browser, scored.setup.eventId);
            assertThat(published.findElement(By.cssSelector("[data-test=state]")).getText())
                    .startsWith("公示中，至").contains("public notice until");

            List<WebElement> rows = published.findElements(By.cssSelector("table.lines tbody tr"));
            assertThat(rows).hasSize(event.getJsonArray("lines").size()).hasSize(2);
            for (int i = 0; i < rows.size(); i++) {
                JsonObject line = event.getJsonArray("lines").getJsonObject(i);
                WebElement row = rows.get(i);
                assertThat(row.getAttribute("data-entry")).isEqualTo(line.getString("entryCode"));
                assertThat(cell(row, "rank")).isEqualTo(String.valueOf(line.getInteger("rank")));
                assertThat(cell(row, "name")).isEqualTo(line.getString("entrant"));
                assertThat(cell(row, "organization")).isEqualTo(line.getJsonArray("organizations").getString(0));
                assertThat(cell(row, "total")).isEqualTo(line.getString("total"));
                JsonObject award = line.getJsonObject("award");
                assertThat(cell(row, "award")).isEqualTo(award.getString("nameZh") + " " + award.getString("nameEn"));
            }
            assertThat(cell(rows.get(0), "name")).isEqualTo("选手一");
            assertThat(cell(rows.get(0), "award")).startsWith("金奖");
            List<WebElement> teams = published.findElements(By.cssSelector("table.teams tbody tr"));
            assertThat(teams).hasSize(event.getJsonArray("teams").size());
            assertThat(cell(teams.get(0), "organization")).isEqualTo(event.getJsonArray("teams").getJsonObject(0)
                    .getString("organization"));

            // The notice prints the log's head, the same record the organizers' verification names.
            JsonObject verification = scored.setup.organizer.get("/api/events/" + scored.setup.eventId
                    + "/audit/verification").json();
            assertThat(event.getJsonObject("log").getLong("seq")).isEqualTo(verification.getLong("headSeq"));
            assertThat(event.getJsonObject("log").getString("hash")).isEqualTo(verification.getString("headHash"));
            assertThat(published.findElement(By.cssSelector("[data-test=log-anchor]")).getText())
                    .contains("第 " + verification.getLong("headSeq") + " 条记录")
                    .contains(verification.getString("headHash"));

            WebElement unpublished = section(browser, otherEvent);
            assertThat(unpublished.findElement(By.cssSelector("[data-test=state]")).getText()).startsWith("未公布");
            assertThat(unpublished.findElements(By.cssSelector("table"))).isEmpty();
            save(browser, "results-page.png");

            // Printed, the page drops its button and keeps the notice black on white.
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(browser.executeScript("return getComputedStyle(document.getElementById('print')).display"))
                    .isEqualTo("none");
            assertThat(browser.executeScript("return getComputedStyle(document.body).backgroundColor"))
                    .isEqualTo("rgb(255, 255, 255)");
            save(browser, "results-page-print.png");
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void anUpheldAppealTurnsTheEventToUnderReviewWithoutNames() throws Exception {
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            load(browser, page());
            assertThat(section(browser, scored.setup.eventId).getText()).contains("选手二");

            Reply filed = once(organizer).post("/api/events/" + scored.setup.eventId + "/appeals",
                    new JsonObject().put("entryCode", "002").put("statement", "选手单位名称有误，申请更正。"));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            Http arbiter = anonymous.signIn(scored.setup.arbiterCode);
            Reply upheld = once(arbiter).post("/api/appeals/" + filed.id() + "/decision",
                    new JsonObject().put("outcome", "UPHELD").put("reason", "核实后需更正公示信息"));
            assertThat(upheld.status()).as(upheld.body()).isEqualTo(201);

            load(browser, page());
            WebElement review = section(browser, scored.setup.eventId);
            assertThat(review.findElement(By.cssSelector("[data-test=state]")).getText()).startsWith("复核中");
            assertThat(review.getText()).doesNotContain("选手").doesNotContain("95.00");
            assertThat(review.findElements(By.cssSelector("table"))).isEmpty();
            save(browser, "results-page-under-review.png");
        } finally {
            browser.quit();
        }
    }

    private static String cell(WebElement row, String cssClass) {
        return row.findElement(By.cssSelector("td." + cssClass)).getText();
    }

    private static void save(ChromeDriver browser, String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
