package io.jiangxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pool lends a browser again only as clean as a new one: the same Chromium, one blank tab, the asked size, and
 * nothing kept by the site the last test was on.
 */
class BrowserPoolIT {

    private static HttpServer site;
    private static String origin;

    @BeforeAll
    static void serveASite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            boolean worker = exchange.getRequestURI().getPath().equals("/sw.js");
            byte[] body = (worker ? "self.addEventListener('fetch', () => {});"
                    : "<!doctype html><title>site</title><p>site").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", worker ? "text/javascript" : "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        origin = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        site.stop(0);
    }

    @Test
    void aBrowserGivenBackIsLentAgainWithNothingLeftOfTheLastTest() {
        ChromeDriver first = Browser.start(1024, 768);
        first.get(origin + "/");
        first.executeScript("localStorage.setItem('k', 'v'); document.cookie = 'c=1; max-age=3600';");
        Object stored = first.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('outbox', 1);
                open.onupgradeneeded = () => open.result.createObjectStore('marks');
                open.onsuccess = () => {
                  const tx = open.result.transaction('marks', 'readwrite');
                  tx.objectStore('marks').put('9.5', 'A1');
                  tx.oncomplete = () => navigator.serviceWorker.register('/sw.js')
                      .then(() => navigator.serviceWorker.ready).then(() => done('stored'), (e) => done(String(e)));
                };""");
        assertThat(stored).isEqualTo("stored");
        assertThat(storage(first)).as("the site kept something, so the check below can fail")
                .containsExactly("v", "c=1", 1L, 1L);
        first.switchTo().newWindow(WindowType.TAB);
        first.get(origin + "/second-tab");
        first.quit();

        ChromeDriver second = Browser.start(390, 844);
        try {
            assertThat(second).as("the same Chromium, lent again").isSameAs(first);
            assertThat(second.getWindowHandles()).as("one fresh tab").hasSize(1);
            assertThat(second.getCurrentUrl()).isEqualTo("about:blank");
            assertThat(((Number) second.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
            second.get(origin + "/");
            assertThat(storage(second)).containsExactly(null, "", 0L, 0L);
        } finally {
            second.quit();
        }
    }

    @Test
    void aBrowserThatDiedInThePoolIsReplacedByANewOne() {
        ChromeDriver first = Browser.start(1024, 768);
        first.quit();
        try {
            first.executeCdpCommand("Browser.crash", java.util.Map.of());
        } catch (RuntimeException crashed) {
            // The answer never comes: the browser is gone.
        }
        ChromeDriver second = Browser.start(1024, 768);
        try {
            assertThat(second).isNotSameAs(first);
            second.get(origin + "/");
            assertThat(second.getTitle()).isEqualTo("site");
        } finally {
            second.quit();
        }
    }

    /** Local storage's value, the cookies, the IndexedDB databases and the service workers the page sees. */
    private static List<Object> storage(ChromeDriver browser) {
        Object counts = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([indexedDB.databases(), navigator.serviceWorker.getRegistrations()])
                    .then(([dbs, workers]) => done([dbs.length, workers.length]));""");
        List<?> found = (List<?>) counts;
        return java.util.Arrays.asList(browser.executeScript("return localStorage.getItem('k')"),
                browser.executeScript("return document.cookie"), found.get(0), found.get(1));
    }
}
