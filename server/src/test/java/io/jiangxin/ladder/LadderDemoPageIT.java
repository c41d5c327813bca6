package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.app.ladder.LadderDemo;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code --demo} includes 潍柴动力's ladder with candidates, and the organizer's page works in headless Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LadderDemoPageIT {

    @RegisterExtension
    static final TestServer server = TestServer.withDemoSeason();

    private Http organizer;

    @BeforeAll
    void start() throws Exception {
        organizer = server.organizer();
    }

    @Test
    @Order(1)
    void theDemoLadderHasCandidatesWithExplanations() throws Exception {
        JsonArray ladders = server.anonymous().get("/api/ladders").json().getJsonArray("items");
        assertThat(LadderTests.find(ladders, "ladderId", "weichai").getString("name")).isEqualTo("潍柴动力三级工匠");

        JsonArray items = organizer.get("/api/ladders/weichai/proposals?tier=CRAFTSMAN").json().getJsonArray("items");
        List<JsonObject> proposed = items.stream().map(i -> (JsonObject) i)
                .filter(i -> "PROPOSED".equals(i.getString("status"))).collect(Collectors.toList());
        assertThat(proposed).hasSize(2);
        assertThat(proposed.get(0).getJsonObject("eligibility").getString("route")).isEqualTo("SHORTCUT");
        assertThat(proposed.get(1).getJsonObject("eligibility").getString("route")).isEqualTo("REQUIREMENTS");
        assertThat(proposed.get(1).getJsonObject("summary").getString("zh"))
                .contains("积分（近 3 年） 51 ≥ 50", "任 种子工匠", "符合条件的成绩", "名额：");
        assertThat(items.stream().map(i -> (JsonObject) i).filter(i -> "NOT_ELIGIBLE".equals(i.getString("status")))
                .map(i -> i.getJsonObject("summary").getString("zh")).collect(Collectors.joining("\n")))
                .contains("积分（近 3 年） 40 < 50").contains("任 种子工匠 1 年 < 2 年");

        JsonObject roster = server.anonymous().get("/api/ladders/weichai/roster").json();
        assertThat(LadderTests.find(roster.getJsonArray("tiers"), "code", "SEED").getInteger("count")).isEqualTo(3);

        long entries = server.database().queryLong("select count(*) from ladder_ledger");
        JiangxinNode node = server.node();
        JsonObject again = node.services().ladder().stores().pool().withConnection(c -> new LadderDemo(
                node.services().ladder()).load()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(again.getInteger("rows")).isZero();
        assertThat(again.getInteger("entries")).isZero();
        assertThat(server.database().queryLong("select count(*) from ladder_ledger")).isEqualTo(entries);
    }

    @Test
    @Order(2)
    void theOrganizerPageShowsCandidatesRunsTheWorkflowAndSwitchesLanguage() {
        ChromeDriver browser = Browser.start(1280, 1000);
        try {
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(20));
            browser.get(server.url("/ladder/index.html"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工匠梯队评选");
            browser.findElement(By.id("code")).sendKeys(Nodes.ORGANIZER_CODE);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#candidates tbody tr"), 2));
            assertThat(browser.findElement(By.id("tier")).getAttribute("value")).isEqualTo("CRAFTSMAN");
            List<WebElement> rows = browser.findElements(By.cssSelector("#candidates tbody tr"));
            assertThat(rows.get(0).getText()).contains("建议", "直通");
            assertThat(rows.get(1).findElement(By.className("summary")).getText()).contains("建议晋升 工匠");
            assertThat(browser.findElement(By.id("roster")).getText()).contains("种子工匠（3）");

            browser.findElement(By.id("nominate-why")).sendKeys("车间推荐：焊接攻关骨干");
            rows.get(1).findElement(By.className("nominate")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nomination[data-state='NOMINATED']")));
            WebElement nomination = browser.findElement(By.cssSelector(".nomination"));
            assertThat(nomination.getText()).contains("推荐").contains("车间推荐：焊接攻关骨干");
            nomination.findElement(By.className("why")).sendKeys("材料齐全");
            nomination.findElement(By.cssSelector("button[data-action='SUBMIT_FOR_FIRST_REVIEW']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nomination[data-state='FIRST_REVIEW']")));
            assertThat(browser.findElement(By.cssSelector(".nomination")).getText()).contains("报送初审", "材料齐全");

            browser.findElement(By.id("lang")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Craftsman ladder"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".nomination"), "first review"));
            assertThat(browser.findElement(By.cssSelector("#candidates thead")).getText()).contains("Explanation");
        } finally {
            browser.quit();
        }
    }
}
