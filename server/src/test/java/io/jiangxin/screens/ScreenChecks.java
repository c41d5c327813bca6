package io.jiangxin.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every screen is checked for in Chromium, measured from element boxes: nothing wider than the viewport, no
 * number or button label clipped, no CJK label squeezed to one character per line, a clipped name always carries its
 * whole text as a tooltip, and every button's label (both halves) readable at WCAG AA contrast.
 */
public final class ScreenChecks {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ScreenChecks() {
    }

    /** Returns the list of problems found on the page as it is now; empty when it is fine. */
    static final String PROBLEMS = """
            const vw = document.documentElement.clientWidth;
            const bad = [];
            const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' "' + (e.textContent || '').trim().slice(0, 30) + '"';
            const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            if (document.documentElement.scrollWidth > vw + 1) bad.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
            for (const e of document.querySelectorAll('body *')) {
              if (!shown(e) || (e.parentElement && e.parentElement.closest('.jx-table-wrap, svg, dialog, .rows, .grid'))) continue;
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > vw + 1) bad.push(name(e) + ' ends at ' + Math.round(r.right) + ' beyond ' + vw);
            }
            for (const e of document.querySelectorAll('button, .jx-badge, th, td.num, td.total, .row .total, .row .rank, .row .code, .card .line b, .teams li b')) {
              if (shown(e) && e.scrollWidth > e.clientWidth + 1) bad.push(name(e) + ' is clipped: ' + e.scrollWidth + ' > ' + e.clientWidth);
            }
            for (const e of document.querySelectorAll('button, td, th, label, .jx-badge, li, h1, h2, h3, .row > span')) {
              const text = (e.textContent || '').trim();
              if (!shown(e) || !/[\\u4e00-\\u9fff]{2}/.test(text)) continue;
              const size = parseFloat(getComputedStyle(e).fontSize);
              if (e.clientWidth > 0 && e.clientWidth < 1.9 * size) bad.push(name(e) + ' is one character wide (' + e.clientWidth + ' px)');
            }
            // A short Chinese label (a name, a verdict, a button) stays on one line: never "推/荐" or "选手/一".
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent.trim();
              if (!/^[\u4e00-\u9fff]{2,6}$/.test(text) || !node.parentElement || !shown(node.parentElement)) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) bad.push(name(node.parentElement) + ' breaks the short label "' + text + '" over ' + lines.size + ' lines');
            }
            for (const e of document.querySelectorAll('button, .jx-badge')) {
              const size = parseFloat(getComputedStyle(e).fontSize);
              if (shown(e) && e.getBoundingClientRect().height > 3.2 * size) bad.push(name(e) + ' wraps: ' + Math.round(e.getBoundingClientRect().height) + ' px high');
            }
            for (const e of document.querySelectorAll('.jx-name, .row .person, .row .org, .teams .team, .card .line > span')) {
              if (shown(e) && e.scrollWidth > e.clientWidth + 1 && e.title !== e.textContent) bad.push(name(e) + ' is cut without its tooltip');
            }
            const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const background = (e) => { for (let n = e; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; const v = rgb(c); if (v.length && (v.length < 4 || v[3] > 0.5)) return c; } return 'rgb(255,255,255)'; };
            for (const b of document.querySelectorAll('button')) {
              if (!shown(b) || b.disabled) continue;
              for (const part of [b, ...b.querySelectorAll('.en')]) {
                const x = lum(getComputedStyle(part).color), y = lum(background(b));
                const ratio = (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
                if (ratio < 4.5) bad.push(name(part) + ' on its button has contrast ' + ratio.toFixed(2) + ' < 4.5');
              }
            }
            return bad;
            """;

    @SuppressWarnings("unchecked")
    public static List<String> problems(ChromeDriver browser) {
        return (List<String>) browser.executeScript(PROBLEMS);
    }

    public static void assertClean(ChromeDriver browser, String screen) {
        assertThat(problems(browser)).as("layout problems on %s", screen).isEmpty();
    }

    public static void save(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, not only the viewport: the window grows to the document's height for the shot. */
    public static void saveWhole(ChromeDriver browser, String name) throws Exception {
        org.openqa.selenium.Dimension size = browser.manage().window().getSize();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                (int) Math.min(8000, height + size.getHeight() - ((Number) browser.executeScript(
                        "return window.innerHeight")).longValue())));
        try {
            save(browser, name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /**
     * A browser whose viewport is exactly this wide: headless Chromium opens no narrower than 500 px whatever
     * --window-size says, so a phone width is set again once it runs, and awaited.
     */
    static ChromeDriver open(int width, int height, java.nio.file.Path profile) {
        ChromeDriver browser = io.jiangxin.support.Browser.start(width, height, profile);
        resize(browser, width, height);
        return browser;
    }

    static ChromeDriver open(int width, int height) {
        return open(width, height, null);
    }

    static void resize(ChromeDriver browser, int width, int height) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        Browser.waiting(browser, java.time.Duration.ofSeconds(10)).until(b ->
                ((Number) ((ChromeDriver) b).executeScript("return window.innerWidth")).intValue() == width);
    }

    static Object script(ChromeDriver browser, String js, Object... args) {
        return browser.executeScript(js, args);
    }
}
