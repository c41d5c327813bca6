package io.jiangxin.console;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.fixtures.DemoSeason;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The organizer's day in the organizer console on a 1366×768 laptop, in headless Chromium: sign in, create a
 * contest from two scheme files (JSON and YAML), import a registration sheet (first one with bad rows, whose report
 * names each row and imports nothing, then a good one), create judges and seat them on the panel with a head judge,
 * draw the entry codes from a typed seed and verify the draw, then freeze the public board, reveal a line and
 * unfreeze it. After the judges' marks, locks and the head judge's sign-off (through the API, as their tablets
 * send them), the organizer publishes the results for notice, opens the public results page, downloads the results
 * workbook and issues the award certificates. Each step is checked against the server's state through the API,
 * not only on the screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganizerConsoleIT {

    private static final String CONTEST = "2026年组委会控制台测试赛";
    private static final String ENTERPRISE = "潍柴动力股份有限公司";
    private static final String SEED = "2026-焊工-第一轮";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private Http http;
    private Http organizer;
    private ConsoleDriver console;
    private Path files;
    private long contestId;
    private long weldingId;
    private String judgeCode;
    private long judgeId;
    private String headCode;
    private List<Http> markingJudges;

    @BeforeAll
    void start() throws Exception {
        http = server.anonymous();
        organizer = server.organizer();
        console = new ConsoleDriver(Browser.start(1366, 768), server.port());
        files = Files.createTempDirectory("jiangxin-organizer-");
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.driver.quit();
        }
    }

    /** Loads the console afresh at a route (a same-URL get would only move within the already loaded page). */
    private void open(String hash) {
        String url = console.base + "/organizer/index.html" + hash;
        if (url.equals(console.driver.getCurrentUrl())) {
            console.driver.navigate().refresh();
        } else {
            console.driver.get(url);
        }
        console.waitFor(d -> "true".equals(console.js("return document.documentElement.dataset.ready || ''")));
    }

    private WebElement in(String section, String testId) {
        return console.waitFor(By.cssSelector("[data-test=" + section + "] [data-test=" + testId + "]"));
    }

    private void click(String section, String testId) {
        console.click(By.cssSelector("[data-test=" + section + "] [data-test=" + testId + "]"));
    }

    private String text(String css) {
        return console.waitFor(By.cssSelector(css)).getText();
    }

    @Test
    @Order(1)
    void anOrganizerSignsInWithTheirCodeAndABadCodeIsRefusedWithItsReason() {
        open("");
        console.waitFor(By.cssSelector("[data-test=code]")).sendKeys("NOT-A-CODE");
        console.click(By.cssSelector("[data-test=sign-in]"));
        // A sentence, never the status or the code on its own.
        assertThat(text("[data-test=signin-error]")).contains("登录码无效").doesNotContain("401").doesNotContain("BAD_CODE");

        WebElement code = console.waitFor(By.cssSelector("[data-test=code]"));
        code.clear();
        code.sendKeys(Nodes.ORGANIZER_CODE);
        console.click(By.cssSelector("[data-test=sign-in]"));
        console.waitFor(By.cssSelector("[data-test=create-contest-form]"));
        console.waitFor(d -> text("[data-test=contests]").contains("还没有竞赛"));
        console.screenshot("organizer-01-contests");

        console.click(By.cssSelector("[data-test=lang]"));
        console.waitFor(d -> text("[data-test=contests]").contains("No contests yet"));
        assertThat(text("[data-test=create-contest]")).isEqualTo("Create contest");
        console.click(By.cssSelector("[data-test=lang]"));
        assertThat(text("[data-test=create-contest]")).isEqualTo("创建竞赛");
        console.waitFor(d -> text("[data-test=contests]").contains("还没有竞赛"));
    }

    @Test
    @Order(2)
    void aContestIsCreatedFromAJsonAndAYamlSchemeFileWithOneEventEach() throws Exception {
        Path welding = Files.writeString(files.resolve("welding.json"), DemoSeason.scheme("welding"));
        Path garment = Files.writeString(files.resolve("garment.yaml"),
                SchemeFiles.writeYaml(SchemeFiles.read(DemoSeason.scheme("garment"))));

        in("create-contest-form", "contest-name").sendKeys(CONTEST);
        in("create-contest-form", "contest-organizer").sendKeys("潍坊市总工会");
        in("create-contest-form", "scheme-files").sendKeys(welding + "\n" + garment);
        List<WebElement> names = console.waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test=picked-scheme] [data-test=event-name]"));
            return found.size() == 2 ? found : null;
        });
        assertThat(names).extracting(e -> e.getDomProperty("value")).containsExactly("焊工", "服装制版");
        console.screenshot("organizer-02-new-contest");
        console.click(By.cssSelector("[data-test=create-contest]"));
        assertThat(text("[data-test=contest-title]")).isEqualTo(CONTEST);

        JsonObject contest = organizer.get("/api/contests?limit=500").json().getJsonArray("items").getJsonObject(0);
        assertThat(contest.getString("name")).isEqualTo(CONTEST);
        assertThat(contest.getString("level")).isEqualTo("CITY");
        assertThat(contest.getString("contestClass")).isEqualTo("FIRST");
        contestId = contest.getLong("id");
        assertThat(console.driver.getCurrentUrl()).endsWith("#/contests/" + contestId);
        Map<String, Long> events = events();
        assertThat(events).containsOnlyKeys("焊工", "服装制版");
        weldingId = events.get("焊工");
        assertThat(http.get("/api/events/" + weldingId + "/scheme").json().getJsonObject("scheme").getString("id"))
                .isEqualTo("welding-2026-city");
        assertThat(http.get("/api/events/" + events.get("服装制版") + "/scheme").json().getJsonObject("scheme")
                .getString("id")).isEqualTo("garment-2026-city");
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=event-row]")).size() == 2);
    }

    private Map<String, Long> events() {
        return organizer.get("/api/contests/" + contestId + "/events").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(e -> e.getString("name"), e -> e.getLong("id")));
    }

    @Test
    @Order(3)
    void aSheetWithBadRowsIsRefusedWithItsReportThenAGoodSheetIsImported() throws Exception {
        in("organizations", "org-name").sendKeys(ENTERPRISE);
        click("organizations", "org-add");
        in("organizations", "org-added");
        assertThat(organizer.get("/api/organizations?q=" + java.net.URLEncoder.encode("潍柴", StandardCharsets.UTF_8))
                .json().getInteger("total")).isEqualTo(1);

        String header = "赛项*,单位*,工号*,姓名*,身份证号,工种,技能等级\n";
        Path bad = Files.writeString(files.resolve("报名表-有误.csv"), header
                + "焊工," + ENTERPRISE + ",W001,张伟,,焊工,高级工\n"
                + "焊工,不存在的公司,W002,李强,,焊工,\n"
                + "焊工," + ENTERPRISE + ",W003,王芳,12345,焊工,\n");
        in("import", "import-file").sendKeys(bad.toString());
        click("import", "import-go");
        assertThat(in("import", "import-rejected").getText()).contains("未导入任何数据").contains("3 行，2 行有误");
        List<WebElement> issues = console.driver.findElements(By.cssSelector("[data-test=import-issue]"));
        assertThat(issues).extracting(i -> i.getAttribute("data-row") + " " + i.getAttribute("data-code"))
                .containsExactly("3 UNKNOWN_ORGANIZATION", "4 BAD_ID_NUMBER");
        assertThat(issues.get(0).getText()).contains("单位");
        assertThat(in("import", "import-valid-only").getText()).contains("1");
        console.screenshot("organizer-03-import-report");
        assertThat(registrations()).isZero();

        click("import", "import-valid-only");
        assertThat(in("import", "import-done").getText()).contains("共 3 行，新报名 1").contains("未导入 2 行");
        assertThat(registrations()).isEqualTo(1);

        StringBuilder good = new StringBuilder(header);
        for (int i = 1; i <= 5; i++) {
            good.append("焊工,").append(ENTERPRISE).append(",W00").append(i).append(",选手").append(i).append(",,焊工,\n");
        }
        good.append("服装制版,").append(ENTERPRISE).append(",G001,制版选手,,服装制版工,\n");
        Path valid = Files.writeString(files.resolve("报名表.csv"), good.toString());
        WebElement file = in("import", "import-file");
        file.clear();
        file.sendKeys(valid.toString());
        click("import", "import-go");
        console.waitFor(d -> d.findElement(By.cssSelector("[data-test=import-done]")).getText().contains("共 6 行"));
        assertThat(in("import", "import-done").getText()).contains("共 6 行，新报名 5，已存在未变 1");
        assertThat(registrations()).isEqualTo(6);
        assertThat(organizer.get("/api/events/" + weldingId + "/registrations").json().getInteger("total")).isEqualTo(5);
        console.waitFor(d -> d.findElement(By.cssSelector("[data-test=event-row][data-id='" + weldingId + "']"))
                .getText().contains("5"));
    }

    private int registrations() {
        return organizer.get("/api/registrations?contestId=" + contestId).json().getInteger("total");
    }

    @Test
    @Order(4)
    void judgesAreCreatedWithTheirCodeShownOnceAndSeatedOnThePanelWithAHeadJudge() {
        // With no judge accounts yet, the panel says so (and where to make them), not that all are seated.
        open("#/events/" + weldingId);
        assertThat(text("[data-test=panel] [data-test=panel-no-free]")).contains("本竞赛还没有裁判账号")
                .doesNotContain("都已在裁判组中");
        JsonObject judge = createJudge("裁判甲");
        judgeCode = judge.getString("code");
        judgeId = judge.getLong("id");
        JsonObject headJudge = createJudge("裁判长乙");
        long headId = headJudge.getLong("id");
        headCode = headJudge.getString("code");
        Reply signIn = http.post("/api/sessions", new JsonObject().put("code", judgeCode));
        assertThat(signIn.status()).isEqualTo(201);
        assertThat(signIn.json().getJsonObject("account").getString("kind")).isEqualTo("JUDGE");

        console.click(By.cssSelector("[data-test=event-row][data-id='" + weldingId + "'] [data-test=event-link]"));
        assertThat(text("[data-test=event-title]")).contains("焊工");
        seat(judgeId, "JUDGE");
        seat(headId, "HEAD_JUDGE");
        JsonArray panel = organizer.get("/api/events/" + weldingId + "/panel").json().getJsonArray("items");
        assertThat(panel.stream().map(JsonObject.class::cast).map(m -> m.getLong("accountId") + " " + m.getString("role")))
                .containsExactlyInAnyOrder(judgeId + " JUDGE", headId + " HEAD_JUDGE");
        console.screenshot("organizer-04-panel");
    }

    /** Creates a judge on the contest page and reads the code from the dialog that shows it once. */
    private JsonObject createJudge(String name) {
        open("#/contests/" + contestId);
        in("accounts", "account-name").sendKeys(name);
        click("accounts", "account-create");
        String code = text("[data-test=issued] [data-test=issued-code]");
        assertThat(text("[data-test=issued]")).contains(name).contains("只显示这一次");
        if (name.equals("裁判甲")) {
            console.screenshot("organizer-05-code-once");
        }
        console.click(By.cssSelector("[data-test=code-noted]"));
        WebElement row = console.waitFor(d -> d.findElements(By.cssSelector("[data-test=judge-row]")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
        return new JsonObject().put("code", code).put("id", Long.parseLong(row.getAttribute("data-id")));
    }

    private void seat(long accountId, String role) {
        new Select(in("panel", "panel-account")).selectByValue(String.valueOf(accountId));
        new Select(in("panel", "panel-role")).selectByValue(role);
        click("panel", "panel-add");
        console.waitFor(By.cssSelector("[data-test=panel-member][data-account='" + accountId + "'][data-role=" + role + "]"));
    }

    @Test
    @Order(5)
    void theEntryCodesAreDrawnFromATypedSeedShownWithTheResultAndVerified() {
        in("draws", "draw-codes-seed").sendKeys(SEED);
        click("draws", "draw-codes");
        WebElement result = console.waitFor(By.cssSelector("[data-test=draw-result]"));
        assertThat(result.findElement(By.cssSelector("[data-test=draw-result-seed]")).getText()).isEqualTo(SEED);
        assertThat(console.driver.findElements(By.cssSelector("[data-test=draw-assigned]"))).hasSize(5);
        long drawId = Long.parseLong(result.getAttribute("data-id"));
        String link = result.findElement(By.cssSelector("[data-test=draw-verification-link]")).getAttribute("href");
        assertThat(link).endsWith("/api/events/" + weldingId + "/draws/" + drawId + "/verification");
        click("draws", "draw-verify");
        in("draws", "draw-verified");
        console.screenshot("organizer-06-draw");

        JsonObject draw = http.get("/api/events/" + weldingId + "/draws/" + drawId).json();
        assertThat(draw.getString("seed")).isEqualTo(SEED);
        assertThat(draw.getString("seedSource")).isNotEqualTo("SERVER");
        assertThat(draw.getString("kind")).isEqualTo("ENTRY_CODES");
        JsonObject verification = http.get(link.substring(link.indexOf("/api/"))).json();
        assertThat(verification.getBoolean("matches")).isTrue();
        assertThat(verification.getBoolean("registrationsAgree")).isTrue();
        List<String> shown = console.driver.findElements(By.cssSelector("[data-test=draw-assigned] strong")).stream()
                .map(WebElement::getText).sorted().toList();
        List<String> stored = organizer.get("/api/events/" + weldingId + "/registrations").json().getJsonArray("items")
                .stream().map(r -> ((JsonObject) r).getString("entryCode")).sorted().toList();
        assertThat(shown).isEqualTo(stored).containsExactly("001", "002", "003", "004", "005");
        assertThat(text("[data-test=readiness]")).contains("✓ 已抽签参赛号");
        assertThat(in("draws", "draw-stations").isEnabled()).as("stations can still be drawn").isTrue();
        assertThat(console.driver.findElements(By.cssSelector("[data-test=draw-closed]"))).isEmpty();
    }

    @Test
    @Order(6)
    void thePublicBoardIsFrozenALineRevealedAndUnfrozen() throws Exception {
        click("board", "board-freeze");
        in("board", "board-freeze-done");
        assertThat(publicBoard().getBoolean("frozen")).isTrue();

        // Three judges mark entry 001 after the freeze: the jury sees it, the public board waits for the reveal.
        markingJudges = List.of(http.signIn(judgeCode), extraJudge("裁判丙"), extraJudge("裁判丁"));
        for (Http judge : markingJudges) {
            Reply marked = once(judge).post("/api/events/" + weldingId + "/sheets/001/marks", new JsonObject()
                    .put("marks", new JsonArray().add(new JsonObject().put("aspectId", "W1").put("value", "30"))));
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        }
        console.waitFor(Duration.ofSeconds(20), d -> publicBoard().getInteger("revealsLeft") > 0);
        int before = publicBoard().getInteger("revealsLeft");
        open("#/events/" + weldingId);
        assertThat(in("board", "board-state").getAttribute("data-reveals-left")).isEqualTo(String.valueOf(before));
        assertThat(in("sign-off", "sign-off-state").getAttribute("data-sheets")).isEqualTo("5");
        assertThat(text("[data-test=sign-off] [data-test=standing][data-entry='001']")).contains("001");

        // Judging has started: the stations draw is off, with the reason, instead of failing with a code.
        assertThat(in("draws", "draw-stations").isEnabled()).isFalse();
        assertThat(in("draws", "draw-closed").getText()).isEqualTo("已开始评分，不能再抽签");

        click("board", "board-reveal");
        assertThat(in("board", "board-reveal-done").getText()).contains("已揭晓");
        assertThat(publicBoard().getInteger("revealsLeft")).isEqualTo(before - 1);
        console.screenshot("organizer-07-board");
        // Reveal to the end: then 揭晓一行 is off with the reason and 解除封榜 is the main button.
        for (int left = before - 1; left > 0; left--) {
            int expected = left - 1;
            click("board", "board-reveal");
            console.waitFor(d -> String.valueOf(expected).equals(
                    in("board", "board-state").getAttribute("data-reveals-left")));
        }
        console.waitFor(d -> !in("board", "board-reveal").isEnabled());
        assertThat(in("board", "reveal-none").getText()).isEqualTo("已全部揭晓");
        assertThat(in("board", "board-unfreeze").getAttribute("class")).contains("primary");
        assertThat(in("board", "board-reveal").getAttribute("class")).doesNotContain("primary");
        assertThat(text("[data-test=event-title]")).isNotEmpty();
        assertThat(console.driver.findElement(By.tagName("body")).getText()).doesNotContain("JUDGING_STARTED")
                .doesNotContain("NOTHING_TO_REVEAL");
        console.screenshot("organizer-07b-all-revealed");

        click("board", "board-unfreeze");
        in("board", "board-unfreeze-done");
        assertThat(publicBoard().getBoolean("frozen")).isFalse();
        assertThat(in("board", "board-state").getAttribute("data-frozen")).isEqualTo("false");

        // Team boards wait for names unless the organizer ticks the box that says what it reveals.
        assertThat(in("board", "board-teams-early").isSelected()).isFalse();
        click("board", "board-teams-early");
        click("board", "board-policy-set");
        in("board", "board-policy-done");
        assertThat(publicBoard().getBoolean("showTeamsBeforeNames")).isTrue();
        assertThat(in("board", "board-teams-early").isSelected()).as("the console shows the setting").isTrue();
        click("board", "board-teams-early");
        click("board", "board-policy-set");
        console.waitFor(Duration.ofSeconds(10), d -> !publicBoard().getBoolean("showTeamsBeforeNames"));

        // Not signed off yet: nothing is published and certificates wait for the publication.
        assertThat(in("publication", "publication-state").getAttribute("data-state")).isEqualTo("UNPUBLISHED");
        assertThat(in("certificates", "certificates-wait").getText()).contains("尚未公示");
        assertThat(in("certificates", "certificates-issue").isEnabled()).as("certificates before publication").isFalse();
        assertThat(in("publication", "publish").isEnabled()).as("publishing before the sign-off").isFalse();
        assertThat(in("publication", "publish-why").getText()).isEqualTo("裁判长签字确认后才能发布");
    }

    private JsonObject publicBoard() {
        return http.get("/api/events/" + weldingId + "/board?view=PUBLIC").json();
    }

    /** Further panel judges, made through the API: the console's own path for them was tested above. */
    private Http extraJudge(String name) {
        JsonObject issued = organizer.post("/api/contests/" + contestId + "/judges",
                new JsonObject().put("displayName", name)).json();
        long id = issued.getJsonObject("account").getLong("id");
        assertThat(organizer.put("/api/events/" + weldingId + "/panel/" + id, new JsonObject().put("role", "JUDGE"))
                .status()).isEqualTo(200);
        return http.signIn(issued.getString("signInCode"));
    }

    @Test
    @Order(7)
    void everyServerRefusalIsShownWithItsReason() {
        // A second entry-code draw is refused by the server (one per kind and event): the form is gone, so ask
        // through a scheme that breaks the rules instead, which the server names path by path.
        WebElement file = in("scheme", "scheme-file");
        try {
            Path broken = Files.writeString(files.resolve("broken.json"),
                    DemoSeason.scheme("welding").replace("\"maximum\": 40", "\"maximum\": -40"));
            file.sendKeys(broken.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        click("scheme", "scheme-set");
        String error = text("[data-test=scheme] [data-test=error]");
        assertThat(error).contains("出错").contains("scheme.").doesNotContain("INVALID_SCHEME").doesNotContain("(400");
        console.screenshot("organizer-08-error");
        assertThat(http.get("/api/events/" + weldingId + "/scheme").json().getJsonObject("scheme").getString("id"))
                .isEqualTo("welding-2026-city");
    }

    @Test
    @Order(8)
    void afterTheHeadJudgesSignOffTheOrganizerPublishesTheResultsForNotice() {
        // The judges' tablets and the head judge's, through the API: every aspect marked, every sheet locked.
        Map<String, Integer> appearance = Map.of("001", 30, "002", 35, "003", 25, "004", 20, "005", 38);
        for (String code : List.of("001", "002", "003", "004", "005")) {
            JsonObject marks = new JsonObject().put("marks", new JsonArray()
                    .add(mark("T1", 80)).add(mark("W1", appearance.get(code))).add(mark("W2", 8)).add(mark("W3", 10)));
            for (Http judge : markingJudges) {
                Reply marked = once(judge).post("/api/events/" + weldingId + "/sheets/" + code + "/marks", marks);
                assertThat(marked.status()).as(code + " " + marked.body()).isEqualTo(201);
            }
        }
        Http head = http.signIn(headCode);
        for (String code : List.of("001", "002", "003", "004", "005")) {
            Reply timed = once(head).post("/api/events/" + weldingId + "/sheets/" + code + "/time",
                    new JsonObject().put("completionSeconds", 4800).put("reason", "计时员记录 / timekeeper's record"));
            assertThat(timed.status()).as(code + " " + timed.body()).isEqualTo(201);
            Reply locked = once(head).post("/api/events/" + weldingId + "/sheets/" + code + "/lock", new JsonObject());
            assertThat(locked.status()).as(code + " " + locked.body()).isEqualTo(201);
        }
        Reply signedOff = once(head).post("/api/events/" + weldingId + "/sign-off", new JsonObject());
        assertThat(signedOff.status()).as(signedOff.body()).isEqualTo(201);

        open("#/events/" + weldingId);
        assertThat(in("sign-off", "sign-off-state").getAttribute("data-signed-off")).isEqualTo("true");
        assertThat(in("publication", "publication-state").getAttribute("data-state")).isEqualTo("UNPUBLISHED");
        WebElement hours = in("publication", "notice-hours");
        hours.clear();
        hours.sendKeys("48");
        // Publishing cannot be undone, so it asks first; cancelling publishes nothing.
        click("publication", "publish");
        assertThat(text("[data-test=confirm]")).contains("48 小时").contains("不能撤回");
        console.click(By.cssSelector("[data-test=confirm-cancel]"));
        assertThat(http.get("/api/events/" + weldingId + "/publication").json().getString("state"))
                .isEqualTo("UNPUBLISHED");
        click("publication", "publish");
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        String done = in("publication", "publish-done").getText();

        JsonObject publication = http.get("/api/events/" + weldingId + "/publication").json();
        assertThat(publication.getString("state")).isEqualTo("NOTICE");
        assertThat(publication.getInteger("noticeHours")).isEqualTo(48);
        String noticeEndsAt = publication.getString("noticeEndsAt");
        assertThat(java.time.Instant.parse(noticeEndsAt)).isEqualTo(
                java.time.Instant.parse(publication.getString("publishedAt")).plus(Duration.ofHours(48)));
        WebElement state = in("publication", "publication-state");
        assertThat(state.getAttribute("data-state")).isEqualTo("NOTICE");
        assertThat(state.getAttribute("data-notice-ends-at")).isEqualTo(noticeEndsAt);
        String shownEnd = in("publication", "notice-ends").getText();
        assertThat(shownEnd).isEqualTo(console.js("return new Date(arguments[0]).toLocaleString('zh-CN',"
                + " { hour12: false, timeZone: 'Asia/Shanghai' })", noticeEndsAt));
        // Beijing time whatever the browser's zone, as the public page and the files print it
        assertThat(shownEnd).contains(java.time.format.DateTimeFormatter.ofPattern("H:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.Instant.parse(noticeEndsAt)));
        assertThat(done).contains("已发布公示").contains(shownEnd);
        assertThat(state.getText()).contains("公示中");
        assertThat(console.driver.findElements(By.cssSelector("[data-test=publication] [data-test=publish]"))).isEmpty();
        console.screenshot("organizer-09-published");
    }

    private static JsonObject mark(String aspectId, int value) {
        return new JsonObject().put("aspectId", aspectId).put("value", value);
    }

    @Test
    @Order(9)
    void thePublicResultsPageLinkedFromTheConsoleShowsTheNamesAndAwards() {
        String link = in("publication", "results-link").getAttribute("href");
        assertThat(link).endsWith("/results/?contest=" + contestId);
        JsonObject published = server.anonymous().get("/api/events/" + weldingId + "/results").json();
        assertThat(published.getString("state")).isEqualTo("NOTICE");
        assertThat(published.getBoolean("provisional")).isFalse();
        JsonArray lines = published.getJsonArray("lines");
        assertThat(lines).hasSize(5);

        console.driver.get(link);
        console.waitFor(d -> "true".equals(console.js("return document.body.dataset.loaded || ''")));
        WebElement event = console.waitFor(By.cssSelector("section[data-event='" + weldingId + "']"));
        assertThat(event.findElement(By.cssSelector("[data-test=state]")).getAttribute("data-state")).isEqualTo("NOTICE");
        assertThat(event.getText()).contains("公示中");
        for (Object item : lines) {
            JsonObject line = (JsonObject) item;
            String row = event.findElement(By.cssSelector("tr[data-entry='" + line.getString("entryCode") + "']")).getText();
            assertThat(row).contains(line.getString("entrant")).contains(line.getString("total")).contains(ENTERPRISE);
            if (line.getJsonObject("award") != null) {
                assertThat(row).contains(line.getJsonObject("award").getString("nameZh"));
            }
        }
        assertThat(event.getText()).contains("金奖");
        console.screenshot("organizer-10-public-results");
    }

    @Test
    @Order(10)
    void theResultsWorkbookDownloadedFromTheConsoleHasTheStandingsFigures() throws Exception {
        Path downloads = Files.createTempDirectory("jiangxin-downloads-");
        console.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        open("#/events/" + weldingId);
        click("exports", "export-results");
        assertThat(in("exports", "export-results-done").getText()).contains("成绩表.xlsx");
        Path file = console.waitFor(Duration.ofSeconds(20), d -> {
            try (var listed = Files.list(downloads)) {
                return listed.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(file.getFileName().toString()).isEqualTo(CONTEST + "-焊工-成绩表.xlsx");
        byte[] xlsx = Files.readAllBytes(file);
        assertThat(xlsx).startsWith('P', 'K');

        List<org.dhatim.fastexcel.reader.Row> rows;
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            rows = book.getFirstSheet().read();
        }
        assertThat(rows.get(1).getCellText(0)).contains("裁判长已签字确认").contains("公示中（至");
        Map<String, org.dhatim.fastexcel.reader.Row> byCode = rows.stream()
                .filter(r -> r.getCellCount() > 6 && r.getCell(6) != null
                        && r.getCell(6).getType() == org.dhatim.fastexcel.reader.CellType.NUMBER)
                .collect(Collectors.toMap(r -> r.getCellText(1), r -> r));
        JsonArray standings = organizer.get("/api/events/" + weldingId + "/standings").json().getJsonArray("rows");
        assertThat(byCode).hasSize(standings.size()).hasSize(5);
        for (Object item : standings) {
            JsonObject line = (JsonObject) item;
            org.dhatim.fastexcel.reader.Row row = byCode.get(line.getString("entryCode"));
            assertThat(row.getCellAsNumber(0).orElseThrow().intValueExact()).isEqualTo(line.getInteger("rank"));
            assertThat(row.getCellText(3)).isEqualTo(line.getString("entrant"));
            assertThat(row.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(line.getString("total"));
        }
    }

    @Test
    @Order(11)
    void theCertificatesAreIssuedOnePerAwardAndACodeVerifies() {
        JsonArray lines = server.anonymous().get("/api/events/" + weldingId + "/results").json()
                .getJsonArray("lines");
        List<JsonObject> awarded = lines.stream().map(JsonObject.class::cast)
                .filter(l -> l.getJsonObject("award") != null).toList();
        assertThat(awarded).isNotEmpty();
        assertThat(console.driver.findElements(By.cssSelector("[data-test=certificates] [data-test=certificates-wait]")))
                .isEmpty();

        click("certificates", "certificates-issue");
        assertThat(in("certificates", "certificates-done").getText()).contains("已生成 " + awarded.size() + " 张证书");
        List<WebElement> shown = console.driver.findElements(
                By.cssSelector("[data-test=certificate-table] [data-test=certificate]"));
        assertThat(shown).hasSize(awarded.size());
        JsonObject stored = organizer.get("/api/events/" + weldingId + "/certificates").json();
        assertThat(stored.getInteger("count")).isEqualTo(awarded.size());
        console.screenshot("organizer-11-certificates");

        String code = shown.get(0).getAttribute("data-code");
        JsonObject verified = server.anonymous().get("/api/certificates/" + code).json();
        assertThat(verified.getBoolean("valid")).isTrue();
        assertThat(verified.getString("contest")).isEqualTo(CONTEST);
        assertThat(verified.getString("resultsState")).isEqualTo("NOTICE");
        assertThat(verified.getBoolean("underReview")).isFalse();
        JsonObject first = awarded.get(0);
        assertThat(verified.getString("award")).isEqualTo(first.getJsonObject("award").getString("nameZh"));
        assertThat(verified.getJsonArray("names").getList()).containsExactly(first.getString("entrant"));
        assertThat(shown.get(0).getText()).contains(code).contains(first.getString("entrant"));
    }
    @Test
    @Order(12)
    void aWorkersSignInCodeIsIssuedFromTheRegistrationsAndOpensTheirOwnRecord() {
        open("#/events/" + weldingId);
        WebElement row = console.waitFor(By.cssSelector("[data-test=registration]"));
        String entrant = row.findElements(By.tagName("td")).get(2).getText();
        row.findElement(By.cssSelector("[data-test=worker-code]")).click();
        assertThat(text("[data-test=confirm]")).contains(entrant).contains("旧登录码立即失效");
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        String code = text("[data-test=issued] [data-test=issued-code]");
        assertThat(text("[data-test=issued]")).contains("只显示这一次").doesNotContain("ID ");
        console.screenshot("organizer-12-worker-code");
        console.click(By.cssSelector("[data-test=code-noted]"));
        Reply signIn = http.post("/api/sessions", new JsonObject().put("code", code));
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(201);
        assertThat(signIn.json().getJsonObject("account").getString("kind")).isEqualTo("COMPETITOR");
        Reply me = http.as(signIn.json().getString("token")).get("/api/ladder/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(entrant);
    }
}
