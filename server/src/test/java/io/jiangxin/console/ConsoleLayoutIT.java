package io.jiangxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.screens.ScreenChecks;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * The console at 1280×800 landscape, 800×1280 portrait and a 390×844 phone: no screen scrolls sideways, every main
 * control lies within the viewport's width and is at least 48 px in both directions, and the sheet's total and
 * submit button stay on screen. Each screen, the judge's and the head judge's, also passes the checks every other
 * screen passes ({@link ScreenChecks}: no element box beyond the viewport, no clipped label, no one-character CJK
 * column, readable buttons), and is saved as {@code screens-judge-<screen>-<size>.png} under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLayoutIT {

    /** The main controls of every screen; the matrix table itself may scroll inside its own frame. */
    private static final String CONTROLS = ".topbar button, .choice, .stepper button, .stepper input, [data-test=submit],"
            + " [data-test=entry], .chip-btn, [data-test=search], [data-test=code], [data-test=sign-in], .table-wrap,"
            + " [data-test=sign-off], [data-test=lock], [data-test=ask-remark], [data-test=override]";

    private static final String CHECK = """
            const vw = document.documentElement.clientWidth;
            const problems = [];
            if (document.documentElement.scrollWidth > vw + 1) {
              problems.push('page is ' + document.documentElement.scrollWidth + ' px wide in a ' + vw + ' px viewport');
            }
            for (const el of document.querySelectorAll(arguments[0])) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const name = el.tagName + (el.dataset.test ? '[' + el.dataset.test + ']' : '') + ' "' + (el.textContent || el.value || '').trim().slice(0, 20) + '"';
              if (r.left < -1 || r.right > vw + 1) problems.push(name + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
              if (!el.classList.contains('table-wrap') && (r.height < 47.5 || r.width < 47.5)) problems.push(name + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
            }
            return problems;
            """;

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        setup = new JudgingSetup(new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE), "2026年界面尺寸测试赛");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @CsvSource({"1280, 800, landscape", "800, 1280, portrait", "390, 844, phone"})
    void everyScreenFitsWithoutSidewaysScrolling(int width, int height, String name) throws Exception {
        ConsoleDriver console = new ConsoleDriver(Browser.start(Math.max(width, 500), height), node.httpPort());
        try {
            // Headless Chromium keeps windows at least 500 px wide, so the viewport is set exactly, as a device would.
            console.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", !name.equals("landscape")));
            console.open(null);
            console.waitFor(By.cssSelector("[data-test=code]"));
            long viewport = (Long) console.js("return document.documentElement.clientWidth");
            assertThat(viewport).isBetween((long) width - 40, (long) width);
            assertFits(console, "sign-in", name);

            console.signIn(setup.j1Code);
            console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry]")).size() == 2);
            assertFits(console, "entries", name);

            console.click(By.cssSelector("[data-test=entry][data-code='001']"));
            console.waitFor(By.cssSelector("[data-test=sheet-code]"));
            console.type("A1", "8");
            console.choose("Y1", "10");
            assertFits(console, "sheet", name);
            assertThat(console.waitFor(By.cssSelector("[data-test=submit]")).isDisplayed()).isTrue();
            Object submitVisible = console.js("const r = document.querySelector('[data-test=submit]').getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight");
            assertThat(submitVisible).as("the submit button stays on screen").isEqualTo(true);
            if (!name.equals("landscape")) {
                console.screenshot("09-sheet-" + name);
            }
            console.click(By.cssSelector("[data-test=submit]"));
            console.waitFor(By.cssSelector("[data-test=confirm-list]"));
            assertFits(console, "confirm", name);
            console.click(By.cssSelector("[data-test=confirm-back]"));
            console.signOut();

            console.signIn(setup.headCode);
            console.waitFor(By.cssSelector("[data-test=matrix]"));
            assertFits(console, "matrix", name);
            console.click(By.cssSelector("[data-test=matrix-row][data-code='001'] [data-test=open-entry]"));
            console.waitFor(By.cssSelector(".aspect-panel[data-aspect=A1]"));
            assertFits(console, "head-sheet", name);
        } finally {
            console.driver.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertFits(ConsoleDriver console, String screen, String size) throws Exception {
        List<String> problems = (List<String>) console.js(CHECK, CONTROLS);
        assertThat(problems).as(screen).isEmpty();
        ScreenChecks.assertClean(console.driver, "judge console " + screen + " " + size);
        ScreenChecks.save(console.driver, "screens-judge-" + screen + "-" + size + ".png");
    }
}
