package io.jiangxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The platform's screens in headless Chromium, one need end to end: the enterprise signs in on a phone and publishes
 * it; union staff accept it on the dispatch board (tablet), ask for the matching and dispatch to the first
 * suggestion; the craftsman accepts and records the service in 我的工单 (phone); the enterprise confirms it with five
 * stars (phone); the dashboard (tablet) counts the service and draws it. Screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceScreensIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private ServicePlatformSetup city;

    @BeforeAll
    void start() {
        city = new ServicePlatformSetup(server.organizer(), server.anonymous(), "青州", "qingzhou");
    }

    private static void shoot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A browser whose viewport is a phone's, 390 × 844 (a window cannot be made narrower than 500 px). */
    private static ChromeDriver phone() {
        ChromeDriver browser = Browser.start(390, 844);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        return browser;
    }

    /** Opens a page already signed in with the client's session. */
    private void open(ChromeDriver browser, String page, Http as) {
        browser.get(server.url("/service/" + page));
        browser.executeScript("sessionStorage.setItem('jiangxin.service.token', arguments[0])", as.token());
        browser.navigate().refresh();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A real JPEG, as a phone's camera would give it (drawn, so the screenshot shows something). */
    private static Path cameraPhoto() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 480,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(90, 110, 130));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new java.awt.Color(200, 120, 40));
        g.fillOval(200, 140, 240, 200);
        g.dispose();
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.getParent().resolve("mould-photo.jpg");
        javax.imageio.ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    @Test
    void oneNeedFromThePhoneToARatedServiceOnTheDashboard() throws Exception {
        Path photo = cameraPhoto();
        Path notes = SCREENSHOTS.getParent().resolve("notes.txt");
        Files.writeString(notes, "温控记录");
        String code = city.staff.post("/api/service/enterprises/" + city.enterpriseA + "/contacts",
                new JsonObject().put("displayName", "刘经理手机")).json().getString("signInCode");

        // 1. the enterprise, on a phone
        ChromeDriver phone = phone();
        try {
            WebDriverWait wait = Browser.waiting(phone, Duration.ofSeconds(20));
            phone.get(server.url("/service/need.html"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code);
            phone.findElement(By.id("sign-in-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("注塑模具温控改进");
            phone.findElement(By.id("description")).sendKeys("模具温度波动导致焊接件尺寸不稳，需要现场指导");
            new Select(phone.findElement(By.id("kind"))).selectByValue("INNOVATION");
            new Select(phone.findElement(By.id("urgency"))).selectByValue("URGENT");
            phone.findElement(By.id("place")).sendKeys("青州市经济开发区");
            assertThat(new Select(phone.findElement(By.id("chain"))).getFirstSelectedOption().getText())
                    .isEqualTo("高端装备");
            // a text file is refused on the phone before it is sent; a photo from the camera waits for the need
            phone.findElement(By.id("files")).sendKeys(notes.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"),
                    "只接受 JPEG、PNG 照片或 PDF 图纸 / only JPEG or PNG photos and PDF drawings"));
            assertThat(phone.findElement(By.id("camera")).getAttribute("accept")).isEqualTo("image/*");
            assertThat(phone.findElement(By.id("camera")).getAttribute("capture")).isEqualTo("environment");
            phone.findElement(By.id("camera")).sendKeys(photo.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"), "等待上传 waiting"));
            shoot(phone, "service-need-form-phone");
            phone.findElement(By.id("publish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "已提交"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"), "✓ 已上传 uploaded"));
            assertThat(phone.findElement(By.cssSelector("#chosen li:not(.refused) progress")).getAttribute("value")).isEqualTo("1");
            phone.executeScript("document.getElementById('chosen').scrollIntoView({block: 'center'})");
            shoot(phone, "service-need-uploaded-phone");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("needs"), "注塑模具温控改进"));
            assertThat(phone.findElement(By.id("needs")).getText()).contains("待审核 / awaiting review");
            shoot(phone, "service-need-submitted-phone");
            // a blank title is refused by the server with its reason, on the screen
            phone.findElement(By.id("description")).sendKeys("x");
            phone.findElement(By.id("place")).sendKeys("x");
            phone.executeScript("document.getElementById('title').removeAttribute('required');"
                    + "document.getElementById('title').value = '   ';");
            phone.findElement(By.id("publish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "title"));
        } finally {
            phone.quit();
        }
        long need = city.contactA.get("/api/service/needs").json().getJsonArray("items").stream()
                .map(n -> (JsonObject) n).filter(n -> n.getString("title").equals("注塑模具温控改进")).findFirst()
                .orElseThrow().getLong("id");
        // the photo reached PostgreSQL whole: one file, its checksum the photo's
        JsonObject stored = city.contactA.get("/api/service/needs/" + need).json().getJsonArray("files").getJsonObject(0);
        assertThat(city.contactA.get("/api/service/needs/" + need).json().getJsonArray("files")).hasSize(1);
        assertThat(stored.getString("sha256")).isEqualTo(sha256(Files.readAllBytes(photo)));
        assertThat(stored.getString("contentType")).isEqualTo("image/jpeg");
        assertThat(city.contactA.download(stored.getString("href")).body()).isEqualTo(Files.readAllBytes(photo));

        // 2. the dispatch board, on a tablet
        ChromeDriver tablet = Browser.start(1024, 768);
        try {
            WebDriverWait wait = Browser.waiting(tablet, Duration.ofSeconds(20));
            open(tablet, "board.html", city.staff);
            By card = By.cssSelector("[data-need='" + need + "']");
            WebElement submitted = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-column='SUBMITTED'] [data-need='" + need + "']")));
            submitted.findElement(By.cssSelector("button.review-accept")).click();
            WebElement accepted = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-column='ACCEPTED'] [data-need='" + need + "']")));
            accepted.findElement(By.cssSelector("button.match")).click();
            List<WebElement> suggestions = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("[data-need='" + need + "'] .suggestion"), 0));
            assertThat(suggestions.get(0).getAttribute("data-person")).isEqualTo(String.valueOf(city.welder));
            assertThat(suggestions.get(0).getText()).contains("服务本产业链「高端装备」").contains("焊接");
            tablet.executeScript("arguments[0].scrollIntoView()", suggestions.get(0));
            shoot(tablet, "service-board-matching-tablet");
            suggestions.get(0).findElement(By.cssSelector("button.dispatch")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-column='DISPATCHED'] [data-need='" + need + "']")));
            assertThat(tablet.findElement(card).getText()).contains("张焊工");
            shoot(tablet, "service-board-dispatched-tablet");
        } finally {
            tablet.quit();
        }

        // 3. 我的工单, the craftsman's phone
        phone = phone();
        try {
            WebDriverWait wait = Browser.waiting(phone, Duration.ofSeconds(20));
            open(phone, "orders.html", city.welderApp);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.accept"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details"))).click();
            phone.findElement(By.name("hours")).sendKeys("4.5");
            phone.findElement(By.name("workersTrained")).clear();
            phone.findElement(By.name("workersTrained")).sendKeys("8");
            phone.findElement(By.name("problemsSolved")).clear();
            phone.findElement(By.name("problemsSolved")).sendKeys("2");
            phone.findElement(By.name("summary")).sendKeys("加装模温机闭环控制，尺寸稳定");
            // the service photo goes up as soon as it is taken
            phone.findElement(By.cssSelector("input.camera")).sendKeys(photo.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.photos"),
                    "✓ 已上传 uploaded"));
            phone.executeScript("document.querySelector('ul.photos').scrollIntoView({block: 'center'})");
            shoot(phone, "service-orders-record-phone");
            phone.findElement(By.cssSelector("button.record")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "待企业确认"));
            shoot(phone, "service-orders-recorded-phone");
            long order = city.welderApp.get("/api/service/orders").json().getJsonArray("items").getJsonObject(0)
                    .getLong("id");
            assertThat(city.welderApp.get("/api/service/orders/" + order).json().getJsonArray("files")
                    .getJsonObject(0).getString("sha256")).isEqualTo(sha256(Files.readAllBytes(photo)));
        } finally {
            phone.quit();
        }

        // 4. the enterprise confirms with five stars
        phone = phone();
        try {
            WebDriverWait wait = Browser.waiting(phone, Duration.ofSeconds(20));
            open(phone, "need.html", city.contactA);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-star='5']"))).click();
            phone.findElement(By.cssSelector("button.confirm")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("needs"), "★★★★★"));
            assertThat(phone.findElement(By.id("needs")).getText()).contains("已完成 / completed");
            shoot(phone, "service-need-rated-phone");
        } finally {
            phone.quit();
        }
        assertThat(city.welderApp.get("/api/ladder/me").json().getJsonArray("points").getJsonObject(0)
                .getJsonArray("standings").getJsonObject(0).getString("total")).isEqualTo("2");

        // 5. the dashboard, on a tablet
        tablet = Browser.start(1024, 768);
        try {
            WebDriverWait wait = Browser.waiting(tablet, Duration.ofSeconds(20));
            open(tablet, "dashboard.html", city.staff);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("figures"), "已确认服务"));
            assertThat(tablet.findElement(By.id("figures")).getText()).contains("4.5").contains("5.00");
            int services = tablet.findElements(By.cssSelector("#by-month rect[data-services]")).stream()
                    .mapToInt(r -> Integer.parseInt(r.getAttribute("data-services"))).sum();
            assertThat(services).isEqualTo(1);
            assertThat(tablet.findElements(By.cssSelector("#by-state rect"))).hasSize(8);
            shoot(tablet, "service-dashboard-tablet");
        } finally {
            tablet.quit();
        }

        // 6. the staff's pages on a phone, and the enterprise's on a tablet, stay usable
        phone = phone();
        try {
            WebDriverWait wait = Browser.waiting(phone, Duration.ofSeconds(20));
            open(phone, "dashboard.html", city.staff);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("figures"), "已确认服务"));
            assertThat((Long) phone.executeScript("return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling").isLessThanOrEqualTo((Long) phone.executeScript(
                            "return window.innerWidth"));
            shoot(phone, "service-dashboard-phone");
            open(phone, "board.html", city.staff);
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-column='COMPLETED'] [data-need='" + need + "']")));
            shoot(phone, "service-board-phone");
        } finally {
            phone.quit();
        }
        tablet = Browser.start(1024, 768);
        try {
            WebDriverWait wait = Browser.waiting(tablet, Duration.ofSeconds(20));
            open(tablet, "need.html", city.contactA);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("needs"), "注塑模具温控改进"));
            tablet.findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"), "等待上传 waiting"));
            shoot(tablet, "service-need-tablet");
            tablet.executeScript("document.getElementById('chosen').scrollIntoView({block: 'center'})");
            shoot(tablet, "service-need-upload-tablet");
        } finally {
            tablet.quit();
        }
    }
}
