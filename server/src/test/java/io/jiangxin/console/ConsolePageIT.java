package io.jiangxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The server's start page renders in a real headless Chromium, Chinese first. */
class ConsolePageIT {

    @Test
    void theStartPageRendersInChinese() throws Exception {
        try (TestDatabase database = TestDatabase.create(); JiangxinNode node = Nodes.single(database.url())) {
            ChromeDriver browser = Browser.start(1280, 800);
            try {
                browser.get("http://127.0.0.1:" + node.httpPort() + "/");
                assertThat(browser.getTitle()).contains("匠心");
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains("匠心");
            } finally {
                browser.quit();
            }
        }
    }
}
