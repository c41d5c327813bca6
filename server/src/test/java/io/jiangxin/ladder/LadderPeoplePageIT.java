package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The organizer's ladder page drives evidence, training and mentoring in headless Chromium on the demo season: a
 * patent for S0043, a new course with attended hours and a passed assessment, a 师带徒 pair with S0061 and its
 * progress; after each, the server holds the fact and the priced entries, and the page shows the new standing,
 * which here makes S0043 a proposed candidate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderPeoplePageIT {

    @RegisterExtension
    static final TestServer server = TestServer.withDemoSeason();

    private Http organizer;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        organizer = server.organizer();
    }

    private JsonObject page(long person) {
        return organizer.get("/api/ladder/people/" + person).json();
    }

    private static JsonObject standing(JsonObject page) {
        return page.getJsonArray("points").getJsonObject(0).getJsonArray("standings").getJsonObject(0);
    }

    private JsonObject proposal(long person) {
        JsonArray items = organizer.get("/api/ladders/weichai/proposals?tier=CRAFTSMAN").json().getJsonArray("items");
        return LadderTests.find(items, "personId", person);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void date(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private void choose(String id, Object value) {
        new Select(browser.findElement(By.id(id))).selectByValue(String.valueOf(value));
    }

    private void submitAndWait(String button, String expectedMessage, long person) {
        browser.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people-message"), expectedMessage));
        // the page shows the standing the server now computes
        String total = standing(page(person)).getString("total");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#standing .standing .total"), total));
    }

    @Test
    void evidenceACourseAndAMentorshipRecordedThroughThePageChangeTheWorkersStanding() {
        long s0043 = LadderTests.demoWorker(server.database(), "S0043");
        long s0061 = LadderTests.demoWorker(server.database(), "S0061");
        BigDecimal before = new BigDecimal(standing(page(s0043)).getString("total"));
        assertThat(proposal(s0043).getString("status")).isEqualTo("NOT_ELIGIBLE");

        browser = Browser.start(1280, 1600);
        try {
            wait = Browser.waiting(browser, Duration.ofSeconds(20));
            // The page redraws the standing and the forms after each write; a wait may catch an element being replaced.
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(server.url("/ladder/index.html"));
            browser.findElement(By.id("code")).sendKeys(Nodes.ORGANIZER_CODE);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#person option"), 3));
            choose("person", s0043);
            wait.until(ExpectedConditions.attributeToBe(By.id("standing-person"), "data-person", String.valueOf(s0043)));
            assertThat(browser.findElement(By.cssSelector("#standing .standing .total")).getText())
                    .isEqualTo(before.stripTrailingZeros().toPlainString());
            assertThat(browser.findElement(By.cssSelector("#candidates tr[data-person='" + s0043 + "']")).getText())
                    .contains("不符合");

            // 1. an invention patent (创新成果)
            choose("ev-kind", "INNOVATION");
            choose("ev-qualifier", "PATENT_INVENTION");
            type("ev-reference", "ZL2026-0420");
            type("ev-title", "机器人焊缝跟踪装置");
            date("ev-date", "2026-06-01");
            submitAndWait("ev-submit", "已登记证据 ZL2026-0420", s0043);
            JsonObject afterPatent = page(s0043);
            assertThat(afterPatent.getJsonArray("evidence").encode()).contains("ZL2026-0420", "PATENT_INVENTION",
                    "机器人焊缝跟踪装置");
            JsonObject patentEntry = afterPatent.getJsonArray("points").getJsonObject(0).getJsonArray("entries").stream()
                    .map(e -> (JsonObject) e).filter(e -> e.getString("sourceKey").contains("ZL2026-0420")).findFirst()
                    .orElseThrow();
            assertThat(patentEntry.getString("category")).isEqualTo("INNOVATION");
            BigDecimal afterPatentTotal = new BigDecimal(standing(afterPatent).getString("total"));
            assertThat(afterPatentTotal).isGreaterThan(before);
            // the candidates table was reloaded with the new standing: S0043 now qualifies
            JsonObject proposal = proposal(s0043);
            assertThat(proposal.getString("status")).isEqualTo("PROPOSED");
            assertThat(browser.findElement(By.cssSelector("#candidates tr[data-person='" + s0043 + "'] .status-PROPOSED"))
                    .getText()).isEqualTo("建议");

            // 2. a training course, and S0043's attendance with a passed assessment
            type("course-code", "2026-ROBOT-WELD");
            type("course-name", "机器人焊接编程培训");
            type("course-hours", "16");
            date("course-date", "2026-07-01");
            browser.findElement(By.id("course-create")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people-message"), "已新建课程"));
            long organizationId = afterPatent.getJsonObject("person").getLong("organizationId");
            JsonObject course = LadderTests.find(organizer.get("/api/ladder/courses?organizationId=" + organizationId)
                    .json().getJsonArray("items"), "code", "2026-ROBOT-WELD");
            assertThat(course.getString("hours")).isEqualTo("16");
            wait.until(ExpectedConditions.attributeToBe(By.id("course"), "value", String.valueOf(course.getLong("id"))));
            type("attend-hours", "16");
            choose("attend-assessment", "PASSED");
            submitAndWait("attend-submit", "已登记出勤", s0043);
            JsonArray attendance = organizer.get("/api/ladder/courses/" + course.getLong("id")).json()
                    .getJsonArray("attendance");
            assertThat(attendance).hasSize(1);
            assertThat(attendance.getJsonObject(0).getLong("personId")).isEqualTo(s0043);
            assertThat(attendance.getJsonObject(0).getString("hours")).isEqualTo("16");
            assertThat(attendance.getJsonObject(0).getString("assessment")).isEqualTo("PASSED");
            JsonObject afterCourse = page(s0043);
            assertThat(afterCourse.getJsonArray("training").encode()).contains("2026-ROBOT-WELD");
            assertThat(new BigDecimal(standing(afterCourse).getString("total"))).isGreaterThan(afterPatentTotal);

            // 3. a 师带徒 pair with S0061, then the apprentice reaches 技师
            choose("apprentice", s0061);
            date("mentor-start", "2026-01-10");
            type("mentor-goal", "两年内取得技师");
            choose("mentor-goal-grade", "TECHNICIAN");
            submitAndWait("mentor-create", "已结对", s0043);
            JsonArray apprentices = page(s0043).getJsonArray("apprentices");
            JsonObject pair = LadderTests.find(apprentices, "apprenticeId", s0061);
            assertThat(pair).isNotNull();
            assertThat(pair.getJsonArray("goals").getJsonObject(0).getString("targetGrade")).isEqualTo("TECHNICIAN");
            BigDecimal mentoringBefore = counted(page(s0043), "MENTORING");
            assertThat(mentoringBefore).isPositive();

            choose("progress-pair", pair.getLong("id"));
            choose("progress-kind", "GRADE_REACHED");
            choose("progress-grade", "TECHNICIAN");
            date("progress-date", "2026-09-01");
            type("progress-description", "通过技师考评");
            submitAndWait("progress-submit", "已记录进展", s0043);
            JsonObject mentorship = organizer.get("/api/ladder/mentorships/" + pair.getLong("id")).json();
            assertThat(mentorship.getJsonArray("progress")).hasSize(1);
            assertThat(mentorship.getJsonArray("progress").getJsonObject(0).getString("grade")).isEqualTo("TECHNICIAN");
            assertThat(mentorship.getJsonArray("goals").getJsonObject(0).getString("status")).isEqualTo("MET");
            JsonObject last = page(s0043);
            assertThat(counted(last, "MENTORING")).isGreaterThan(mentoringBefore);

            // every category on the page matches the server
            for (Object o : standing(last).getJsonArray("categories")) {
                JsonObject category = (JsonObject) o;
                assertThat(browser.findElement(By.cssSelector("#standing tr[data-category='" + category.getString("category")
                        + "'] .counted")).getText()).isEqualTo(category.getString("counted"));
            }
            assertThat(browser.findElement(By.id("pairs")).getText()).contains("两年内取得技师", "已达成", "技师");
        } finally {
            browser.quit();
        }
    }

    private static BigDecimal counted(JsonObject page, String category) {
        return standing(page).getJsonArray("categories").stream().map(c -> (JsonObject) c)
                .filter(c -> category.equals(c.getString("category"))).map(c -> new BigDecimal(c.getString("counted")))
                .findFirst().orElseThrow();
    }
}
