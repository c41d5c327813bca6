package io.jiangxin.console;

import io.jiangxin.support.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the console tests do in the browser: open the console, sign in, wait for screens, save screenshots. */
final class ConsoleDriver {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final String base;

    ConsoleDriver(ChromeDriver driver, int port) {
        this(driver, "http://127.0.0.1:" + port);
    }

    /** A console at another origin, e.g. {@code https://jiangxin.test:8443}. */
    ConsoleDriver(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    void open(String hash) {
        driver.get(base + "/judge/index.html" + (hash == null ? "" : hash));
        waitFor(d -> "true".equals(js("return document.documentElement.dataset.ready || ''")));
    }

    /** Signs in with a code on the sign-in screen and waits until the console shows the sign-out button. */
    void signIn(String code) {
        open(null);
        WebElement input = waitFor(By.cssSelector("[data-test=code]"));
        input.sendKeys(code);
        click(By.cssSelector("[data-test=sign-in]"));
        waitFor(By.cssSelector("[data-test=sign-out]"));
    }

    void signOut() {
        click(By.cssSelector("[data-test=sign-out]"));
        if (!driver.findElements(By.cssSelector("[data-test=confirm-ok]")).isEmpty()) {
            click(By.cssSelector("[data-test=confirm-ok]"));
        }
        waitFor(By.cssSelector("[data-test=code]"));
    }

    WebElement waitFor(By by) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(20), condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return Browser.waiting(driver, timeout)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Finds and clicks in one step, again if the screen redrew the element meanwhile (the matrix polls). */
    void click(By by) {
        waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty() || !found.get(0).isDisplayed() || !found.get(0).isEnabled()) {
                return null;
            }
            js("arguments[0].scrollIntoView({block: 'center'})", found.get(0));
            found.get(0).click();
            return true;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement aspect(String aspectId) {
        return waitFor(By.cssSelector(".aspect[data-aspect='" + aspectId + "']"));
    }

    /** The state the sheet shows for one aspect's mark: saved, pending, draft, invalid, rejected, empty, remark. */
    String markState(String aspectId) {
        return String.valueOf(js("const a = document.querySelector(\".aspect[data-aspect='\" + arguments[0] + \"']\");"
                + " return a ? a.dataset.state : null", aspectId));
    }

    void waitForMarkState(String aspectId, String state) {
        waitFor(Duration.ofSeconds(40), d -> state.equals(markState(aspectId)));
    }

    /** Types into an aspect's numeric field, replacing what is there. */
    void type(String aspectId, String text) {
        WebElement input = aspect(aspectId).findElement(By.cssSelector("input[data-test=mark-input]"));
        input.click();
        js("arguments[0].select()", input);
        input.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    void choose(String aspectId, String value) {
        aspect(aspectId).findElement(By.cssSelector("button.choice[data-value='" + value + "']")).click();
    }

    /** How many marks the top bar says wait to send (the bar is redrawn often, so it is read in one go). */
    int pendingCount() {
        return topBarCount("pending");
    }

    int rejectedCount() {
        return topBarCount("rejected");
    }

    private int topBarCount(String which) {
        Object value = waitFor(d -> js("const b = document.querySelector('[data-test=outbox-count]');"
                + " return b ? b.dataset." + which + " : null"));
        return Integer.parseInt(String.valueOf(value));
    }

    /** Resizes the window and waits until the viewport is that wide (headless Chromium opens at 500 px at least). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        waitFor(d -> ((Number) js("return window.innerWidth")).intValue() == width);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            js("document.activeElement && document.activeElement.blur && document.activeElement.blur()");
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(SCREENSHOTS.resolve(name + ".png")).exists();
    }
}
