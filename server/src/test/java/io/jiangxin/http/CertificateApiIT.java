package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Download;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.Replies;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * 获奖证书 through HTTP: refusals before sign-off, before publication and for the wrong role, the batch after the
 * publication (idempotent), the results' state beside each check (复核中 while an upheld appeal reopened them),
 * the PDF read back with pdftotext and rendered to a PNG sample, public verification over REST and on the /verify/
 * page in Chromium, an upheld appeal that swaps the awards (old certificates revoked, new ones valid), a contest's
 * own template, and training assessments refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateApiIT {

    private static final String CONTEST = "2026年潍坊市证书测试技能大赛";
    private static final Path SAMPLES = Path.of("target", "samples");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private Http http;
    private JudgingPanel panel;
    private JudgingSetup setup;
    private Http j1;
    private Http head;
    private String firstGold;
    private String firstSilver;

    @BeforeAll
    void start() throws Exception {
        http = server.anonymous();
        setup = new JudgingSetup(server.organizer(), CONTEST, "SKILLS", schemeWithAwards());
        panel = new JudgingPanel(http, setup);
        j1 = panel.j1;
        head = panel.head;
    }

    static JsonObject schemeWithAwards() {
        return JudgingSetup.testScheme().put("awards", new JsonArray()
                .add(new JsonObject().put("code", "FIRST").put("nameZh", "一等奖").put("nameEn", "First prize")
                        .put("places", new JsonObject().put("from", 1).put("to", 1)))
                .add(new JsonObject().put("code", "SECOND").put("nameZh", "二等奖").put("nameEn", "Second prize")
                        .put("places", new JsonObject().put("from", 2).put("to", 2))));
    }

    private String certificates() {
        return "/api/events/" + setup.eventId + "/certificates";
    }

    @Test
    @Order(1)
    void refusalsBeforeSignOffAndForOtherRoles() {
        Reply notSigned = setup.organizer.post(certificates(), new JsonObject());
        assertThat(notSigned.status()).as(notSigned.body()).isEqualTo(409);
        assertThat(notSigned.json().getString("error")).isEqualTo("NOT_SIGNED_OFF");
        assertThat(notSigned.json().getString("message")).startsWith("裁判长尚未签字").contains(" / ");

        assertThat(http.post(certificates(), new JsonObject()).status()).isEqualTo(401);
        Reply judge = j1.post(certificates(), new JsonObject());
        assertThat(judge.status()).isEqualTo(403);
        assertThat(judge.json().getString("error")).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(head.get(certificates()).status()).isEqualTo(403);
        assertThat(j1.get(certificates() + ".pdf").status()).isEqualTo(403);
        assertThat(j1.put("/api/contests/" + setup.contestId + "/certificate-template", new JsonObject())
                .status()).isEqualTo(403);

        assertThat(setup.organizer.post("/api/events/999999/certificates", new JsonObject()).status()).isEqualTo(404);
        assertThat(setup.organizer.get("/api/events/999999/certificates").status()).isEqualTo(404);
        assertThat(setup.organizer.get("/api/events/999999/certificates.pdf").status()).isEqualTo(404);
        Reply noneYet = setup.organizer.get(certificates() + ".pdf");
        assertThat(noneYet.status()).isEqualTo(409);
        assertThat(noneYet.json().getString("error")).isEqualTo("NO_CERTIFICATES");
        assertThat(setup.organizer.get(certificates()).json().getInteger("count")).isZero();

        Reply unknown = http.get("/api/certificates/0000-0000-0000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("NOT_FOUND");
        for (String malformed : List.of("ABC", "0000-0000-000U", "%E8%AF%81%E4%B9%A6%E7%BC%96%E5%8F%B7AAAA")) {
            Reply bad = http.get("/api/certificates/" + malformed);
            assertThat(bad.status()).as(malformed).isEqualTo(400);
            assertThat(bad.json().getString("error")).isEqualTo("BAD_CERTIFICATE_CODE");
        }
    }

    @Test
    @Order(2)
    void theBatchIsIssuedOncePrintedAndVerified() throws Exception {
        judge("001", 9, "002", 7);
        Reply unpublished = setup.organizer.post(certificates(), new JsonObject());
        assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(409);
        assertThat(unpublished.json().getString("error")).isEqualTo("NOT_PUBLISHED");
        assertThat(unpublished.json().getString("message")).startsWith("成绩尚未公示").contains(" / ");
        publish();
        Reply issued = setup.organizer.post(certificates(), new JsonObject());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonObject batch = issued.json();
        assertThat(batch.getLong("eventId")).isEqualTo(setup.eventId);
        assertThat(batch.getInteger("count")).isEqualTo(2);
        Map<String, String> byName = codesByName(batch);
        firstGold = byName.get("选手一");
        firstSilver = byName.get("选手二");
        assertThat(firstGold).matches("[0-9A-HJKMNP-TV-Z]{12}");
        assertThat(batch.getJsonArray("items").getJsonObject(0).getString("award")).isEqualTo("一等奖");

        // idempotent: the same results give the same codes and issue nothing
        Reply again = setup.organizer.post(certificates(), new JsonObject());
        assertThat(again.status()).isEqualTo(201);
        assertThat(codesByName(again.json())).isEqualTo(byName);
        assertThat(again.json().getInteger("issued")).isZero();
        assertThat(server.database().queryLong("select count(*) from certificate")).isEqualTo(2);

        JsonObject list = setup.organizer.get(certificates()).json();
        assertThat(list.getInteger("count")).isEqualTo(2);
        assertThat(list.getJsonArray("items").getJsonObject(0).getString("enterprise")).isEqualTo(CONTEST + "甲厂");

        byte[] pdf = getBytes(certificates() + ".pdf");
        Files.createDirectories(SAMPLES);
        Path sample = SAMPLES.resolve("certificate-sample.pdf");
        Files.write(sample, pdf);
        String text = pdftotext(sample);
        assertThat(text).contains(CONTEST, "选手一", "选手二", "一等奖", "二等奖", "焊工", CONTEST + "甲厂",
                firstGold.substring(0, 4) + "-" + firstGold.substring(4, 8) + "-" + firstGold.substring(8),
                server.url("/verify/?code=" + firstGold));
        // Each certificate prints the log's head as issued: the record the organizers' verification names.
        JsonObject chain = setup.organizer.get("/api/events/" + setup.eventId + "/audit/verification").json();
        assertThat(text.replaceAll("\\s+", " ")).contains("第 " + chain.getLong("headSeq") + " 条记录")
                .contains(chain.getString("headHash"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            ImageIO.write(page, "png", SAMPLES.resolve("certificate-sample.png").toFile());
            assertThat(page.getWidth()).isGreaterThan(page.getHeight());
        }

        JsonObject verified = http.get("/api/certificates/" + firstGold.toLowerCase()).json();
        assertThat(verified.getBoolean("valid")).isTrue();
        assertThat(verified.getString("contest")).isEqualTo(CONTEST);
        assertThat(verified.getString("event")).isEqualTo("焊工");
        assertThat(verified.getString("award")).isEqualTo("一等奖");
        assertThat(verified.getJsonArray("names").getList()).containsExactly("选手一");
        assertThat(verified.getString("enterprise")).isEqualTo(CONTEST + "甲厂");
        assertThat(verified.getString("issuedOn")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(verified.getJsonObject("log").getLong("seq")).isEqualTo(chain.getLong("headSeq"));
        assertThat(verified.getJsonObject("log").getString("hash")).isEqualTo(chain.getString("headHash"));
        assertThat(verified.getString("resultsState")).isEqualTo("NOTICE");
        assertThat(verified.getBoolean("underReview")).isFalse();
        assertThat(verified.getString("noticeEndsAt")).isEqualTo(setup.organizer
                .get("/api/events/" + setup.eventId + "/publication").json().getString("noticeEndsAt"));

        ChromeDriver browser = Browser.start(1000, 900);
        try {
            browser.get(server.url("/verify/?code=" + firstGold));
            awaitState(browser, "valid");
            String shown = browser.findElement(By.id("result")).getText();
            assertThat(shown).contains("证书有效", "Valid certificate", "选手一", "一等奖", CONTEST);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void anUpheldAppealThatSwapsTheAwardsRevokesTheOldCertificates() {
        panel.uphold(panel.appeal("002", "选手认为外观与工艺项评分偏低，申请复核。"), "重评");
        // reopened: no certificates until the head judge signs off again
        assertThat(setup.organizer.post(certificates(), new JsonObject()).json().getString("error"))
                .isEqualTo("NOT_SIGNED_OFF");
        // 复核中: the old certificates still stand, and their check says the results are under review
        JsonObject underReview = http.get("/api/certificates/" + firstGold).json();
        assertThat(underReview.getBoolean("valid")).isTrue();
        assertThat(underReview.getString("resultsState")).isEqualTo("UNPUBLISHED");
        assertThat(underReview.getBoolean("underReview")).isTrue();
        assertThat(underReview.getString("resultsStateLabel")).isEqualTo("成绩复核中");
        assertThat(underReview.getString("resultsStateLabelEn")).isEqualTo("results under review");
        ChromeDriver checker = Browser.start(1000, 900);
        try {
            checker.get(server.url("/verify/?code=" + firstGold));
            awaitState(checker, "valid");
            assertThat(checker.findElement(By.id("result")).getDomAttribute("data-results-state")).isEqualTo("UNDER_REVIEW");
            assertThat(checker.findElement(By.id("result")).getText()).contains("成绩复核中", "results under review");
        } finally {
            checker.quit();
        }

        panel.markByBothJudges("002", Marks.of("A1", 10, "A2", 10));
        panel.lock("002");
        panel.signOff();
        Reply beforeRepublishing = setup.organizer.post(certificates(), new JsonObject());
        assertThat(beforeRepublishing.status()).isEqualTo(409);
        assertThat(beforeRepublishing.json().getString("error")).isEqualTo("NOT_PUBLISHED");
        assertThat(beforeRepublishing.json().getString("message")).contains("复核中");
        publish();

        Reply reissued = setup.organizer.post(certificates(), new JsonObject());
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        Map<String, String> now = codesByName(reissued.json());
        assertThat(reissued.json().getInteger("issued")).isEqualTo(2);
        assertThat(reissued.json().getJsonArray("revoked").getList()).containsExactlyInAnyOrder(firstGold, firstSilver);
        assertThat(now.get("选手二")).isNotIn(firstGold, firstSilver);
        assertThat(reissued.json().getJsonArray("items").getJsonObject(0).getJsonArray("names").getList())
                .containsExactly("选手二");

        JsonObject old = http.get("/api/certificates/" + firstGold).json();
        assertThat(old.getBoolean("valid")).isFalse();
        assertThat(old.getString("reason")).contains("一等奖 → 二等奖").contains("First prize → Second prize");
        JsonObject fresh = http.get("/api/certificates/" + now.get("选手二")).json();
        assertThat(fresh.getBoolean("valid")).isTrue();
        assertThat(fresh.getString("award")).isEqualTo("一等奖");
        assertThat(server.database().queryLong("select count(*) from certificate where revoked_at is null"))
                .isEqualTo(2);
        assertThat(setup.organizer.get(certificates()).json().getInteger("count")).isEqualTo(4);

        ChromeDriver browser = Browser.start(1000, 900);
        try {
            browser.get(server.url("/verify/?code=" + firstGold));
            awaitState(browser, "revoked");
            assertThat(browser.findElement(By.id("result")).getText()).contains("证书已作废", "一等奖 → 二等奖");
            browser.findElement(By.id("code")).clear();
            browser.findElement(By.id("code")).sendKeys("ABC-123");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            awaitState(browser, "malformed");
            browser.findElement(By.id("code")).clear();
            browser.findElement(By.id("code")).sendKeys(now.get("选手二").toLowerCase());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            awaitState(browser, "valid");
            assertThat(browser.getCurrentUrl()).contains("?code=");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void aContestsOwnTemplateIsCheckedStoredAndUsed() throws Exception {
        String path = "/api/contests/" + setup.contestId + "/certificate-template";
        JsonObject standard = setup.organizer.get(path).json();
        assertThat(standard.getBoolean("custom")).isFalse();
        JsonObject template = standard.getJsonObject("template");

        JsonObject broken = template.copy();
        broken.getJsonArray("blocks").getJsonObject(0).put("align", "MIDDLE").put("text", "{winner}");
        broken.put("page", new JsonObject().put("size", "B9"));
        Reply refused = setup.organizer.put(path, broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("field"))
                .toList()).containsExactlyInAnyOrder("page.size", "blocks[0].align", "blocks[0].text");
        assertThat(setup.organizer.put("/api/contests/999999/certificate-template", template).status()).isEqualTo(404);

        template.getJsonArray("blocks").getJsonObject(0).put("text", "获奖证书");
        Reply stored = setup.organizer.put(path, template);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(setup.organizer.get(path).json().getBoolean("custom")).isTrue();

        Path file = SAMPLES.resolve("certificate-contest-template.pdf");
        Files.write(file, getBytes(certificates() + ".pdf"));
        assertThat(pdftotext(file)).contains("获奖证书").doesNotContain("荣誉证书");
    }

    @Test
    @Order(5)
    void trainingAssessmentsGetNoAwardCertificates() {
        JudgingSetup training = new JudgingSetup(setup.organizer, "2026年证书测试培训考核", "TRAINING",
                schemeWithAwards());
        JudgingPanel trainingPanel = new JudgingPanel(http, training);
        for (String code : List.of("001", "002")) {
            trainingPanel.markByBothJudges(code, Marks.of("A1", 8, "A2", 8, "Y1", 10));
            trainingPanel.lock(code);
        }
        trainingPanel.signOff();
        Reply refused = setup.organizer.post("/api/events/" + training.eventId + "/certificates", new JsonObject());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().getString("error")).isEqualTo("TRAINING_NO_CERTIFICATES");
    }

    @Test
    @Order(6)
    void aPassCertificateSaysThePersonPassedTheAssessment() throws Exception {
        JsonObject scheme = JudgingSetup.testScheme().put("passMark", 1).put("awards", new JsonArray()
                .add(new JsonObject().put("code", "FIRST").put("nameZh", "一等奖").put("nameEn", "First prize")
                        .put("places", new JsonObject().put("from", 1).put("to", 1)))
                .add(new JsonObject().put("code", "PASS").put("nameZh", "合格").put("nameEn", "Pass")
                        .put("passed", true)));
        JudgingSetup passing = new JudgingSetup(setup.organizer, "2026年证书测试合格考核", "SKILLS", scheme);
        JudgingPanel passingPanel = new JudgingPanel(http, passing);
        passingPanel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        passingPanel.markByBothJudges("002", Marks.of("A1", 6, "A2", 6, "Y1", 10));
        passingPanel.lock("001", "002");
        passingPanel.signOff();
        String path = "/api/events/" + passing.eventId + "/certificates";
        Replies.created(setup.organizer.post("/api/events/" + passing.eventId + "/publication",
                new JsonObject().put("noticeHours", 72)));
        Reply issued = setup.organizer.post(path, new JsonObject());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("award")))
                .containsExactlyInAnyOrder("一等奖", "合格");

        Path file = SAMPLES.resolve("certificate-pass-sample.pdf");
        Files.write(file, getBytes(path + ".pdf"));
        String[] pages = pdftotext(file).split("\f");
        String first = pages[0].replaceAll("\\s+", " ");
        String pass = pages[1].replaceAll("\\s+", " ");
        assertThat(first).contains("选手一", "「焊工」赛项中荣获 一等奖 First prize");
        assertThat(pass).contains("选手二", "在2026年证书测试合格考核「焊工」赛项中 考核合格 passed the assessment 特发此证。")
                .doesNotContain("荣获", "合格 Pass");
    }

    private void judge(String first, int firstMark, String second, int secondMark) {
        panel.markByBothJudges(first, Marks.of("A1", firstMark, "A2", firstMark, "Y1", 10));
        panel.markByBothJudges(second, Marks.of("A1", secondMark, "A2", secondMark, "Y1", 10));
        panel.lock(first, second);
        panel.signOff();
    }

    /** The organizer publishes the signed-off results for a notice period: certificates wait for that. */
    private void publish() {
        Replies.created(setup.organizer.post("/api/events/" + setup.eventId + "/publication",
                new JsonObject().put("noticeHours", 72)));
    }

    private static Map<String, String> codesByName(JsonObject batch) {
        return batch.getJsonArray("items").stream().map(i -> (JsonObject) i).collect(Collectors.toMap(
                i -> i.getJsonArray("names").getString(0), i -> i.getString("code")));
    }

    /** Waits until the page shows the check's outcome; the page clears it while a check runs. */
    private static void awaitState(WebDriver browser, String expected) {
        Browser.waiting(browser, Duration.ofSeconds(15))
                .withMessage(() -> "result state " + expected + ", page shows: "
                        + browser.findElement(By.id("result")).getDomAttribute("data-state"))
                .until(d -> expected.equals(d.findElement(By.id("result")).getDomAttribute("data-state")));
    }

    /** The PDF as the organizer downloads it. */
    private byte[] getBytes(String path) {
        Download download = setup.organizer.download(path);
        assertThat(download.status()).as(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        return download.body();
    }

    static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
