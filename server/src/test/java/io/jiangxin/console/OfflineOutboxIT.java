package io.jiangxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.config.Settings;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
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
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * Offline-first: with the console loaded once, the tablet loses the network (Chrome's network emulation), the judge
 * marks three aspects and reloads the page; the console opens from the service worker's cache with the three marks
 * waiting in the IndexedDB outbox, and when the network returns they arrive exactly once. Then the server itself
 * goes away (the node is stopped and started again on the same port): the mark waits, is retried with back-off and
 * arrives once the server is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineOutboxIT {

    private TestDatabase database;
    private JiangxinNode node;
    private Settings settings;
    private JudgingSetup setup;
    private ConsoleDriver console;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        Settings base = Nodes.settings(database.url(), Nodes.freePort(), List.of(), false);
        settings = new Settings(Nodes.freePort(), base.databaseUrl(), base.clusterMembers(), base.clusterPort(),
                base.clusterHost(), false, base.dataDirectory(), Nodes.ORGANIZER_CODE, Duration.ofHours(12));
        node = JiangxinNode.start(settings);
        setup = new JudgingSetup(new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE), "2026年离线评分测试赛");
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
    void marksMadeOfflineSurviveAReloadAndArriveExactlyOnce() {
        console.signIn(setup.j1Code);
        console.click(By.cssSelector("[data-test=entry][data-code='001']"));
        console.waitFor(By.cssSelector("[data-test=sheet-code]"));
        console.waitFor(d -> "controlling".equals(console.js("return document.documentElement.dataset.sw || ''")));

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        console.driver.setNetworkConditions(offline);
        console.waitFor(d -> console.waitFor(By.cssSelector("[data-test=net]")).getText().contains("离线"));

        console.type("A1", "5");
        console.type("A2", "6.5");
        console.choose("Y1", "0");
        console.click(By.cssSelector("[data-test=submit]"));
        console.click(By.cssSelector("[data-test=confirm-send]"));
        for (String aspect : List.of("A1", "A2", "Y1")) {
            console.waitForMarkState(aspect, "pending");
        }
        assertThat(console.pendingCount()).isEqualTo(3);
        console.screenshot("05-outbox-pending");

        console.driver.navigate().refresh();
        console.waitFor(d -> "true".equals(console.js("return document.documentElement.dataset.ready || ''")));
        console.waitFor(By.cssSelector("[data-test=sheet-code]"));
        for (String aspect : List.of("A1", "A2", "Y1")) {
            assertThat(console.markState(aspect)).isEqualTo("pending");
        }
        assertThat(console.aspect("A2").findElement(By.cssSelector("input")).getAttribute("value")).isEqualTo("6.5");
        assertThat(console.pendingCount()).isEqualTo(3);
        console.waitFor(By.cssSelector("[data-test=stale]"));

        console.click(By.cssSelector("[data-test=outbox-count]"));
        assertThat(console.waitFor(By.cssSelector("[data-test=outbox-item][data-status=PENDING]")).getText())
                .contains("A1 = 5").contains("A2 = 6.5").contains("Y1 = 0");
        console.screenshot("05b-outbox-screen");
        assertThat(new Http(node.httpPort()).signIn(setup.headCode).get("/api/events/" + setup.eventId + "/matrix")
                .json().getJsonArray("entries").getJsonObject(0).getJsonObject("sheet")).isNull();

        console.driver.deleteNetworkConditions();
        console.waitFor(Duration.ofSeconds(40), d -> console.pendingCount() == 0);
        console.driver.navigate().back();
        for (String aspect : List.of("A1", "A2", "Y1")) {
            console.waitForMarkState(aspect, "saved");
        }

        List<JsonObject> audit = auditOf("001");
        assertThat(audit).extracting(a -> a.getString("kind")).containsOnly("MARK");
        Map<String, String> byAspect = audit.stream()
                .collect(Collectors.toMap(a -> a.getString("aspectId"), a -> a.getString("newValue")));
        assertThat(byAspect).containsExactlyInAnyOrderEntriesOf(Map.of("A1", "5", "A2", "6.5", "Y1", "0"));
        assertThat(audit).hasSize(3);
    }

    @Test
    @Order(2)
    void whileTheServerIsDownAMarkWaitsAndIsSentOnceItIsBack() throws Exception {
        console.open("#/e/" + setup.eventId + "/s/002");
        console.waitFor(By.cssSelector("[data-test=sheet-code]"));
        node.close();

        console.type("A1", "4");
        console.click(By.cssSelector("[data-test=submit]"));
        console.click(By.cssSelector("[data-test=confirm-send]"));
        console.waitForMarkState("A1", "pending");
        assertThat(console.pendingCount()).isEqualTo(1);
        console.waitFor(d -> Boolean.TRUE.equals(console.js(
                "return document.querySelector('[data-test=outbox-count]').dataset.pending === '1'")));

        node = JiangxinNode.start(new Settings(settings.port(), settings.databaseUrl(), settings.clusterMembers(),
                Nodes.freePort(), settings.clusterHost(), false, settings.dataDirectory(), Nodes.ORGANIZER_CODE,
                Duration.ofHours(12)));
        console.waitForMarkState("A1", "saved");
        assertThat(console.pendingCount()).isZero();
        List<JsonObject> audit = auditOf("002");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString("newValue")).isEqualTo("4");
    }

    private List<JsonObject> auditOf(String code) {
        return new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE)
                .get("/api/events/" + setup.eventId + "/audit?entryCode=" + code + "&judgeId=" + setup.j1)
                .json().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
    }
}
