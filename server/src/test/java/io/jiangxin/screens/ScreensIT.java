package io.jiangxin.screens;

import io.jiangxin.support.Browser;
import static io.jiangxin.screens.ScreenChecks.assertClean;
import static io.jiangxin.screens.ScreenChecks.save;
import static io.jiangxin.screens.ScreenChecks.saveWhole;
import static io.jiangxin.screens.ScreenChecks.script;
import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16 in Chromium: the hall screen, start page, ladder, worker, results and verify pages on the shared look,
 * each defect checked as the user sees it, and every screen measured for overflow at tablet (1024x768) and phone
 * (390x844) sizes, the hall screen also at 1280 and 1920 wide. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreensIT {

    /** Long enough that its enterprises (名称 + 甲厂) do not fit a hall screen's column. */
    static final String LONG = "2026年潍坊市职工职业技能大赛暨潍柴动力股份有限公司发动机装配技能比武";

    @RegisterExtension
    static final TestServer server = TestServer.withDemoSeason();

    private Http organizer;
    private JudgingSetup finished;
    private JudgingSetup partial;
    private JudgingSetup empty;

    @BeforeAll
    void start() {
        organizer = server.organizer();
        // With awards and an enterprise (团体) board, so the medal colours and the team panel show too.
        JsonObject scheme = JudgingSetup.testScheme()
                .put("awards", new JsonArray()
                        .add(new JsonObject().put("code", "GOLD").put("nameZh", "金奖").put("nameEn", "Gold")
                                .put("places", new JsonObject().put("from", 1).put("to", 1)))
                        .add(new JsonObject().put("code", "SILVER").put("nameZh", "银奖").put("nameEn", "Silver")
                                .put("places", new JsonObject().put("from", 2).put("to", 2))))
                .put("ranking", new JsonObject().put("team", new JsonObject().put("countedMembers", 1)));
        finished = new JudgingSetup(organizer, LONG, "SKILLS", scheme);
        JudgingPanel panel = new JudgingPanel(server.anonymous(), finished);
        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 7, "A2", 7, "Y1", 10));
        panel.lock("001", "002");
        panel.signOff();
        Http.Reply published = once(organizer).post("/api/events/" + finished.eventId + "/publication",
                new JsonObject().put("noticeHours", 72));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        partial = new JudgingSetup(organizer, "2026年暂定成绩测试赛");
        // No stations drawn in this one: its screen has no 工位 column.
        for (long registration : List.of(partial.entry001, partial.entry002)) {
            JsonObject current = organizer.get("/api/registrations/" + registration).json();
            Http.Reply cleared = organizer.put("/api/registrations/" + registration, new JsonObject()
                    .put("entryCode", current.getString("entryCode")).put("status", current.getString("status")));
            assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        }
        Http judge = server.anonymous().signIn(partial.j1Code);
        assertThat(once(judge).post(partial.sheet("001") + "/marks", Marks.of("A1", 9)).status()).isEqualTo(201);
        empty = new JudgingSetup(organizer, "2026年尚无成绩测试赛");
    }

    private static WebDriverWait waiting(ChromeDriver browser) {
        return Browser.waiting(browser, Duration.ofSeconds(20));
    }

    private static void awaitRows(ChromeDriver browser, int rows) {
        waiting(browser).until(b -> ((Number) ((ChromeDriver) b).executeScript(
                "return document.querySelectorAll('#rows .row').length")).intValue() == rows);
    }

    private JsonObject boardRow(long eventId, String entry) {
        return server.anonymous().get("/api/events/" + eventId + "/board").json().getJsonArray("rows").stream()
                .map(r -> (JsonObject) r).filter(r -> r.getString("entry").equals(entry)).findFirst().orElseThrow();
    }

    @Test
    void theHallScreenFitsLongEnterpriseNamesAt1280And1920() throws Exception {
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            ChromeDriver browser = ScreenChecks.open(size[0], size[1]);
            try {
                browser.get(server.url("/screen/?event=" + finished.eventId));
                awaitRows(browser, 2);
                waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#rows"), "甲厂"));
                assertThat(browser.findElement(By.cssSelector(".head .station")).isDisplayed())
                        .as("stations were drawn, so the 工位 column shows").isTrue();
                assertThat(browser.findElement(By.cssSelector("#rows .row[data-entry='001'] .station")).getText())
                        .isEqualTo("A-01");
                // Each cell ends before the next begins: a name never runs into the score.
                Object overlaps = script(browser, """
                        const bad = [];
                        for (const row of document.querySelectorAll('#rows .row')) {
                          const cells = [...row.children].filter((c) => c.getClientRects().length);
                          for (let i = 1; i < cells.length; i++) {
                            const a = cells[i - 1].getBoundingClientRect(), b = cells[i].getBoundingClientRect();
                            if (a.right > b.left + 0.5) bad.push(row.dataset.entry + ': ' + cells[i - 1].className + ' into ' + cells[i].className);
                          }
                          if (cells[cells.length - 1].getBoundingClientRect().right > row.getBoundingClientRect().right + 0.5) bad.push(row.dataset.entry + ' past its row');
                        }
                        return bad;""");
                assertThat((List<?>) overlaps).isEmpty();
                // The team panel: a long enterprise name is cut before its total, never run into it.
                waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#team-rows li")));
                Object teamOverlaps = script(browser, """
                        return [...document.querySelectorAll('#team-rows li')].filter((li) =>
                          li.querySelector('.team').getBoundingClientRect().right > li.querySelector('b').getBoundingClientRect().left
                          || li.querySelector('.team').title.indexOf('甲厂') < 0 && li.querySelector('.team').title.indexOf('丙厂') < 0)
                          .map((li) => li.textContent);""");
                assertThat((List<?>) teamOverlaps).isEmpty();
                for (String entry : List.of("001", "002")) {
                    WebElement row = browser.findElement(By.cssSelector("#rows .row[data-entry='" + entry + "']"));
                    JsonObject api = boardRow(finished.eventId, entry);
                    assertThat(api.getString("status")).isEqualTo("FINAL");
                    assertThat(row.findElement(By.className("total")).getText()).isEqualTo(api.getString("total"))
                            .doesNotContain("*");
                    WebElement org = row.findElement(By.className("org"));
                    assertThat(org.getAttribute("title")).as("the whole enterprise name in the tooltip")
                            .isEqualTo(api.getString("organization")).startsWith(LONG);
                    assertThat(row.getAttribute("class")).as("a final result has its medal colour")
                            .contains(api.getString("award"));
                }
                assertClean(browser, "hall screen " + size[0]);
                save(browser, "screens-hall-" + size[0] + "x" + size[1] + ".png");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void provisionalMarksShowTheirAsteriskAndNoMedalOnEveryView() throws Exception {
        JsonObject api = boardRow(partial.eventId, "001");
        assertThat(api.getString("status")).isEqualTo("PROVISIONAL");
        ChromeDriver browser = ScreenChecks.open(390, 844);
        try {
            browser.get(server.url("/screen/?event=" + partial.eventId));
            awaitRows(browser, 1);
            WebElement row = browser.findElement(By.cssSelector("#rows .row[data-entry='001']"));
            assertThat(row.findElement(By.className("total")).getText()).isEqualTo(api.getString("total") + "*");
            assertThat(row.getAttribute("class")).doesNotContain("GOLD", "SILVER", "BRONZE", "MERIT");
            assertThat(browser.findElement(By.className("legend")).getText()).contains("* 暂定成绩");
            assertClean(browser, "hall screen, phone");

            ScreenChecks.resize(browser, 1280, 720);
            waiting(browser).until(b -> ((Number) ((ChromeDriver) b).executeScript("return window.innerWidth")).intValue() > 700);
            assertThat(browser.findElement(By.cssSelector(".head .station")).isDisplayed())
                    .as("no station drawn: no empty 工位 column").isFalse();
            assertThat(row.findElement(By.className("total")).getText()).isEqualTo(api.getString("total") + "*");
            assertThat(row.findElement(By.className("status")).getText()).isEqualTo("暂定");
            assertClean(browser, "hall screen 1280, provisional");
            save(browser, "screens-hall-1280x720-provisional.png");
            ScreenChecks.resize(browser, 390, 844);
            assertClean(browser, "hall screen, phone");
            save(browser, "screens-hall-phone-provisional.png");

            browser.get(server.url("/screen/?contest=" + partial.contestId));
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card .line[data-entry='001']")));
            WebElement line = browser.findElement(By.cssSelector(".card .line[data-entry='001']"));
            assertThat(line.findElement(By.tagName("b")).getText()).isEqualTo(api.getString("total") + "*");
            assertThat(line.getAttribute("class")).doesNotContain("GOLD", "SILVER", "BRONZE", "MERIT");
            assertClean(browser, "contest screen, phone");
            save(browser, "screens-hall-contest-phone.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anEventWithNoMarksSaysSoAndAnUnknownEventIsAnError() throws Exception {
        ChromeDriver browser = ScreenChecks.open(1280, 720);
        try {
            browser.get(server.url("/screen/?contest=" + empty.contestId));
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card .none")));
            assertThat(browser.findElement(By.cssSelector(".card .none")).getText()).isEqualTo("尚无成绩 No marks yet");
            save(browser, "screens-hall-contest-no-marks.png");

            browser.get(server.url("/screen/?event=" + empty.eventId));
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
            assertThat(browser.findElement(By.id("empty")).getText()).isEqualTo("尚无成绩 No marks yet");

            browser.get(server.url("/screen/?event=999999"));
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
            assertThat(browser.findElement(By.id("problem")).getText()).contains("找不到该赛项", "No such event");
            assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("connection")).getText()).doesNotContain("实时连接");
            assertClean(browser, "hall screen, unknown event");
            save(browser, "screens-hall-unknown-event.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theStartPageListsTheRunningContestsHallScreens() throws Exception {
        for (int[] size : new int[][] {{1024, 768}, {390, 844}}) {
            ChromeDriver browser = ScreenChecks.open(size[0], size[1]);
            try {
                browser.get(server.url("/"));
                By link = By.cssSelector("li[data-contest='" + finished.contestId + "'] a[data-test='screen-link']");
                waiting(browser).until(ExpectedConditions.presenceOfElementLocated(link));
                assertThat(browser.findElement(link).getAttribute("href")).endsWith("/screen/?contest=" + finished.contestId);
                assertThat(browser.findElement(By.cssSelector("li[data-contest='" + finished.contestId + "'] .jx-name"))
                        .getAttribute("title")).isEqualTo(LONG);
                assertClean(browser, "start page " + size[0]);
                saveWhole(browser, "screens-start-" + size[0] + "x" + size[1] + ".png");
                if (size[0] == 390) {
                    browser.findElement(link).click();
                    waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card")));
                }
            } finally {
                browser.quit();
            }
        }
    }

    private JsonObject decide(long nomination, String action, String why) {
        Http.Reply reply = organizer.post("/api/ladder/nominations/" + nomination + "/decisions",
                new JsonObject().put("action", action).put("why", why));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void oneSignInCarriesFromTheOrganizerConsoleToTheLadderWhichShowsNamesNotIdsAndAsksBeforeNaming() throws Exception {
        JsonArray items = organizer.get("/api/ladders/weichai/proposals?tier=CRAFTSMAN").json().getJsonArray("items");
        JsonObject proposed = items.stream().map(i -> (JsonObject) i)
                .filter(i -> "PROPOSED".equals(i.getString("status"))).findFirst().orElseThrow();
        Http.Reply nominated = organizer.post("/api/ladders/weichai/nominations", new JsonObject()
                .put("personId", proposed.getLong("personId")).put("tier", "CRAFTSMAN")
                .put("year", proposed.getInteger("year", java.time.Year.now().getValue())).put("why", "车间推荐"));
        assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
        long id = nominated.id();
        String state = "NOMINATED";
        for (String action : List.of("SUBMIT_FOR_FIRST_REVIEW", "PASS_FIRST_REVIEW", "PASS_EXPERT_REVIEW", "PASS_SITE_VISIT")) {
            state = decide(id, action, "材料齐全，同意").getString("state");
        }
        assertThat(state).isEqualTo("PUBLIC_NOTICE");

        ChromeDriver browser = ScreenChecks.open(1024, 768);
        try {
            WebDriverWait wait = waiting(browser);
            browser.get(server.url("/organizer/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(Nodes.ORGANIZER_CODE);
            browser.findElement(By.cssSelector("[data-test='sign-in']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test='sign-out']")));

            browser.get(server.url("/ladder/"));
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates tbody tr"), 1));
            assertThat(browser.findElement(By.id("sign-in-panel")).isDisplayed()).as("no second sign-in").isFalse();
            String text = browser.findElement(By.tagName("body")).getText();
            assertThat(text).doesNotContainPattern("\\[(ledger|tier):").doesNotContain("weichai-points", "未持有 SEED",
                    "（weichai）", "rev-0");
            // Rules by what they do, deciders by name: no rule reference ("规则 weichai-craftsman v1"), no "(#1)".
            assertThat(text).doesNotContainPattern("规则 [a-z-]+ v\\d").doesNotContainPattern("\\(#\\d+\\)");
            assertThat(text).contains("依据：");

            WebElement nomination = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".nomination[data-nomination='" + id + "']")));
            WebElement name = nomination.findElement(By.cssSelector("button[data-action='NAME']"));
            assertThat(name.isEnabled()).as("naming waits for a reason").isFalse();
            assertThat(nomination.getText()).contains("填写理由后可操作");
            nomination.findElement(By.className("why")).sendKeys("公示期满无异议");
            assertThat(name.isEnabled()).isTrue();
            name.click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='confirm']")));
            assertThat(dialog.getText()).contains("确认命名", "不能撤销");
            dialog.findElement(By.cssSelector("[data-test='confirm-no']")).click();
            assertThat(organizer.get("/api/ladder/nominations/" + id).json().getString("state"))
                    .as("cancelled: nothing recorded").isEqualTo("PUBLIC_NOTICE");

            assertClean(browser, "ladder 1024");
            saveWhole(browser, "screens-ladder-1024x768.png");
            ScreenChecks.resize(browser, 390, 844);
            wait.until(b -> ((Number) ((ChromeDriver) b).executeScript("return window.innerWidth")).intValue() <= 390);
            assertClean(browser, "ladder 390");
            saveWhole(browser, "screens-ladder-390x844.png");

            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            browser.get(server.url("/organizer/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            assertThat(script(browser, "return localStorage.getItem('jx.organizer.session')"))
                    .as("signed out everywhere").isNull();
        } finally {
            browser.quit();
        }
    }

    @Test
    void theWorkerPageShowsLabelsNotCodesAndKeepsItsSignInAcrossABrowserRestart() throws Exception {
        long s0001 = server.database().queryLong("select p.id from person p join organization o on o.id = p.organization_id"
                + " where o.name = '潍柴动力股份有限公司' and p.employee_no = 'S0001'");
        String code = organizer.post("/api/people/" + s0001 + "/account", new JsonObject()).json().getString("signInCode");
        JsonObject json = server.anonymous().signIn(code).get("/api/ladder/me").json();
        Path profile = Files.createTempDirectory("jiangxin-worker-");
        ChromeDriver browser = ScreenChecks.open(1024, 768, profile);
        try {
            browser.get(server.url("/worker/"));
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code);
            browser.findElement(By.id("sign-in")).click();
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("person-name")));
        } finally {
            browser.quit();
        }
        browser = ScreenChecks.open(1024, 768, profile);
        try {
            browser.get(server.url("/worker/"));
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("person-name")));
            assertThat(browser.findElement(By.id("sign-in-panel")).isDisplayed()).as("still signed in").isFalse();
            String text = browser.findElement(By.tagName("body")).getText();
            assertThat(text).doesNotContainPattern("\\b(VISIT|PATENT_UTILITY|PATENT_INVENTION|ADOPTED_PROPOSAL)\\b")
                    .doesNotContain("版本", json.getJsonArray("points").getJsonObject(0).getString("config"));
            for (WebElement award : browser.findElements(By.cssSelector("#results tbody tr:not(.withdrawn) td.award"))) {
                assertThat(award.getText()).as("every result says its award or placing").isNotBlank();
            }
            assertClean(browser, "worker 1024");
            saveWhole(browser, "screens-worker-1024x768.png");
            ScreenChecks.resize(browser, 390, 844);
            assertClean(browser, "worker 390");
            saveWhole(browser, "screens-worker-390x844.png");
            browser.findElement(By.id("sign-out")).click();
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            assertThat(script(browser, "return localStorage.getItem('jx.worker.session')")).isNull();
        } finally {
            browser.quit();
        }
    }

    @Test
    void resultsAndVerifyHaveReadableButtonsAndFitAPhone() throws Exception {
        for (int[] size : new int[][] {{1024, 768}, {390, 844}}) {
            ChromeDriver browser = ScreenChecks.open(size[0], size[1]);
            try {
                browser.get(server.url("/results/?contest=" + finished.contestId));
                waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.lines tbody tr")));
                WebElement print = browser.findElement(By.id("print"));
                assertThat(print.getText()).isEqualTo("打印 Print");
                assertThat(print.getSize().getHeight()).as("one line").isLessThan(50);
                assertClean(browser, "results " + size[0]);
                saveWhole(browser, "screens-results-" + size[0] + "x" + size[1] + ".png");

                browser.get(server.url("/verify/"));
                WebElement check = waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("button[type='submit']")));
                assertThat(check.getText()).isEqualTo("查验 Check");
                assertThat(check.getSize().getHeight()).as("one line").isLessThan(56);
                assertClean(browser, "verify " + size[0]);
                save(browser, "screens-verify-" + size[0] + "x" + size[1] + ".png");
            } finally {
                browser.quit();
            }
        }
    }
    /**
     * The organizer console on the shared look at tablet and phone sizes: the contests, a contest, an event whose
     * judging has started (its draw buttons off, with the reason, no code) and a published one; every page measured.
     */
    @Test
    void theOrganizerConsoleFitsATabletAndAPhoneAndSaysWhyADrawIsOff() throws Exception {
        ChromeDriver browser = ScreenChecks.open(1024, 768);
        try {
            WebDriverWait wait = waiting(browser);
            browser.get(server.url("/organizer/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(Nodes.ORGANIZER_CODE);
            browser.findElement(By.cssSelector("[data-test='sign-in']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test='sign-out']")));
            String[][] pages = {{"contests", "#/"}, {"contest", "#/contests/" + finished.contestId},
                {"event-judging", "#/events/" + partial.eventId}, {"event-published", "#/events/" + finished.eventId}};
            for (int[] size : new int[][] {{1024, 768}, {390, 844}}) {
                ScreenChecks.resize(browser, size[0], size[1]);
                for (String[] page : pages) {
                    browser.get(server.url("/organizer/index.html" + page[1]));
                    browser.navigate().refresh();
                    wait.until(b -> "true".equals(script((ChromeDriver) b,
                            "return document.documentElement.dataset.ready || ''"))
                            && !String.valueOf(script((ChromeDriver) b, "return document.body.innerText")).contains("加载中"));
                    if (page[0].equals("event-judging")) {
                        WebElement draw = wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("[data-test=draws] [data-test=draw-codes]")));
                        assertThat(draw.isEnabled()).as("a draw after judging started").isFalse();
                        assertThat(browser.findElement(By.cssSelector("[data-test=draws] [data-test=draw-closed]"))
                                .getText()).isEqualTo("已开始评分，不能再抽签");
                    }
                    String text = browser.findElement(By.tagName("body")).getText();
                    assertThat(text).as(page[0]).doesNotContain("JUDGING_STARTED").doesNotContainPattern("\\(\\d{3} [A-Z_]+\\)");
                    assertClean(browser, "organizer " + page[0] + " " + size[0]);
                    saveWhole(browser, "screens-organizer-" + page[0] + "-" + size[0] + "x" + size[1] + ".png");
                }
            }
        } finally {
            browser.quit();
        }
    }
}
