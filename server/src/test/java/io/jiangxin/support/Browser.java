package io.jiangxin.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium from Debian, driven through Debian's ChromeDriver; nothing is downloaded. Each browser
 * gets its own empty profile, so IndexedDB and service workers start clean.
 */
public final class Browser {

    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String CHROMIUM = "/usr/bin/chromium";

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
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            Path userData = profile != null ? profile : Files.createTempDirectory("jiangxin-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + userData,
                    "--window-size=" + width + "," + height).addArguments(switches);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
