package io.jiangxin.push;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The hall screen (大屏) in a real headless Chromium: a new mark shows within a second of its 2xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HallScreenIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http judge;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年大屏测试赛");
        judge = http.signIn(setup.j1Code);
        assertThat(once(judge).post(setup.sheet("001") + "/marks", new JsonObject().put("marks", new JsonArray()
                .add(new JsonObject().put("aspectId", "Y1").put("value", 0)))).status()).isEqualTo(201);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        node.close();
        database.close();
    }

    private String screen(String query) {
        return "http://127.0.0.1:" + node.httpPort() + "/screen/?" + query;
    }

    private static Object script(ChromeDriver browser, String js) {
        return browser.executeScript(js);
    }

    private static void save(ChromeDriver browser, String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long awaitVersion(ChromeDriver browser, long atLeast) {
        return Poll.until(Duration.ofSeconds(10), Duration.ofMillis(20), "the screen at version " + atLeast, () -> {
            Object version = script(browser, "return document.getElementById('board').dataset.version");
            return version == null ? -1 : Long.parseLong(version.toString());
        }, version -> version >= atLeast);
    }

    @Test
    void aMarkShowsOnTheHallScreenWithinOneSecondOfItsAcknowledgement() throws Exception {
        ChromeDriver browser = Browser.start(1920, 1080);
        try {
            browser.get(screen("event=" + setup.eventId));
            long version = awaitVersion(browser, 0);

            JsonObject marks = new JsonObject().put("marks", new JsonArray()
                    .add(new JsonObject().put("aspectId", "Y1").put("value", 10)));
            Http.Reply reply = once(judge).post(setup.sheet("002") + "/marks", marks);
            long acknowledged = System.nanoTime();
            assertThat(reply.status()).isEqualTo(201);

            String total = Poll.until(Duration.ofSeconds(3), Duration.ofMillis(10), "the entry on the screen", () -> {
                Object value = script(browser, "const r = document.querySelector('[data-entry=\"002\"]');"
                        + " return r ? r.dataset.total : null;");
                return value == null ? "" : value.toString();
            }, value -> !value.isEmpty());
            long shown = System.nanoTime();
            assertThat(total).as("the entry appeared on the screen").isNotNull();
            long millis = (shown - acknowledged) / 1_000_000;
            assertThat(millis).as("shown %d ms after the 2xx", millis).isLessThan(1_000);
            String expected = new Http(node.httpPort()).get("/api/events/" + setup.eventId + "/board").json()
                    .getJsonArray("rows").stream().map(r -> (JsonObject) r)
                    .filter(r -> r.getString("entry").equals("002")).findFirst().orElseThrow().getString("total");
            assertThat(total).isEqualTo(expected);
            assertThat(awaitVersion(browser, version + 1)).isGreaterThan(version);
            assertThat(browser.findElement(org.openqa.selenium.By.id("clock")).getText()).matches("\\d{2}:\\d{2}:\\d{2}");
            assertThat(browser.findElement(org.openqa.selenium.By.id("contest")).getText()).isEqualTo("2026年大屏测试赛");
            save(browser, "hall-screen-1920x1080.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePhoneViewShowsTheSameBoardWithoutOverflow() throws Exception {
        ChromeDriver browser = Browser.start(390, 844);
        try {
            browser.get(screen("event=" + setup.eventId));
            awaitVersion(browser, 1);
            assertThat(script(browser, "return document.querySelectorAll('#rows .row').length")).isNotEqualTo(0L);
            assertThat(script(browser, "return document.querySelector('#rows .row').getBoundingClientRect().height"))
                    .as("rows take their room in the flow").isNotEqualTo(0L);
            Object overflow = script(browser, "return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            save(browser, "hall-screen-phone.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aContestScreenShowsEachEventsTopPlaces() throws Exception {
        ChromeDriver browser = Browser.start(1920, 1080);
        try {
            browser.get(screen("contest=" + setup.contestId));
            Object cards = Poll.until(Duration.ofSeconds(10), "an event's card on the contest screen",
                    () -> script(browser, "return document.querySelectorAll('.card').length"), count -> !count.equals(0L));
            assertThat(cards).isEqualTo(1L);
            assertThat(browser.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText()).contains("焊工");
            save(browser, "hall-screen-contest.png");
        } finally {
            browser.quit();
        }
    }
}
