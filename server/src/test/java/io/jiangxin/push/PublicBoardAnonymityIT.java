package io.jiangxin.push;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.BoardViewer;
import io.jiangxin.support.Browser;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The public board keeps entries anonymous: with one entry per enterprise, an enterprise board beside the entries'
 * totals would say who is who, so the public board (JSON, WebSocket and hall screen) shows no team or enterprise
 * board until names are public (sign-off), unless the organizer's {@code showTeamsBeforeNames} setting reveals it.
 * The jury board keeps everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicBoardAnonymityIT {

    @RegisterExtension
    static final TestServer SERVER = TestServer.perClass();
    static final String CONTEST = "2026年榜单匿名测试赛";

    private JudgingSetup setup;
    private JudgingPanel panel;
    private Http anonymous;
    private String organizerToken;

    @BeforeAll
    void start() throws Exception {
        anonymous = new Http(SERVER.port());
        organizerToken = anonymous.post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json()
                .getString("token");
        // Each entry competes for its enterprise (甲厂 and 丙厂), best member counted: one entry per enterprise.
        JsonObject scheme = JudgingSetup.testScheme().put("ranking", new JsonObject()
                .put("team", new JsonObject().put("countedMembers", 1)));
        setup = new JudgingSetup(anonymous.as(organizerToken), CONTEST, "SKILLS", scheme);
        panel = new JudgingPanel(anonymous, setup);
        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 8, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 7, "A2", 7, "Y1", 10));
        Files.createDirectories(HallScreenIT.SCREENSHOTS);
    }

    private JsonObject publicBoard() {
        Http.Reply reply = anonymous.get("/api/events/" + setup.eventId + "/board");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private Http.Reply setPolicy(JsonObject body) {
        return once(anonymous.as(organizerToken)).put("/api/events/" + setup.eventId + "/board/policy", body);
    }

    private static void assertNoEnterprise(JsonObject board) {
        assertThat(board.getJsonArray("teams")).as("no team board on the public board").isEmpty();
        assertThat(board.encode()).as("no enterprise named anywhere on the public board")
                .doesNotContain(CONTEST + "甲厂").doesNotContain(CONTEST + "丙厂");
    }

    @Test
    @Order(1)
    void beforeNamesArePublicThePublicBoardHasNoTeamsWhileTheJuryBoardHasThem() throws Exception {
        JsonObject board = publicBoard();
        assertThat(board.getJsonArray("rows")).hasSize(2);
        assertNoEnterprise(board);
        assertThat(board.getBoolean("showTeamsBeforeNames")).isFalse();
        JsonObject contest = anonymous.get("/api/contests/" + setup.contestId + "/board").json();
        assertNoEnterprise(contest.getJsonArray("events").getJsonObject(0));

        JsonObject jury = anonymous.as(organizerToken).get("/api/events/" + setup.eventId + "/board?view=JURY").json();
        assertThat(jury.getJsonArray("teams")).extracting(t -> ((JsonObject) t).getString("team"))
                .containsExactly(CONTEST + "甲厂", CONTEST + "丙厂");

        try (BoardViewer viewer = BoardViewer.connect(SERVER.port())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            assertNoEnterprise(viewer.await(m -> "snapshot".equals(m.getString("type")), 5_000));
            viewer.subscribe(setup.eventId, "JURY", null, organizerToken);
            JsonObject juryOverSocket = viewer.await(m -> "snapshot".equals(m.getString("type"))
                    && "JURY".equals(m.getString("view")), 5_000);
            assertThat(juryOverSocket.getJsonArray("teams")).hasSize(2);
            assertThat(juryOverSocket.getJsonArray("teams").getJsonObject(0).getJsonArray("members"))
                    .containsExactly("001");

            // A new mark moves the public board; its delta carries no team board either.
            panel.markByBothJudges("002", Marks.of("A1", 10, "A2", 10));
            JsonObject delta = viewer.await(m -> "delta".equals(m.getString("type"))
                    && "PUBLIC".equals(m.getString("view")), 5_000);
            assertThat(delta.containsKey("teams")).isFalse();
            assertThat(delta.encode()).doesNotContain(CONTEST + "甲厂").doesNotContain(CONTEST + "丙厂");
        }
    }

    @Test
    @Order(2)
    void theTeamSettingIsCheckedLikeTheOtherPolicyFields() {
        for (JsonObject bad : new JsonObject[] {
                new JsonObject().put("policy", "PROVISIONAL").put("showTeamsBeforeNames", "yes"),
                new JsonObject().put("policy", "PROVISIONAL").put("showTeamsBeforeNames", 1),
                new JsonObject().put("policy", "PROVISIONAL").putNull("showTeamsBeforeNames")}) {
            Http.Reply reply = setPolicy(bad);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().getJsonArray("details").getJsonObject(0).getString("field"))
                    .isEqualTo("showTeamsBeforeNames");
        }
        assertThat(setPolicy(new JsonObject().put("showTeamsBeforeNames", true)).status())
                .as("the policy itself is still required").isEqualTo(400);
        Http.Reply judge = once(panel.j1).put("/api/events/" + setup.eventId + "/board/policy",
                new JsonObject().put("policy", "PROVISIONAL").put("showTeamsBeforeNames", true));
        assertThat(judge.status()).isEqualTo(403);
        assertNoEnterprise(publicBoard());
    }

    @Test
    @Order(3)
    void theOrganizerCanShowTeamsBeforeNamesAndHideThemAgain() throws Exception {
        try (BoardViewer viewer = BoardViewer.connect(SERVER.port())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            viewer.await(m -> "snapshot".equals(m.getString("type")), 5_000);

            Http.Reply shown = setPolicy(new JsonObject().put("policy", "PROVISIONAL").put("showTeamsBeforeNames", true));
            assertThat(shown.status()).as(shown.body()).isEqualTo(201);
            JsonObject delta = viewer.await(m -> "delta".equals(m.getString("type")), 5_000);
            assertThat(delta.getJsonArray("teams")).hasSize(2);
            JsonObject board = publicBoard();
            assertThat(board.getBoolean("showTeamsBeforeNames")).isTrue();
            assertThat(board.getJsonArray("teams")).extracting(t -> ((JsonObject) t).getString("team"))
                    .containsExactly(CONTEST + "丙厂", CONTEST + "甲厂");

            // PUT replaces the whole setting: without the flag, team boards wait for names again.
            assertThat(setPolicy(new JsonObject().put("policy", "PROVISIONAL")).status()).isEqualTo(201);
            JsonObject hidden = viewer.await(m -> "delta".equals(m.getString("type")), 5_000);
            assertThat(hidden.getJsonArray("teams")).isEmpty();
            assertNoEnterprise(publicBoard());
        }
    }

    @Test
    @Order(4)
    void theHallScreenShowsTheTeamPanelOnlyOnceNamesArePublic() throws Exception {
        ChromeDriver tablet = Browser.start(1024, 768);
        ChromeDriver phone = Browser.start(390, 844);
        try {
            String url = "http://127.0.0.1:" + SERVER.port() + "/screen/?event=" + setup.eventId;
            long version = publicBoard().getLong("version");
            for (ChromeDriver browser : new ChromeDriver[] {tablet, phone}) {
                browser.get(url);
                awaitVersion(browser, version);
                assertThat(browser.findElement(By.id("teams")).isDisplayed()).as("no team panel during judging")
                        .isFalse();
                assertThat(browser.findElement(By.tagName("body")).getText())
                        .doesNotContain(CONTEST + "甲厂").doesNotContain(CONTEST + "丙厂");
            }
            save(tablet, "hall-screen-anonymous-1024x768.png");

            panel.lock("001", "002");
            panel.signOff();
            for (ChromeDriver browser : new ChromeDriver[] {tablet, phone}) {
                Browser.waiting(browser, Duration.ofSeconds(10))
                        .until(b -> b.findElement(By.id("teams")).isDisplayed());
                assertThat(browser.findElement(By.id("team-rows")).getText())
                        .contains(CONTEST + "丙厂").contains(CONTEST + "甲厂");
                assertThat(browser.findElement(By.id("rows")).getText()).as("names are public too").contains("选手一");
            }
            save(tablet, "hall-screen-named-1024x768.png");
            save(phone, "hall-screen-named-phone.png");
            JsonObject board = publicBoard();
            assertThat(board.getBoolean("signedOff")).isTrue();
            assertThat(board.getJsonArray("teams")).hasSize(2);
        } finally {
            tablet.quit();
            phone.quit();
        }
    }

    private static void awaitVersion(ChromeDriver browser, long atLeast) {
        Browser.waiting(browser, Duration.ofSeconds(10)).until(b -> {
            Object v = browser.executeScript("return document.getElementById('board').dataset.version");
            return v != null && Long.parseLong(v.toString()) >= atLeast;
        });
    }

    private static void save(ChromeDriver browser, String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, HallScreenIT.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
