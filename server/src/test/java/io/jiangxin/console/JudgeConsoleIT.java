package io.jiangxin.console;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
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
 * A judge on a 1280×800 tablet: signs in with a code, finds their entries (never a recused one), marks every
 * markable aspect of a sheet with validation as they type, confirms what is sent and sees it saved, and the server
 * holds the marks. A mark sent after the head judge locked the sheet is shown rejected with the server's reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JudgeConsoleIT {

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http http;
    private ConsoleDriver console;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        http = new Http(node.httpPort());
        setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年裁判控制台测试赛");
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

    @Test
    @Order(1)
    void aJudgeSignsInWithTheirCodeAndSeesTheirEntriesByCodeAndStation() {
        console.open(null);
        console.waitFor(By.cssSelector("[data-test=code]"));
        console.screenshot("01-sign-in");

        console.waitFor(By.cssSelector("[data-test=code]")).sendKeys("NOT-A-CODE");
        console.click(By.cssSelector("[data-test=sign-in]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=signin-error]")).getText()).contains("登录码无效");

        console.signIn(setup.j1Code);
        List<WebElement> entries = console.waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test=entry]"));
            return found.size() == 2 ? found : null;
        });
        assertThat(entries).extracting(e -> e.getAttribute("data-code")).containsExactly("001", "002");
        assertThat(entries.get(0).getText()).contains("A-01").contains("未开始");
        assertThat(console.driver.findElement(By.tagName("body")).getText()).doesNotContain("选手");
        console.screenshot("02-entries");

        console.waitFor(By.cssSelector("[data-test=search]")).sendKeys("A-02");
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry]")).size() == 1);
        assertThat(console.driver.findElement(By.cssSelector("[data-test=entry]")).getAttribute("data-code")).isEqualTo("002");
        console.js("const s = document.querySelector('[data-test=search]'); s.value = ''; s.dispatchEvent(new Event('input'))");
        console.click(By.cssSelector("[data-test=filter-MARKED]"));
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry]")).isEmpty());
        console.click(By.cssSelector("[data-test=filter-ALL]"));
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry]")).size() == 2);
    }

    @Test
    @Order(2)
    void aRecusedJudgeNeverSeesTheEntry() {
        console.signOut();
        console.signIn(setup.j3Code);
        List<WebElement> entries = console.waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test=entry]"));
            return found.isEmpty() ? null : found;
        });
        assertThat(entries).extracting(e -> e.getAttribute("data-code")).containsExactly("002");
        console.signOut();
        console.signIn(setup.j1Code);
    }

    @Test
    @Order(3)
    void markEveryAspectValidateConfirmAndSeeItSavedOnTheServer() {
        console.click(By.cssSelector("[data-test=entry][data-code='001']"));
        console.waitFor(By.cssSelector("[data-test=sheet-code]"));
        assertThat(console.aspect("S1").getText()).contains("裁判长记录违规");
        assertThat(console.aspect("S1").findElements(By.cssSelector("input, button.choice"))).isEmpty();
        assertThat(console.markState("A1")).isEqualTo("empty");

        console.type("A1", "7.3");
        assertThat(console.aspect("A1").getText()).contains("须为 0.5 的整数倍");
        assertThat(console.markState("A1")).isEqualTo("invalid");
        assertThat(console.waitFor(By.cssSelector("[data-test=submit]")).isEnabled()).isFalse();
        console.type("A1", "11");
        assertThat(console.aspect("A1").getText()).contains("超出范围 0–10");
        console.type("A1", "8.5");
        assertThat(console.markState("A1")).isEqualTo("draft");

        for (int i = 0; i < 14; i++) {
            console.aspect("A2").findElement(By.cssSelector("[data-test=plus]")).click();
        }
        assertThat(console.aspect("A2").findElement(By.cssSelector("input")).getAttribute("value")).isEqualTo("6.5");
        console.aspect("A2").findElement(By.cssSelector("[data-test=minus]")).click();
        console.aspect("A2").findElement(By.cssSelector("[data-test=plus]")).click();
        console.aspect("A2").findElement(By.cssSelector("[data-test=plus]")).click();
        console.choose("Y1", "10");
        assertThat(console.waitFor(By.cssSelector("[data-test=my-total]")).getAttribute("data-value")).isEqualTo("25.5");
        assertThat(console.waitFor(By.cssSelector("[data-test=progress]")).getText()).contains("3/3");
        console.screenshot("03-sheet");

        console.click(By.cssSelector("[data-test=submit]"));
        WebElement confirm = console.waitFor(By.cssSelector("[data-test=confirm-list]"));
        assertThat(confirm.findElements(By.cssSelector("tr"))).extracting(r -> r.getAttribute("data-aspect"))
                .containsExactly("A1", "A2", "Y1");
        // Each value with its unit: a mark out of its maximum, a yes/no aspect as 是/否 (never a bare "10").
        assertThat(confirm.findElements(By.cssSelector("[data-test=confirm-value]"))).extracting(WebElement::getText)
                .containsExactly("8.5 分（满分 10）", "7 分（满分 10）", "是");
        console.screenshot("04-confirmation");
        console.click(By.cssSelector("[data-test=confirm-send]"));

        for (String aspect : List.of("A1", "A2", "Y1")) {
            console.waitForMarkState(aspect, "saved");
        }
        assertThat(console.pendingCount()).isZero();

        JsonObject sheet = entry(matrix(), "001").getJsonObject("sheet").getJsonObject("aspects");
        String judge = String.valueOf(setup.j1);
        assertThat(sheet.getJsonObject("A1").getJsonObject("marks").getString(judge)).isEqualTo("8.5");
        assertThat(sheet.getJsonObject("A2").getJsonObject("marks").getString(judge)).isEqualTo("7");
        assertThat(sheet.getJsonObject("Y1").getJsonObject("marks").getString(judge)).isEqualTo("10");

        // A correction before the lock: only the changed aspect is sent, and it shows what it was.
        console.type("A1", "9");
        console.click(By.cssSelector("[data-test=submit]"));
        WebElement correction = console.waitFor(By.cssSelector("[data-test=confirm-list]"));
        assertThat(correction.findElements(By.cssSelector("tr"))).hasSize(1);
        assertThat(correction.getText()).contains("原 8.5");
        console.click(By.cssSelector("[data-test=confirm-send]"));
        console.waitForMarkState("A1", "saved");
        assertThat(entry(matrix(), "001").getJsonObject("sheet").getJsonObject("aspects").getJsonObject("A1")
                .getJsonObject("marks").getString(judge)).isEqualTo("9");

        console.click(By.cssSelector("[data-test=back]"));
        console.waitFor(d -> "MARKED".equals(d.findElement(By.cssSelector("[data-test=entry][data-code='001']"))
                .getAttribute("data-state")));
    }

    @Test
    @Order(4)
    void aMarkSentAfterTheSheetWasLockedIsShownRejectedWithTheReason() {
        Http head = http.signIn(setup.headCode);
        Http j2 = http.signIn(setup.j2Code);
        Http j3 = http.signIn(setup.j3Code);
        assertThat(once(j2).post(setup.sheet("002") + "/marks", marks("A1", 6, "A2", 6, "Y1", 10)).status()).isEqualTo(201);
        assertThat(once(j3).post(setup.sheet("002") + "/marks", marks("A1", 7, "A2", "6.5")).status()).isEqualTo(201);

        console.click(By.cssSelector("[data-test=entry][data-code='002']"));
        console.waitFor(By.cssSelector("[data-test=sheet-code]"));
        console.type("A1", "6.5");
        console.click(By.cssSelector("[data-test=submit]"));
        console.waitFor(By.cssSelector("[data-test=confirm-list]"));

        Reply lock = once(head).post(setup.sheet("002") + "/lock", new JsonObject());
        assertThat(lock.status()).as(lock.body()).isEqualTo(201);

        console.click(By.cssSelector("[data-test=confirm-send]"));
        console.waitForMarkState("A1", "rejected");
        String rejection = console.aspect("A1").findElement(By.cssSelector("[data-test=rejection]")).getText();
        assertThat(rejection).contains("6.5").contains("锁定");
        assertThat(console.rejectedCount()).isEqualTo(1);
        console.waitFor(By.cssSelector("[data-test=closed]"));
        console.screenshot("06-rejected");

        // It stays in the outbox with its reason until the judge dismisses it.
        console.click(By.cssSelector("[data-test=outbox-count]"));
        WebElement item = console.waitFor(By.cssSelector("[data-test=outbox-item][data-status=REJECTED]"));
        assertThat(item.getText()).contains("锁定").contains("A1 = 6.5");
        console.screenshot("06b-outbox-rejected");
        console.click(By.cssSelector("[data-test=dismiss]"));
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=outbox-item]")).isEmpty());
        assertThat(console.rejectedCount()).isZero();

        JsonArray audit = setup.organizer.get("/api/events/" + setup.eventId + "/audit?entryCode=002&judgeId=" + setup.j1)
                .json().getJsonArray("items");
        assertThat(audit).isEmpty();
    }

    @Test
    @Order(5)
    void englishOnTheToggleAndTheChoiceIsKept() {
        console.open("#/e/" + setup.eventId + "/s/001");
        console.click(By.cssSelector("[data-test=lang]"));
        console.waitFor(d -> d.findElement(By.cssSelector(".aspect[data-aspect=A1]")).getText().contains("Appearance"));
        console.open("#/e/" + setup.eventId + "/s/001");
        console.waitFor(d -> d.findElement(By.cssSelector(".aspect[data-aspect=A1]")).getText().contains("Appearance"));
        assertThat(console.markState("A1")).isEqualTo("saved");
        assertThat(console.aspect("A1").getText()).contains("Saved");
        console.click(By.cssSelector("[data-test=lang]"));
        console.waitFor(d -> d.findElement(By.cssSelector(".aspect[data-aspect=A1]")).getText().contains("外观"));
    }

    @Test
    @Order(6)
    void withNoStationsDrawnNoEntrySaysUnassignedStation() {
        Http organizer = setup.organizer;
        long event = organizer.post("/api/contests/" + setup.contestId + "/events",
                new JsonObject().put("name", "钳工").put("trade", "钳工")).id();
        assertThat(organizer.put("/api/events/" + event + "/scheme", new JsonObject()
                .put("scheme", JudgingSetup.testScheme()).put("appealWindowMinutes", 120)).status()).isEqualTo(200);
        long org = organizer.post("/api/organizations", new JsonObject().put("name", "无工位测试厂")).id();
        for (String no : List.of("N1", "N2")) {
            long person = organizer.post("/api/people", new JsonObject().put("name", "选手" + no).put("employeeNo", no)
                    .put("organizationId", org)).id();
            assertThat(organizer.post("/api/events/" + event + "/registrations", new JsonObject().put("personId", person))
                    .status()).isEqualTo(201);
        }
        assertThat(organizer.put("/api/events/" + event + "/panel/" + setup.j1, new JsonObject().put("role", "JUDGE"))
                .status()).isEqualTo(200);

        console.open("#/e/" + event);
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry]")).size() == 2);
        assertThat(console.waitFor(By.cssSelector("main")).getText()).doesNotContain("未分配工位");
        console.screenshot("judge-entries-no-stations");
        // With stations drawn, each card still names its station.
        console.open("#/e/" + setup.eventId);
        assertThat(console.waitFor(By.cssSelector("[data-test=entry][data-code='001']")).getText()).contains("A-01");
    }

    private JsonObject matrix() {
        Reply reply = http.signIn(setup.headCode).get("/api/events/" + setup.eventId + "/matrix");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static JsonObject entry(JsonObject matrix, String code) {
        return matrix.getJsonArray("entries").stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("entryCode").equals(code)).findFirst().orElseThrow();
    }

    static JsonObject marks(Object... aspectValue) {
        JsonArray marks = new JsonArray();
        for (int i = 0; i < aspectValue.length; i += 2) {
            marks.add(new JsonObject().put("aspectId", aspectValue[i]).put("value", aspectValue[i + 1]));
        }
        return new JsonObject().put("marks", marks);
    }
}
