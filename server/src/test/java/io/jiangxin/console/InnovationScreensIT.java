package io.jiangxin.console;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The innovation screens of issue 13 in headless Chromium. A document round (初赛) of six entries from three
 * enterprises and four judges of a college: the organizer runs the review assignment from a typed seed in the
 * organizer console and follows the progress; a judge sees only their entries with their titles, opens one, reads
 * its title, numbers and PDF beside the sheet (the PDF fetched with the judge's token and checked against the
 * server's checksum, shown in the browser's viewer) without any author or enterprise on screen, and marks it; the
 * organizer sees that mark in the progress, the consistency and the normalised standings, and reassigns a judge who
 * drops out. A final (决赛) is shown on the hall screen in 路演 mode as the judges' marks arrive. Every screen is
 * photographed at 1024×768 and 390×844 into target/screenshots/innovation-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InnovationScreensIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String SEED = "2026-初赛-公开种子";
    private static final List<String> ENTERPRISES = List.of("潍柴动力股份有限公司", "山东海化集团", "歌尔股份有限公司");

    private Http organizer;
    private long contestId;
    private long roundId;
    private long finalId;
    private final Map<String, Long> registrations = new LinkedHashMap<>();
    private final Map<String, String> judgeCodes = new LinkedHashMap<>();
    private final Map<String, Long> judgeIds = new LinkedHashMap<>();
    private final Map<String, Long> finalRegistrations = new LinkedHashMap<>();
    private byte[] pdf;
    private String reader;
    private String headCode;
    private long firstEnterprise;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() {
        organizer = server.organizer();
        contestId = created(organizer.post("/api/contests", new JsonObject().put("name", "2026年潍坊市职工创新成果评选")
                .put("kind", "INNOVATION").put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会")));
        roundId = event("技术革新（初赛）", scheme());
        // The final is marked by every judge of its panel on stage, on raw marks: no normalisation.
        JsonObject live = scheme().put("id", "final").put("nameZh", "创新成果路演答辩").put("nameEn", "Innovation roadshow final");
        live.remove("normalisation");
        live.remove("consistency");
        finalId = event("技术革新（决赛）", live);
        long college = created(organizer.post("/api/organizations", new JsonObject().put("name", "潍坊职业学院")));
        List<Long> orgs = new ArrayList<>();
        for (String name : ENTERPRISES) {
            orgs.add(created(organizer.post("/api/organizations", new JsonObject().put("name", name))));
        }
        firstEnterprise = orgs.get(0);
        pdf = io.jiangxin.app.InnovationDemo.proposal("Jiangxin proposal: quick-change welding fixture");
        for (int i = 1; i <= 6; i++) {
            long person = created(organizer.post("/api/people", new JsonObject().put("name", "作者" + i)
                    .put("employeeNo", "IN" + i).put("organizationId", orgs.get((i - 1) / 2))));
            long registration = created(organizer.post("/api/events/" + roundId + "/registrations",
                    new JsonObject().put("personId", person)));
            String code = organizer.get("/api/registrations/" + registration).json().getString("entryCode");
            registrations.put(code, registration);
            JsonObject content = new JsonObject().put("title", "焊接夹具快换改造" + i).put("kind", "TECH_INNOVATION")
                    .put("summary", "换型时间由 40 分钟缩短到 8 分钟，已在两条产线推广。")
                    .put("patentNumbers", new JsonArray().add("ZL2025100000" + i + ".1"))
                    .put("standardNumbers", new JsonArray().add("Q/WC 10" + i + "-2025"))
                    .put("benefitWan", "12" + i + ".50");
            if (i == 1) {
                content.put("videoUrl", "https://video.example.cn/roadshow/1");
            }
            Reply saved = organizer.put("/api/registrations/" + registration + "/entry", content);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            if (i == 1) {
                Reply uploaded = organizer.sendBytes("POST", "/api/registrations/" + registration
                        + "/entry/attachments?fileName=proposal.pdf", pdf, "application/pdf");
                assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
                Reply photo = organizer.sendBytes("POST", "/api/registrations/" + registration
                        + "/entry/attachments?fileName=fixture.png", png(40, 30), "image/png");
                assertThat(photo.status()).as(photo.body()).isEqualTo(201);
            }
        }
        for (String letter : List.of("甲", "乙", "丙", "丁")) {
            long person = created(organizer.post("/api/people", new JsonObject().put("name", "评委" + letter)
                    .put("employeeNo", "JD" + letter).put("organizationId", college)));
            JsonObject account = organizer.post("/api/contests/" + contestId + "/judges",
                    new JsonObject().put("personId", person)).json();
            long id = account.getJsonObject("account").getLong("id");
            seat(roundId, id, "JUDGE");
            judgeIds.put(letter, id);
            judgeCodes.put(letter, account.getString("signInCode"));
        }
        JsonObject head = organizer.post("/api/contests/" + contestId + "/judges",
                new JsonObject().put("displayName", "裁判长")).json();
        seat(roundId, head.getJsonObject("account").getLong("id"), "HEAD_JUDGE");
        headCode = head.getString("signInCode");
        // The final: three teams present on stage, so the organizer lets the board say whose entries they are.
        for (int i = 1; i <= 3; i++) {
            long member = created(organizer.post("/api/people", new JsonObject().put("name", "组员" + i)
                    .put("employeeNo", "TM" + i).put("organizationId", orgs.get(i - 1))));
            long team = created(organizer.post("/api/teams", new JsonObject().put("name", "攻关小组" + i)
                    .put("organizationId", orgs.get(i - 1)).put("memberIds", new JsonArray().add(member))));
            long registration = created(organizer.post("/api/events/" + finalId + "/registrations",
                    new JsonObject().put("teamId", team)));
            String code = organizer.get("/api/registrations/" + registration).json().getString("entryCode");
            finalRegistrations.put(code, registration);
            Reply saved = organizer.put("/api/registrations/" + registration + "/entry", new JsonObject()
                    .put("title", List.of("数控刀具寿命提升", "液压系统节能优化", "装配工装防错设计").get(i - 1))
                    .put("kind", "INVENTION"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
        seat(finalId, judgeIds.get("甲"), "JUDGE");
        seat(finalId, judgeIds.get("乙"), "JUDGE");
        Reply policy = once(organizer).put("/api/events/" + finalId + "/board/policy",
                new JsonObject().put("policy", "PROVISIONAL").put("showTeamsBeforeNames", true));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    @Order(1)
    void theOrganizerRunsTheAssignmentFromATypedSeedAndSeesTheProgress() {
        ConsoleDriver console = organizerConsole(1024, 768);
        console.driver.get(console.base + "/organizer/index.html#/events/" + roundId);
        console.click(By.cssSelector("[data-test=innovation-link] a"));
        console.waitFor(By.cssSelector("[data-test=assignment-state][data-assigned=false]"));
        assertThat(text(console, "[data-test=normalisation-rule]")).contains("100 ± 20");
        assertThat(text(console, "[data-test=advancement-rule]")).contains("前 3 名");

        WebElement k = console.waitFor(By.cssSelector("[data-test=assignment-k]"));
        k.clear();
        k.sendKeys("2");
        console.waitFor(By.cssSelector("[data-test=assignment-seed-input]")).sendKeys(SEED);
        console.click(By.cssSelector("[data-test=assignment-run]"));
        assertThat(text(console, "[data-test=assignment-seed]")).isEqualTo(SEED);
        JsonObject assignment = organizer.get("/api/events/" + roundId + "/review-assignments").json();
        assertThat(assignment.getBoolean("assigned")).isTrue();
        assertThat(assignment.getJsonArray("runs").getJsonObject(0).getString("seed")).isEqualTo(SEED);
        assertThat(console.waitFor(By.cssSelector("[data-test=run-seed]")).getText()).isEqualTo(SEED);

        // Progress per judge: 6 entries × 2 judges, nothing marked yet; per entry: 2 judges each.
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=progress-judge]")).size() == 4);
        int assigned = 0;
        for (WebElement row : console.driver.findElements(By.cssSelector("[data-test=progress-judge]"))) {
            assigned += Integer.parseInt(row.getAttribute("data-assigned"));
            assertThat(row.getAttribute("data-missing")).isEqualTo(row.getAttribute("data-assigned"));
        }
        assertThat(assigned).isEqualTo(12);
        assertThat(console.driver.findElements(By.cssSelector("[data-test=progress-entry]"))).hasSize(6)
                .allSatisfy(row -> assertThat(row.getAttribute("data-missing")).isEqualTo("2"));
        console.click(By.cssSelector("[data-test=assignment-verify]"));
        console.waitFor(By.cssSelector("[data-test=assignment-verified]"));
        assertThat(console.driver.findElement(By.tagName("body")).getText()).doesNotContain("accountId");
        shoot(console, "innovation-organizer-1024x768", true);
        phone(console);
        console.driver.navigate().refresh();
        console.waitFor(By.cssSelector("[data-test=progress-judge]"));
        assertFits(console, "organizer page at 390");
        shoot(console, "innovation-organizer-390x844", true);
    }

    @Test
    @Order(2)
    void aJudgeReadsAnAssignedEntrysPdfBesideTheSheetBlindAndMarksIt() throws Exception {
        String code = registrations.keySet().iterator().next();
        JsonObject onFirst = assignedEntries().stream().filter(e -> e.getString("entryCode").equals(code))
                .findFirst().orElseThrow();
        long judgeId = onFirst.getJsonArray("judges").getJsonObject(0).getLong("accountId");
        reader = judgeIds.entrySet().stream().filter(e -> e.getValue() == judgeId).findFirst().orElseThrow().getKey();
        List<String> mine = assignedEntries().stream().filter(e -> e.getJsonArray("judges").stream()
                .anyMatch(j -> ((JsonObject) j).getLong("accountId") == judgeId)).map(e -> e.getString("entryCode"))
                .toList();

        ConsoleDriver console = new ConsoleDriver(started(1024, 768), server.port());
        console.signIn(judgeCodes.get(reader));
        console.open("#/e/" + roundId);
        List<WebElement> cards = console.waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-test=entry]"));
            return found.size() == mine.size() ? found : null;
        });
        assertThat(cards).extracting(c -> c.getAttribute("data-code")).containsExactlyInAnyOrderElementsOf(mine);
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry-title]")).size() == mine.size());
        assertThat(text(console, "[data-test=entry][data-code='" + code + "'] [data-test=entry-title]"))
                .isEqualTo("焊接夹具快换改造1");
        shoot(console, "innovation-judge-entries-1024x768", false);

        console.click(By.cssSelector("[data-test=entry][data-code='" + code + "']"));
        console.waitFor(By.cssSelector("[data-test=entry-docs]"));
        assertThat(text(console, "[data-test=entry-docs] [data-test=entry-title]")).isEqualTo("焊接夹具快换改造1");
        assertThat(text(console, "[data-test=entry-kind]")).isEqualTo("技术革新");
        assertThat(text(console, "[data-test=entry-summary]")).contains("换型时间由 40 分钟缩短到 8 分钟");
        assertThat(text(console, "[data-test=entry-patents]")).contains("ZL20251000001.1");
        assertThat(text(console, "[data-test=entry-standards]")).contains("Q/WC 101-2025");
        assertThat(text(console, "[data-test=entry-benefit]")).contains("121.50 万元");
        String page = console.driver.findElement(By.tagName("body")).getText();
        assertThat(page).as("blind review: no author and no enterprise on the judge's screen")
                .doesNotContain("作者1").doesNotContain(ENTERPRISES.get(0));

        // The PDF: fetched with the judge's token (200), every byte arrived and matches the server's SHA-256, and the
        // browser's viewer loaded it in the frame.
        WebElement viewer = console.waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".doc-viewer[data-state=loaded]"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertThat(viewer.getAttribute("data-status")).isEqualTo("200");
        assertThat(viewer.getAttribute("data-bytes")).isEqualTo(String.valueOf(pdf.length));
        assertThat(viewer.getAttribute("data-verified")).isEqualTo("true");
        WebElement frame = console.waitFor(By.cssSelector("[data-test=doc-frame]"));
        assertThat(frame.getAttribute("src")).startsWith("blob:");
        Object framed = console.js("const f = document.querySelector('[data-test=doc-frame]');"
                + " return fetch(f.src).then(r => r.arrayBuffer()).then(b => new TextDecoder().decode(b.slice(0, 5)) + ':'"
                + " + b.byteLength + ':' + (f.contentDocument ? f.contentDocument.contentType : 'opaque'))");
        assertThat(String.valueOf(framed)).isEqualTo("%PDF-:" + pdf.length + ":application/pdf");
        Object frameBox = console.js("const r = document.querySelector('[data-test=doc-frame]').getBoundingClientRect();"
                + " return [Math.round(r.width), Math.round(r.height)]");
        assertThat((List<?>) frameBox).allSatisfy(size -> assertThat(((Number) size).intValue()).isGreaterThan(400));
        assertFits(console, "judge sheet at 1024");
        assertThat(console.waitFor(By.cssSelector("[data-test=entry-video]")).getAttribute("href"))
                .isEqualTo("https://video.example.cn/roadshow/1");

        // The photo, inline: the second document's tab shows the image at its own size.
        List<WebElement> tabs = console.driver.findElements(By.cssSelector("[data-test=doc-tab]"));
        assertThat(tabs).extracting(WebElement::getText).satisfiesExactly(
                t -> assertThat(t).startsWith("proposal.pdf"), t -> assertThat(t).startsWith("fixture.png"));
        tabs.get(1).click();
        console.waitFor(d -> Boolean.TRUE.equals(console.js("const i = document.querySelector('[data-test=doc-image]');"
                + " return !!i && i.complete && i.naturalWidth === 40 && i.closest('.doc-viewer').dataset.state === 'loaded'")));
        console.click(By.cssSelector("[data-test=doc-tab]"));
        console.waitFor(By.cssSelector(".doc-viewer[data-state=loaded] [data-test=doc-frame]"));

        console.type("Q", "88");
        console.click(By.cssSelector("[data-test=submit]"));
        console.click(By.cssSelector("[data-test=confirm-send]"));
        console.waitForMarkState("Q", "saved");
        console.js("window.scrollTo(0, 0)");
        shoot(console, "innovation-judge-sheet-1024x768", false);
        JsonObject progress = organizer.get("/api/events/" + roundId + "/review-progress").json();
        JsonObject entry = progress.getJsonArray("entries").stream().map(o -> (JsonObject) o)
                .filter(e -> e.getString("entryCode").equals(code)).findFirst().orElseThrow();
        assertThat(entry.getInteger("marked")).isEqualTo(1);

        // In English the entry's labels and kind follow the toggle.
        console.click(By.cssSelector("[data-test=lang]"));
        console.waitFor(d -> text(console, "[data-test=entry-kind]").equals("Technical innovation"));
        assertThat(text(console, "[data-test=blind-note]")).startsWith("Blind review");
        assertThat(text(console, "[data-test=entry-benefit]")).contains("121.50");
        console.click(By.cssSelector("[data-test=lang]"));
        console.waitFor(d -> text(console, "[data-test=entry-kind]").equals("技术革新"));

        // An entry not assigned to this judge is refused by the server.
        String other = registrations.keySet().stream().filter(c -> !mine.contains(c)).findFirst().orElseThrow();
        Http judge = server.anonymous().signIn(judgeCodes.get(reader));
        Reply refused = judge.get("/api/events/" + roundId + "/entries/" + other);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("error")).isEqualTo("NOT_ASSIGNED");

        phone(console);
        console.driver.navigate().refresh();
        WebElement onPhone = console.waitFor(By.cssSelector(".doc-viewer[data-state=loaded]"));
        assertThat(onPhone.getAttribute("data-verified")).isEqualTo("true");
        // Whether a page may show a PDF inline is the browser's to say (Android's Chrome cannot); the page follows it.
        Object inlinePdf = console.driver.executeScript("return navigator.pdfViewerEnabled");
        assertThat(onPhone.getAttribute("data-viewer")).isEqualTo(Boolean.FALSE.equals(inlinePdf) ? "external" : "frame");
        assertFits(console, "judge sheet at 390");
        console.js("document.querySelector(\".aspect[data-aspect='Q']\").scrollIntoView({block: 'center'})");
        shoot(console, "innovation-judge-sheet-390x844-marking", false);
        console.js("window.scrollTo(0, 0)");
        shoot(console, "innovation-judge-sheet-390x844", false);
        console.open("#/e/" + roundId);
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=entry-title]")).size() == mine.size());
        assertFits(console, "judge entries at 390");
        shoot(console, "innovation-judge-entries-390x844", false);
    }

    @Test
    @Order(3)
    void theOrganizerSeesTheMarkInProgressConsistencyAndStandingsAndReassignsAJudgeWhoDropsOut() {
        String code = registrations.keySet().iterator().next();
        ConsoleDriver console = organizerConsole(1024, 768);
        console.driver.get(console.base + "/organizer/index.html#/events/" + roundId + "/innovation");
        console.waitFor(d -> "0".equals(attribute(console, "[data-test=progress-entry][data-entry='" + code + "']", "data-missing"))
                || "1".equals(attribute(console, "[data-test=progress-entry][data-entry='" + code + "']", "data-missing")));
        assertThat(attribute(console, "[data-test=progress-entry][data-entry='" + code + "']", "data-missing")).isEqualTo("1");
        assertThat(attribute(console, "[data-test=progress-summary]", "data-marked")).isEqualTo("1");
        WebElement standing = console.waitFor(By.cssSelector("[data-test=innovation-standing][data-entry='" + code + "']"));
        assertThat(standing.getAttribute("data-total")).isEqualTo("88.00");
        assertThat(standing.getAttribute("data-normalised")).isNotEmpty();
        assertThat(console.driver.findElements(By.cssSelector("[data-test=consistency-judge]"))).hasSize(5);
        assertThat(text(console, "[data-test=advance-why]")).contains("签字确认");

        // A judge who has marked nothing drops out: their entries move, confirmed in a dialog first.
        String dropped = judgeIds.keySet().stream().filter(j -> !j.equals(reader)).findFirst().orElseThrow();
        long droppedId = judgeIds.get(dropped);
        console.js("const s = document.querySelector('[data-test=reassign-judge]'); s.value = arguments[0];", String.valueOf(droppedId));
        console.click(By.cssSelector("[data-test=reassign-run]"));
        console.click(By.cssSelector("[data-test=confirm-yes]"));
        console.waitFor(By.cssSelector("[data-test=reassign-done]"));
        JsonObject after = organizer.get("/api/events/" + roundId + "/review-assignments").json();
        assertThat(after.getJsonArray("entries").stream().map(o -> (JsonObject) o)
                .flatMap(e -> e.getJsonArray("judges").stream()).map(j -> ((JsonObject) j).getLong("accountId")))
                .doesNotContain(droppedId);
        assertThat(after.getJsonArray("runs")).hasSize(2);
        console.waitFor(d -> d.findElements(By.cssSelector("[data-test=assignment-run]")).size() == 2);
        shoot(console, "innovation-organizer-after-1024x768", true);
    }

    @Test
    @Order(4)
    void theHallScreenShowsTheRoadshowFinalAsTheMarksArrive() throws Exception {
        // The public programme: titles always; who presents only where the board may say it.
        JsonObject programme = server.anonymous().get("/api/events/" + finalId + "/roadshow").json();
        assertThat(programme.getBoolean("namesPublic")).isTrue();
        assertThat(programme.getJsonArray("items").getJsonObject(0).getString("entrant")).isEqualTo("攻关小组1");
        JsonObject blind = server.anonymous().get("/api/events/" + roundId + "/roadshow").json();
        assertThat(blind.getBoolean("namesPublic")).isFalse();
        assertThat(blind.getJsonArray("items").getJsonObject(0).containsKey("entrant")).isFalse();
        assertThat(blind.getJsonArray("items").getJsonObject(0).getString("title")).isEqualTo("焊接夹具快换改造1");

        // Outside an innovation contest neither read exists; a judge of an entry's enterprise never opens it.
        long skills = created(organizer.post("/api/contests", new JsonObject().put("name", "2026年焊工技能比武")
                .put("kind", "SKILLS").put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会")));
        long welding = created(organizer.post("/api/contests/" + skills + "/events", new JsonObject().put("name", "焊工")
                .put("trade", "焊工")));
        Reply notInnovation = server.anonymous().get("/api/events/" + welding + "/roadshow");
        assertThat(notInnovation.status()).isEqualTo(404);
        assertThat(notInnovation.json().getString("error")).isEqualTo("NOT_INNOVATION");
        assertThat(organizer.get("/api/events/" + welding + "/entries/001").json().getString("error"))
                .isEqualTo("NOT_INNOVATION");
        long colleague = created(organizer.post("/api/people", new JsonObject().put("name", "评委戊")
                .put("employeeNo", "JD戊").put("organizationId", firstEnterprise)));
        JsonObject sameEnterprise = organizer.post("/api/contests/" + contestId + "/judges",
                new JsonObject().put("personId", colleague)).json();
        seat(roundId, sameEnterprise.getJsonObject("account").getLong("id"), "JUDGE");
        Reply recused = server.anonymous().signIn(sameEnterprise.getString("signInCode"))
                .get("/api/events/" + roundId + "/entries/" + registrations.keySet().iterator().next());
        assertThat(recused.status()).isEqualTo(403);
        assertThat(recused.json().getString("error")).isEqualTo("RECUSED");

        List<String> codes = new ArrayList<>(finalRegistrations.keySet());
        ChromeDriver hall = started(1024, 768);
        hall.get(server.url("/screen/?event=" + finalId + "&mode=roadshow"));
        ConsoleDriver screen = new ConsoleDriver(hall, server.port());
        screen.waitFor(d -> "3".equals(attribute(screen, "#roadshow", "data-programme")));
        screen.waitFor(d -> codes.get(0).equals(attribute(screen, "#rs-stage", "data-entry")));
        assertThat(text(screen, "#rs-title")).isEqualTo("数控刀具寿命提升");
        assertThat(text(screen, "#rs-team")).contains("攻关小组1").contains(ENTERPRISES.get(0));
        screen.waitFor(d -> text(screen, "#connection").contains("实时"));

        // The second team presents; the judges' marks arrive one by one and the stage follows them.
        Http first = server.anonymous().signIn(judgeCodes.get("甲"));
        Http second = server.anonymous().signIn(judgeCodes.get("乙"));
        mark(first, codes.get(1), 90);
        screen.waitFor(d -> codes.get(1).equals(attribute(screen, "#rs-stage", "data-entry")));
        screen.waitFor(d -> "90.00".equals(attribute(screen, "#rs-score", "data-score")));
        assertThat(text(screen, "#rs-title")).isEqualTo("液压系统节能优化");
        assertThat(text(screen, "#rs-team")).contains("攻关小组2");
        mark(second, codes.get(1), 80);
        screen.waitFor(d -> "85.00".equals(attribute(screen, "#rs-score", "data-score")));
        assertThat(hall.findElements(By.cssSelector("#rs-feed li"))).extracting(li -> li.getAttribute("data-score"))
                .containsExactly("85.00", "90.00");
        assertThat(attribute(screen, "#rs-lines .rs-line.current", "data-entry")).isEqualTo(codes.get(1));
        assertThat(text(screen, "#rs-next")).contains(codes.get(2)).contains("装配工装防错设计");
        assertFits(screen, "roadshow at 1024");
        shoot(screen, "innovation-roadshow-1024x768", false);
        hall.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1920, "height", 1080,
                "deviceScaleFactor", 1, "mobile", false));
        screen.waitFor(d -> ((Number) screen.js("return window.innerWidth")).intValue() == 1920);
        assertFits(screen, "roadshow at 1920");
        shoot(screen, "innovation-roadshow-1920x1080", false);

        // The operator steps to the next team by keyboard; A goes back to following the scores.
        hall.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        screen.waitFor(d -> codes.get(2).equals(attribute(screen, "#rs-stage", "data-entry")));
        hall.findElement(By.tagName("body")).sendKeys("a");
        screen.waitFor(d -> codes.get(1).equals(attribute(screen, "#rs-stage", "data-entry")));

        phone(screen);
        hall.navigate().refresh();
        screen.waitFor(d -> "3".equals(attribute(screen, "#roadshow", "data-programme")));
        assertFits(screen, "roadshow at 390");
        shoot(screen, "innovation-roadshow-390x844", true);
    }

    @Test
    @Order(5)
    void afterTheSignOffTheOrganizerAdvancesTheTopEntriesIntoTheFinalAfterAConfirmation() {
        // Every assigned judge marks every entry; the head judge locks each sheet and signs off.
        Map<String, Http> judges = new LinkedHashMap<>();
        int n = 0;
        for (JsonObject entry : assignedEntries()) {
            String code = entry.getString("entryCode");
            n++;
            for (Object on : entry.getJsonArray("judges")) {
                long id = ((JsonObject) on).getLong("accountId");
                String letter = judgeIds.entrySet().stream().filter(e -> e.getValue() == id).findFirst().orElseThrow()
                        .getKey();
                if (letter.equals(reader) && code.equals(registrations.keySet().iterator().next())) {
                    continue;
                }
                Http judge = judges.computeIfAbsent(letter, l -> server.anonymous().signIn(judgeCodes.get(l)));
                Reply marked = once(judge).post("/api/events/" + roundId + "/sheets/" + code + "/marks", new JsonObject()
                        .put("marks", new JsonArray().add(new JsonObject().put("aspectId", "Q").put("value", 40 + 7 * n + 3 * judges.size()))));
                assertThat(marked.status()).as(marked.body()).isEqualTo(201);
            }
        }
        Http head = server.anonymous().signIn(headCode);
        for (String code : registrations.keySet()) {
            Reply locked = once(head).post("/api/events/" + roundId + "/sheets/" + code + "/lock", new JsonObject());
            assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        }
        Reply signed = once(head).post("/api/events/" + roundId + "/sign-off", new JsonObject());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        long advancing = organizer.get("/api/events/" + roundId + "/standings").json().getJsonArray("rows").stream()
                .filter(r -> ((JsonObject) r).getBoolean("advances")).count();
        assertThat(advancing).isGreaterThanOrEqualTo(3);
        long before = organizer.get("/api/events/" + finalId + "/registrations?limit=1").json().getLong("total");

        ConsoleDriver console = organizerConsole(1024, 768);
        console.driver.get(console.base + "/organizer/index.html#/events/" + roundId + "/innovation");
        console.waitFor(d -> String.valueOf(advancing).equals(attribute(console, "[data-test=advance-preview]", "data-count")));
        console.js("const s = document.querySelector('[data-test=advance-target]'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change'))", String.valueOf(finalId));
        // Cancelling the confirmation changes nothing.
        console.click(By.cssSelector("[data-test=advance-run]"));
        assertThat(text(console, "[data-test=confirm]")).contains("技术革新（决赛）").contains(String.valueOf(advancing));
        console.click(By.cssSelector("[data-test=confirm-no]"));
        assertThat(organizer.get("/api/events/" + finalId + "/registrations?limit=1").json().getLong("total"))
                .isEqualTo(before);
        console.click(By.cssSelector("[data-test=advance-run]"));
        console.click(By.cssSelector("[data-test=confirm-yes]"));
        assertThat(text(console, "[data-test=advance-done]")).contains("已晋级 " + advancing + " 件");
        assertThat(organizer.get("/api/events/" + finalId + "/registrations?limit=1").json().getLong("total"))
                .isEqualTo(before + advancing);
        console.waitFor(By.cssSelector("[data-test=advance-record]"));
        shoot(console, "innovation-organizer-advanced-1024x768", true);
    }

    // ---- helpers

    private List<JsonObject> assignedEntries() {
        return organizer.get("/api/events/" + roundId + "/review-assignments").json().getJsonArray("entries").stream()
                .map(o -> (JsonObject) o).toList();
    }

    private void mark(Http judge, String code, int value) {
        Reply marked = once(judge).post("/api/events/" + finalId + "/sheets/" + code + "/marks", new JsonObject()
                .put("marks", new JsonArray().add(new JsonObject().put("aspectId", "Q").put("value", value))));
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
    }

    /** A browser whose viewport is exactly this size, set through the DevTools protocol as a device would have it. */
    private ChromeDriver started(int width, int height) {
        ChromeDriver browser = Browser.start(Math.max(width, 500), height);
        browsers.add(browser);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }

    private ConsoleDriver organizerConsole(int width, int height) {
        ConsoleDriver console = new ConsoleDriver(started(width, height), server.port());
        console.driver.get(console.base + "/organizer/index.html");
        console.waitFor(By.cssSelector("[data-test=code]")).sendKeys(Nodes.ORGANIZER_CODE);
        console.click(By.cssSelector("[data-test=sign-in]"));
        console.waitFor(By.cssSelector("[data-test=sign-out]"));
        return console;
    }

    /** A phone's viewport, 390 × 844: headless Chromium keeps windows at least 500 px wide, so it is emulated. */
    private static void phone(ConsoleDriver console) {
        console.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
    }

    private static String text(ConsoleDriver console, String css) {
        return console.waitFor(By.cssSelector(css)).getText();
    }

    private static String attribute(ConsoleDriver console, String css, String name) {
        Object value = console.js("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
                css, name);
        return value == null ? null : String.valueOf(value);
    }

    /** Nothing on the page is wider than the viewport, except inside a box that scrolls on its own. */
    private static void assertFits(ConsoleDriver console, String screen) {
        Object problems = console.js("""
                const vw = document.documentElement.clientWidth;
                const bad = [];
                if (document.documentElement.scrollWidth > vw + 1) bad.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
                for (const e of document.querySelectorAll('body *')) {
                  if (!e.getClientRects().length || (e.parentElement && e.parentElement.closest('.table-wrap, .jx-table-wrap, .rs-lines, .doc-viewer'))) continue;
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > vw + 1) bad.push(e.tagName + '.' + e.className + ' ends at ' + Math.round(r.right));
                }
                for (const e of document.querySelectorAll('button, .btn')) {
                  if (e.getClientRects().length && e.scrollWidth > e.clientWidth + 1) bad.push('clipped: ' + e.textContent.trim());
                }
                return bad;""");
        assertThat((List<?>) problems).as("layout problems on %s", screen).isEmpty();
    }

    /** The screen as the user sees it, or ({@code whole}) the whole page from its top, beyond the viewport. */
    private static void shoot(ConsoleDriver console, String name, boolean whole) {
        try {
            Files.createDirectories(ConsoleDriver.SCREENSHOTS);
            console.js("document.activeElement && document.activeElement.blur && document.activeElement.blur()");
            if (whole) {
                console.js("window.scrollTo(0, 0)");
            }
            Object shot = console.driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", whole,
                    "format", "png"));
            byte[] png = java.util.Base64.getDecoder().decode(String.valueOf(((Map<?, ?>) shot).get("data")));
            Files.write(ConsoleDriver.SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(ConsoleDriver.SCREENSHOTS.resolve(name + ".png")).exists();
    }

    private long event(String name, JsonObject scheme) {
        long id = created(organizer.post("/api/contests/" + contestId + "/events", new JsonObject().put("name", name)
                .put("trade", "技术革新")));
        Reply set = organizer.put("/api/events/" + id + "/scheme", new JsonObject().put("scheme", scheme));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return id;
    }

    private void seat(long eventId, long account, String role) {
        Reply reply = organizer.put("/api/events/" + eventId + "/panel/" + account, new JsonObject().put("role", role));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static JsonObject scheme() {
        try (InputStream in = InnovationScreensIT.class.getResourceAsStream("/schemes/harsh-lenient.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private static byte[] png(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
