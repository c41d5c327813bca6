package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
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
 * The worker's page (/worker/) in headless Chromium on the demo season: a worker signs in with the code an organizer
 * issued and sees their own record, whose chart has one series per category with the JSON's dates and cumulative
 * points; another person's page is refused; an organizer opens any person's page with ?person=ID.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerPageIT {

    @RegisterExtension
    static final TestServer server = TestServer.withDemoSeason();

    private Http organizer;

    @BeforeAll
    void start() throws Exception {
        organizer = server.organizer();
    }

    private static List<String> attributes(List<WebElement> elements, String attribute) {
        return elements.stream().map(e -> e.getAttribute(attribute)).collect(Collectors.toList());
    }

    @Test
    void aWorkerSeesTheirOwnRecordWithTheChartOfTheJsonAndIsRefusedAnotherOne() {
        long s0001 = LadderTests.demoWorker(server.database(), "S0001");
        long s0013 = LadderTests.demoWorker(server.database(), "S0013");
        String code = organizer.post("/api/people/" + s0001 + "/account", new JsonObject()).json().getString("signInCode");
        JsonObject json = server.anonymous().signIn(code).get("/api/ladder/me").json();
        JsonArray points = json.getJsonArray("points");
        assertThat(points).as("the demo worker has points").isNotEmpty();
        JsonObject ledger = points.getJsonObject(0);
        JsonArray byCategory = ledger.getJsonArray("byCategory");
        assertThat(byCategory.size()).as("several categories").isGreaterThan(1);

        ChromeDriver browser = Browser.start(1280, 1400);
        try {
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(20));
            String base = server.url("/worker/");
            browser.get(base);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的成长档案");
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person-name")));
            assertThat(browser.findElement(By.id("person-name")).getText())
                    .isEqualTo(json.getJsonObject("person").getString("name"));

            // the chart: one series per category, each point at the JSON's date with its cumulative points
            WebElement config = browser.findElement(By.cssSelector(".config[data-config='" + ledger.getString("config")
                    + "']"));
            List<WebElement> series = config.findElements(By.cssSelector("svg.points-chart g.series"));
            assertThat(attributes(series, "data-category")).containsExactlyElementsOf(byCategory.stream()
                    .map(s -> ((JsonObject) s).getString("category")).collect(Collectors.toList()));
            for (Object o : byCategory) {
                JsonObject s = (JsonObject) o;
                JsonArray expected = s.getJsonArray("series");
                WebElement group = config.findElement(By.cssSelector("g.series[data-category='" + s.getString("category")
                        + "']"));
                List<WebElement> circles = group.findElements(By.tagName("circle"));
                assertThat(attributes(circles, "data-date")).containsExactlyElementsOf(expected.stream()
                        .map(p -> ((JsonObject) p).getString("date")).collect(Collectors.toList()));
                assertThat(attributes(circles, "data-points")).containsExactlyElementsOf(expected.stream()
                        .map(p -> ((JsonObject) p).getString("points")).collect(Collectors.toList()));
                String last = expected.getJsonObject(expected.size() - 1).getString("points");
                assertThat(group.getAttribute("data-final")).isEqualTo(last);
                assertThat(config.findElement(By.cssSelector(".legend li[data-category='" + s.getString("category")
                        + "'] .final")).getText()).isEqualTo(last);
            }
            // higher cumulative points are drawn higher
            JsonObject first = byCategory.getJsonObject(0);
            if (first.getJsonArray("series").size() > 1) {
                List<WebElement> circles = config.findElements(By.cssSelector("g.series[data-category='"
                        + first.getString("category") + "'] circle"));
                double y0 = Double.parseDouble(circles.get(0).getAttribute("cy"));
                double y1 = Double.parseDouble(circles.get(circles.size() - 1).getAttribute("cy"));
                assertThat(y1).isLessThan(y0);
            }
            JsonObject standing = ledger.getJsonArray("standings").getJsonObject(0);
            assertThat(config.findElement(By.cssSelector(".standing[data-scheme='" + standing.getString("scheme")
                    + "'] .total")).getText()).isEqualTo(standing.getString("total"));

            // tier history, results, training and apprentices are all there
            assertThat(browser.findElement(By.id("tiers")).getText()).contains("种子工匠");
            assertThat(browser.findElements(By.cssSelector("#results tbody tr")))
                    .hasSize(json.getJsonArray("results").size());
            assertThat(browser.findElement(By.id("training-hours")).getText()).isEqualTo("48");
            assertThat(browser.findElement(By.id("training")).getText()).contains("焊接高级研修班");
            String apprentice = json.getJsonArray("apprentices").getJsonObject(0).getString("apprentice");
            assertThat(browser.findElement(By.id("apprentices")).getText()).contains(apprentice);
            assertThat(browser.findElement(By.id("evidence")).getText()).contains("送技入企", "厚板窄间隙焊接方法");

            browser.findElement(By.id("lang")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "My craftsman record"));
            assertThat(browser.findElement(By.id("evidence")).getText()).contains("technical service");
            browser.findElement(By.id("lang")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的成长档案"));

            // another person's page is refused, with the server's reason
            browser.get(base + "?person=" + s0013);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
            assertThat(browser.findElement(By.id("refusal")).getText()).contains("只能查看本人的成长档案");
            assertThat(browser.findElement(By.id("refusal")).getAttribute("data-status")).isEqualTo("403");
            assertThat(browser.findElement(By.id("page")).isDisplayed()).isFalse();

            // an organizer opens any worker's page by id
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            browser.findElement(By.id("code")).sendKeys(Nodes.ORGANIZER_CODE);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.textToBe(By.id("person-name"),
                    organizer.get("/api/ladder/people/" + s0013).json().getJsonObject("person").getString("name")));
            assertThat(browser.findElement(By.id("mentors")).getText())
                    .contains(json.getJsonObject("person").getString("name"));
        } finally {
            browser.quit();
        }
    }
}
