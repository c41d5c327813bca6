package io.jiangxin.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from Debian, driven through Debian's ChromeDriver; nothing is downloaded. A browser asked
 * for without a profile or switches comes from {@link BrowserPool}: a Chromium this test JVM started before, on a
 * fresh tab with every site's storage cleared, so it starts as clean as a new one. A browser with a profile of its own
 * (storage kept across restarts) or with switches is started anew.
 */
public final class Browser {

    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String CHROMIUM = "/usr/bin/chromium";

    static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    /** How often a wait looks again: a page usually changes within tens of milliseconds. */
    private static final Duration POLL = Duration.ofMillis(100);

    private Browser() {
    }

    public static ChromeDriver start(int width, int height) {
        return start(width, height, null);
    }

    /** A browser with the given window size; {@code profile} keeps its storage across restarts when given. */
    public static ChromeDriver start(int width, int height, Path profile) {
        return start(width, height, profile, new String[0]);
    }

    /** A browser with more Chromium switches, e.g. a host resolver rule and a trusted test certificate. */
    public static ChromeDriver start(int width, int height, Path profile, String... switches) {
        if (profile == null && switches.length == 0) {
            return BrowserPool.lease(width, height);
        }
        return new ChromeDriver(service(), options(width, height, profile, switches));
    }

    static ChromeDriverService service() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        return new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
    }

    static ChromeOptions options(int width, int height, Path profile, String... switches) {
        try {
            Path userData = profile != null ? profile : Files.createTempDirectory("jiangxin-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + userData,
                    "--window-size=" + width + "," + height).addArguments(switches);
            options.setPageLoadTimeout(PAGE_LOAD);
            return options;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A wait on the page that looks again every 100 ms, not WebDriverWait's 500 ms. */
    public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout, POLL);
    }
}
