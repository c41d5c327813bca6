package io.jiangxin.console;

import static io.jiangxin.console.JudgeConsoleIT.entry;
import static io.jiangxin.console.JudgeConsoleIT.marks;
import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.BoardViewer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The head judge's view: two judges mark far apart through the API, the matrix (pushed, not polled) shows the
 * disagreement as it happens and who has not marked what; the head judge asks for a re-mark of one aspect and
 * overrides another with a reason in the browser, records a time seeing the limit and the penalty before saving it,
 * locks the sheet (and unlocks and locks it again), sees why sign-off is not possible yet, keeps a refusal on screen
 * until dismissing it, and signs off the event. The event is timed: 90 minutes, 0.7 points per started minute over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeadJudgeConsoleIT {

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http http;
    private Http j1;
    private Http j2;
    private Http headJudge;
    private ConsoleDriver console;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        http = new Http(node.httpPort());
        JsonObject timed = JudgingSetup.testScheme().put("time", new JsonObject().put("limitSeconds", 5400)
                .put("overrun", new JsonObject().put("perSeconds", 60).put("deduction", "0.7")));
        setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年裁判长控制台测试赛", "SKILLS", timed);
        j1 = http.signIn(setup.j1Code);
        j2 = http.signIn(setup.j2Code);
        headJudge = http.signIn(setup.headCode);
        console = new ConsoleDriver(Browser.start(1280, 800), node.httpPort());
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.driver.quit();
        }
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private WebElement cell(String code, String aspect) {
        return console.waitFor(By.cssSelector("[data-test=matrix-row][data-code='" + code + "'] td[data-aspect='" + aspect + "']"));
    }

    @Test
    @Order(1)
    void aDisagreementAppearsInTheLiveMatrixWithWhoHasNotMarked() {
        console.signIn(setup.headCode);
        console.waitFor(By.cssSelector("[data-test=matrix]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=matrix-row][data-code='001']")).getText()).contains("尚无评分");

        assertThat(j1.post("/api/events/" + setup.eventId + "/presence", new JsonObject()).status()).isEqualTo(200);
        assertThat(once(j1).post(setup.sheet("001") + "/marks", marks("A1", 2, "A2", 5, "Y1", 10)).status()).isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("001") + "/marks", marks("A1", 9, "A2", "5.5")).status()).isEqualTo(201);

        console.waitFor(d -> cell("001", "A1").getAttribute("data-flags").contains("DISAGREEMENT"));
        assertThat(cell("001", "A1").getText()).contains("2").contains("9");
        assertThat(cell("001", "A2").getAttribute("data-flags")).doesNotContain("DISAGREEMENT");
        assertThat(console.waitFor(By.cssSelector("[data-test=disagreement-count]")).getText()).contains("1");
        WebElement row = console.waitFor(By.cssSelector("[data-test=matrix-row][data-code='001']"));
        assertThat(row.getText()).contains("裁判二: Y1").doesNotContain("裁判三");
        assertThat(console.waitFor(By.cssSelector("[data-test=judges-online]")).getText()).contains("裁判一 · 在线");
        // 状态 stays on one line ("待处理 2", never "待处/理"), at tablet and at phone width.
        assertThat(stateLines()).as("state cells' lines").containsOnly(1L);
        console.screenshot("07-head-matrix");
        console.resize(390, 844);
        assertThat(stateLines()).as("state cells' lines on a phone").containsOnly(1L);
        console.screenshot("07-head-matrix-390");
        console.resize(1280, 800);
    }

    @Test
    @Order(2)
    void theMatrixIsPushedOverTheWebSocketForTheHeadJudgeOnly() throws Exception {
        try (BoardViewer head = BoardViewer.connect(node.httpPort());
             BoardViewer judge = BoardViewer.connect(node.httpPort())) {
            head.subscribe(setup.eventId, "MATRIX", null, headJudge.token());
            head.await(m -> "matrix".equals(m.getString("type")) && m.getLong("event") == setup.eventId, 10_000);
            judge.subscribe(setup.eventId, "MATRIX", null, j1.token());
            assertThat(judge.await(m -> "error".equals(m.getString("type")), 10_000).getString("code"))
                    .isEqualTo("ROLE_NOT_ALLOWED");
            // One judge's mark is below quorum and moves no board, yet the matrix shows it: a notice is pushed.
            assertThat(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 6)).status()).isEqualTo(201);
            head.await(m -> "matrix".equals(m.getString("type")) && m.getLong("event") == setup.eventId, 10_000);
        }
        console.waitFor(d -> cell("002", "A1").getText().contains("6"));
    }

    @Test
    @Order(3)
    void theHeadJudgeAsksForARemarkAndOverridesWithAReasonThenLocks() {
        console.click(By.cssSelector("[data-test=matrix-row][data-code='001'] [data-test=open-entry]"));
        WebElement a1 = console.waitFor(By.cssSelector(".aspect-panel[data-aspect=A1]"));
        assertThat(a1.getAttribute("data-flags")).contains("DISAGREEMENT");
        assertThat(console.waitFor(By.cssSelector("[data-test=lock]")).isEnabled()).isFalse();
        assertThat(console.waitFor(By.cssSelector("[data-test=lock-why]")).getText()).as("why the sheet cannot lock")
                .matches("还有 \\d+ 处待处理（见下方），处理后才能锁定");
        assertThat(console.waitFor(By.cssSelector("[data-test=blockers]")).getText()).contains("A1");
        console.screenshot("08-head-sheet");

        // A re-mark of A2: a new round starts, the judges' A2 marks stop counting until they mark again.
        console.click(By.cssSelector(".aspect-panel[data-aspect=A2] [data-test=ask-remark]"));
        console.click(By.cssSelector("[data-test=decision-send]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=decision-error]")).getText()).contains("理由");
        console.waitFor(By.cssSelector("[data-test=field-reason]")).sendKeys("请复核工艺项后重新评判");
        console.click(By.cssSelector("[data-test=decision-send]"));
        console.waitFor(d -> d.findElement(By.cssSelector(".aspect-panel[data-aspect=A2] [data-test=remark-round]"))
                .getText().equals("第 1 轮重评"));
        assertThat(console.waitFor(By.cssSelector(".aspect-panel[data-aspect=A1]")).getText())
                .as("no round shown before any re-mark").doesNotContain("轮次").doesNotContain("重评（第");
        assertThat(state(j1, "001")).isEqualTo("NEEDS_REMARK");
        assertThat(once(j1).post(setup.sheet("001") + "/marks", marks("A2", 6)).status()).isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("001") + "/marks", marks("A2", "6.5")).status()).isEqualTo(201);

        // The disagreement on A1 is settled by an override with a reason.
        console.click(By.cssSelector(".aspect-panel[data-aspect=A1] [data-test=override]"));
        WebElement value = console.waitFor(By.cssSelector("[data-test=field-value]"));
        value.clear();
        value.sendKeys("6");
        console.waitFor(By.cssSelector("[data-test=field-reason]")).sendKeys("查看作品照片后改判");
        console.click(By.cssSelector("[data-test=decision-send]"));
        console.waitFor(d -> "OVERRIDDEN".equals(d.findElement(By.cssSelector(".aspect-panel[data-aspect=A1]"))
                .getAttribute("data-status")));
        assertThat(console.waitFor(By.cssSelector(".aspect-panel[data-aspect=A1]")).getAttribute("data-flags"))
                .doesNotContain("DISAGREEMENT");
        assertThat(console.waitFor(By.cssSelector(".aspect-panel[data-aspect=A1]")).getText()).contains("查看作品照片后改判");

        // The time: the form shows the limit and the rule, previews the deduction, and asks no reason for it.
        assertThat(console.waitFor(By.cssSelector("[data-test=lock]")).isEnabled()).as("a timed sheet needs its time")
                .isFalse();
        console.click(By.cssSelector("[data-test=record-time]"));
        WebElement form = console.waitFor(By.cssSelector("[data-test=time-form]"));
        assertThat(form.findElement(By.cssSelector("[data-test=decision-intro]")).getText())
                .contains("时限 90 分钟").contains("扣 0.7 分");
        assertThat(form.findElement(By.cssSelector("[data-test=field-reason]")).isDisplayed())
                .as("no reason asked for a routine time").isFalse();
        console.waitFor(By.cssSelector("[data-test=field-minutes]")).sendKeys("95");
        console.waitFor(d -> form.findElement(By.cssSelector("[data-test=decision-preview]")).getText()
                .contains("超时 5 分钟：保存后将扣 3.5 分"));
        console.screenshot("08b-head-time-form");
        console.resize(390, 844);
        assertThat(console.js("const f = document.querySelector('[data-test=time-form]');"
                + " return f.getBoundingClientRect().right <= window.innerWidth && f.scrollWidth <= f.clientWidth"))
                .as("the time form fits a phone").isEqualTo(true);
        console.screenshot("08b-head-time-form-390");
        console.resize(1280, 800);
        WebElement extra = form.findElement(By.cssSelector("[data-test=field-extra]"));
        extra.clear();
        extra.sendKeys("5");
        console.waitFor(d -> form.findElement(By.cssSelector("[data-test=field-reason]")).isDisplayed());
        assertThat(form.findElement(By.cssSelector("[data-test=decision-preview]")).getText()).contains("未超时");
        console.click(By.cssSelector("[data-test=decision-send]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=time-form] [data-test=decision-error]")).getText())
                .contains("补时须说明原因");
        extra.clear();
        extra.sendKeys("0");
        console.waitFor(d -> !form.findElement(By.cssSelector("[data-test=field-reason]")).isDisplayed());
        console.click(By.cssSelector("[data-test=decision-send]"));
        console.waitFor(d -> d.findElement(By.cssSelector("[data-test=recorded-time]")).getText()
                .contains("已记录净用时 95 分钟，超时扣 3.5 分"));
        JsonObject time = entry(matrix(), "001").getJsonObject("sheet").getJsonObject("time");
        assertThat(time.getInteger("completionSeconds")).isEqualTo(5700);
        assertThat(new java.math.BigDecimal(time.getValue("deduction").toString())).isEqualByComparingTo("3.5");

        console.click(By.cssSelector("[data-test=lock]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        console.waitFor(By.cssSelector("[data-test=locked-badge]"));
        JsonObject sheet = entry(matrix(), "001").getJsonObject("sheet");
        assertThat(sheet.getBoolean("locked")).isTrue();
        assertThat(sheet.getJsonObject("aspects").getJsonObject("A1").getString("value")).isEqualTo("6.00");
        assertThat(state(j1, "001")).isEqualTo("LOCKED");

        console.click(By.cssSelector("[data-test=unlock]"));
        console.waitFor(By.cssSelector("[data-test=field-reason]")).sendKeys("核对工位号");
        console.click(By.cssSelector("[data-test=decision-send]"));
        console.click(By.cssSelector("[data-test=lock]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        console.waitFor(By.cssSelector("[data-test=locked-badge]"));
        assertThat(entry(matrix(), "001").getJsonObject("sheet").getBoolean("locked")).isTrue();
    }

    @Test
    @Order(4)
    void theHeadJudgeSignsOffOnceEverySheetIsLocked() {
        assertThat(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 6, "A2", 6, "Y1", 0)).status()).isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("002") + "/marks", marks("A1", 7, "A2", 7, "Y1", 0)).status()).isEqualTo(201);
        assertThat(once(headJudge).post(setup.sheet("002") + "/time",
                new JsonObject().put("completionSeconds", 5000)).status()).as("a routine time needs no reason")
                .isEqualTo(201);
        console.click(By.cssSelector("[data-test=back]"));
        WebElement signOff = console.waitFor(By.cssSelector("[data-test=sign-off]"));
        assertThat(signOff.isEnabled()).as("sign-off while a sheet is unlocked").isFalse();
        assertThat(console.waitFor(By.cssSelector("[data-test=sign-off-why]")).getText())
                .isEqualTo("还有 1 份评分表未锁定，全部锁定后才能签字确认");

        // A view a step behind (the button forced on) is refused by the server; the refusal stays through pushed
        // refreshes of the matrix until the head judge dismisses it.
        console.js("document.querySelector('[data-test=sign-off]').disabled = false");
        console.click(By.cssSelector("[data-test=sign-off]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=decision-error]")).getText()).contains("还有 1 份评分表未锁定");
        assertThat(once(j1).post(setup.sheet("002") + "/marks", marks("A1", "6.5")).status()).isEqualTo(201);
        console.waitFor(d -> cell("002", "A1").getText().contains("6.5"));
        assertThat(console.waitFor(By.cssSelector("[data-test=decision-error]")).isDisplayed()).isTrue();
        console.screenshot("09-head-refusal");
        console.click(By.cssSelector("[data-test=dismiss-refusal]"));
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=decision-error]")).isEmpty());

        console.click(By.cssSelector("[data-test=matrix-row][data-code='002'] [data-test=open-entry]"));
        console.click(By.cssSelector("[data-test=lock]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        console.waitFor(By.cssSelector("[data-test=locked-badge]"));
        console.click(By.cssSelector("[data-test=back]"));
        console.click(By.cssSelector("[data-test=sign-off]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        console.waitFor(d -> !d.findElement(By.cssSelector("[data-test=sign-off]")).isEnabled());
        assertThat(matrix().getBoolean("signedOff")).isTrue();
        assertThat(console.waitFor(By.cssSelector("[data-test=sign-off]")).getText()).isEqualTo("赛项已签字确认");

        // After the sign-off a sheet offers nothing the server would refuse: no unlock, the reason instead.
        console.click(By.cssSelector("[data-test=matrix-row][data-code='001'] [data-test=open-entry]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=signed-off]")).getText()).contains("赛项已签字确认");
        assertThat(console.driver.findElements(By.cssSelector("[data-test=unlock], [data-test=ask-remark], [data-test=override]")))
                .isEmpty();
    }

    /** How many lines each 状态 cell's text takes, measured from its text boxes. */
    private java.util.List<Long> stateLines() {
        Object lines = console.js("return [...document.querySelectorAll('[data-test=sheet-state]')].map(td => {"
                + " const r = document.createRange(); r.selectNodeContents(td);"
                + " return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; })");
        return ((java.util.List<?>) lines).stream().map(n -> ((Number) n).longValue()).toList();
    }

    private String state(Http judge, String code) {
        return judge.get("/api/events/" + setup.eventId + "/sheets").json().getJsonArray("items").stream()
                .map(i -> (JsonObject) i).filter(i -> i.getString("entryCode").equals(code)).findFirst().orElseThrow()
                .getString("state");
    }

    private JsonObject matrix() {
        return headJudge.get("/api/events/" + setup.eventId + "/matrix").json();
    }
}
