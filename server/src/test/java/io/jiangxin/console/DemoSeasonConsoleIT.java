package io.jiangxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo season's welding scheme as a new judge meets it: arriving by the QR token, every control type appears
 * (a stepper for the 0–100 theory score, a 0–10 button row for a judgement marked on a scale, yes/no, and the
 * deduction aspect read-only), and the running total rescales the 0–10 mark to the aspect's 30 points.
 */
class DemoSeasonConsoleIT {

    @Test
    void theWeldingSchemeRendersWithEveryKindOfControl() throws Exception {
        try (TestDatabase database = TestDatabase.create();
             JiangxinNode node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), true))) {
            Http organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
            long judge = organizer.signIn("DEMO-J0022").get("/api/sessions/current").json().getLong("id");
            String token = organizer.post("/api/accounts/" + judge + "/sessions", new io.vertx.core.json.JsonObject())
                    .json().getString("token");
            ConsoleDriver console = new ConsoleDriver(Browser.start(1280, 800), node.httpPort());
            try {
                console.driver.get(console.base + "/judge/index.html?token=" + token + "#/e/1/s/002");
                console.waitFor(By.cssSelector("[data-test=sheet-code]"));
                assertThat(console.driver.getCurrentUrl()).doesNotContain(token);
                assertThat(console.aspect("T1").getAttribute("data-control")).isEqualTo("stepper");
                assertThat(console.aspect("W1").getAttribute("data-control")).isEqualTo("stepper");
                assertThat(console.aspect("W2").getAttribute("data-control")).isEqualTo("buttons");
                assertThat(console.aspect("W2").findElements(By.cssSelector("button.choice"))).hasSize(11);
                assertThat(console.aspect("W3").getAttribute("data-control")).isEqualTo("yesno");
                assertThat(console.aspect("S1").getAttribute("data-control")).isEqualTo("readonly");

                console.choose("W2", "8");
                console.type("W1", "32.5");
                WebElement total = console.waitFor(By.cssSelector("[data-test=my-total]"));
                assertThat(total.getAttribute("data-value")).isEqualTo("56.5");
                console.screenshot("03b-sheet-welding");
            } finally {
                console.driver.quit();
            }
        }
    }
}
