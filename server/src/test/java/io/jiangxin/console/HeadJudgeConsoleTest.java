package io.jiangxin.console;

import static io.jiangxin.console.JudgeConsoleTest.entry;
import static io.jiangxin.console.JudgeConsoleTest.marks;
import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
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
 * The head judge's view: two judges mark far apart through the API, the matrix shows the disagreement as it
 * happens and who has not marked what; the head judge asks for a re-mark of one aspect and overrides another
 * with a reason in the browser, locks the sheet (and unlocks and locks it again), and signs off the event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeadJudgeConsoleTest {

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http http;
    private Http j1;
    private Http j2;
    private ConsoleDriver console;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        http = new Http(node.httpPort());
        setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年裁判长控制台测试赛");
        j1 = http.signIn(setup.j1Code);
        j2 = http.signIn(setup.j2Code);
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
        console.screenshot("07-head-matrix");
    }

    @Test
    @Order(2)
    void theHeadJudgeAsksForARemarkAndOverridesWithAReasonThenLocks() {
        console.click(By.cssSelector("[data-test=matrix-row][data-code='001'] [data-test=open-entry]"));
        WebElement a1 = console.waitFor(By.cssSelector(".aspect-panel[data-aspect=A1]"));
        assertThat(a1.getAttribute("data-flags")).contains("DISAGREEMENT");
        assertThat(console.waitFor(By.cssSelector("[data-test=lock]")).isEnabled()).isFalse();
        assertThat(console.waitFor(By.cssSelector("[data-test=blockers]")).getText()).contains("A1");
        console.screenshot("08-head-sheet");

        // A re-mark of A2: a new round starts, the judges' A2 marks stop counting until they mark again.
        console.click(By.cssSelector(".aspect-panel[data-aspect=A2] [data-test=ask-remark]"));
        console.click(By.cssSelector("[data-test=decision-send]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=decision-error]")).getText()).contains("理由");
        console.waitFor(By.cssSelector("[data-test=field-reason]")).sendKeys("请复核工艺项后重新评判");
        console.click(By.cssSelector("[data-test=decision-send]"));
        console.waitFor(d -> "1".equals(d.findElement(By.cssSelector(".aspect-panel[data-aspect=A2]")).getText()
                .replaceAll("(?s).*轮次\\s*(\\d+).*", "$1")));
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
    @Order(3)
    void theHeadJudgeSignsOffOnceEverySheetIsLocked() {
        assertThat(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 6, "A2", 6, "Y1", 0)).status()).isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("002") + "/marks", marks("A1", 7, "A2", 7, "Y1", 0)).status()).isEqualTo(201);
        console.click(By.cssSelector("[data-test=back]"));
        console.click(By.cssSelector("[data-test=sign-off]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=decision-error]")).getText()).contains("锁定");

        console.click(By.cssSelector("[data-test=matrix-row][data-code='002'] [data-test=open-entry]"));
        console.click(By.cssSelector("[data-test=lock]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        console.waitFor(By.cssSelector("[data-test=locked-badge]"));
        console.click(By.cssSelector("[data-test=back]"));
        console.click(By.cssSelector("[data-test=sign-off]"));
        console.click(By.cssSelector("[data-test=confirm-ok]"));
        console.waitFor(d -> !d.findElement(By.cssSelector("[data-test=sign-off]")).isEnabled());
        assertThat(matrix().getBoolean("signedOff")).isTrue();
    }

    private String state(Http judge, String code) {
        return judge.get("/api/events/" + setup.eventId + "/sheets").json().getJsonArray("items").stream()
                .map(i -> (JsonObject) i).filter(i -> i.getString("entryCode").equals(code)).findFirst().orElseThrow()
                .getString("state");
    }

    private JsonObject matrix() {
        return http.signIn(setup.headCode).get("/api/events/" + setup.eventId + "/matrix").json();
    }
}
