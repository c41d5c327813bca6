package io.jiangxin.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Chromium browsers kept between tests in one JVM. Starting one costs a test JVM seconds of wall time and about two
 * seconds of CPU, which over the suite's fifty browsers was a large part of its time on two cores.
 *
 * <p>A browser given back is made as clean as a new one before it is lent again: every tab is closed for a fresh
 * one (so no page, timer, socket or dialog lives on), and every site it was on has all its storage cleared (cookies,
 * local storage, IndexedDB, service workers, caches), along with the HTTP cache, and downloads go back to the
 * browser's default. Anything that fails on the way back closes the browser for good instead.
 */
final class BrowserPool {

    /** Tests hold at most two browsers at once (a tablet and a phone); more idle ones would only hold memory. */
    private static final int MAX_IDLE = 2;

    private static final Deque<Pooled> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserPool::closeIdle, "browser-pool-close"));
    }

    private BrowserPool() {
    }

    static ChromeDriver lease(int width, int height) {
        Pooled idle;
        synchronized (IDLE) {
            idle = IDLE.pollFirst();
        }
        if (idle != null) {
            try {
                return lend(idle, width, height);
            } catch (RuntimeException died) {
                // The idle Chromium died: lend a new one instead.
            }
        }
        return lend(new Pooled(width, height), width, height);
    }

    private static Pooled lend(Pooled browser, int width, int height) {
        try {
            browser.fit(width, height);
        } catch (RuntimeException e) {
            browser.shutDown();
            throw e;
        }
        browser.leased = true;
        return browser;
    }

    private static void giveBack(Pooled browser) {
        try {
            browser.clean();
        } catch (RuntimeException e) {
            browser.shutDown();
            return;
        }
        synchronized (IDLE) {
            if (IDLE.size() < MAX_IDLE) {
                IDLE.addFirst(browser);
                return;
            }
        }
        browser.shutDown();
    }

    private static void closeIdle() {
        synchronized (IDLE) {
            IDLE.forEach(Pooled::shutDown);
            IDLE.clear();
        }
    }

    /** A browser whose {@code quit} gives it back to the pool. */
    private static final class Pooled extends ChromeDriver {

        private final Set<String> origins = new LinkedHashSet<>();
        private boolean leased;

        Pooled(int width, int height) {
            super(Browser.service(), Browser.options(width, height, null));
        }

        @Override
        public void get(String url) {
            origins.add(originOf(url));
            super.get(url);
        }

        @Override
        public void quit() {
            if (leased) {
                leased = false;
                giveBack(this);
            }
        }

        /**
         * The window exactly as asked: a new headless Chromium opens no narrower than 500 px whatever
         * {@code --window-size} says, and a pooled one has the size of its last test.
         */
        void fit(int width, int height) {
            manage().window().setSize(new Dimension(width, height));
            Browser.waiting(this, Duration.ofSeconds(10)).until(b -> ((Number) executeScript(
                    "return window.innerWidth")).intValue() == width);
        }

        void clean() {
            List<String> open = List.copyOf(getWindowHandles());
            for (String handle : open) {
                switchTo().window(handle);
                origins.add(originOf(getCurrentUrl()));
            }
            String fresh = switchTo().newWindow(WindowType.TAB).getWindowHandle();
            for (String handle : open) {
                switchTo().window(handle);
                close();
            }
            switchTo().window(fresh);
            for (String origin : origins) {
                if (origin.startsWith("http")) {
                    executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
                }
            }
            // The one browser-wide setting a test changes (OrganizerConsoleIT's download folder).
            executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
            executeCdpCommand("Network.clearBrowserCookies", Map.of());
            executeCdpCommand("Network.clearBrowserCache", Map.of());
            origins.clear();
            manage().timeouts().implicitlyWait(Duration.ZERO).pageLoadTimeout(Browser.PAGE_LOAD);
        }

        /** Closes the browser for good. */
        void shutDown() {
            try {
                super.quit();
            } catch (RuntimeException e) {
                // Already gone: nothing left to close.
            }
        }

        private static String originOf(String url) {
            try {
                URI uri = URI.create(url);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            } catch (IllegalArgumentException | NullPointerException e) {
                return "";
            }
        }
    }
}
