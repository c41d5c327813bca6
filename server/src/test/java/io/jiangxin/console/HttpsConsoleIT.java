package io.jiangxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.config.Operations;
import io.jiangxin.server.config.Settings;
import io.jiangxin.support.Browser;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The judge console over HTTPS at a host name that is not localhost, as on a tablet in a workshop: the certificate
 * comes from the venue CA script (scripts/tls-venue-ca.sh), Chromium resolves jiangxin.test to this machine and
 * trusts the server's key, the service worker registers, a mark made offline waits in the outbox and arrives once;
 * the board socket opens as WSS; plain HTTP on the redirect port answers 308 to HTTPS; HSTS is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsConsoleIT {

    static final String HOST = "jiangxin.test";
    private TestDatabase database;
    private JiangxinNode node;
    private Path tls;
    private ConsoleDriver console;
    private SSLContext trustingVenueCa;

    @BeforeAll
    void start() throws Exception {
        tls = Files.createTempDirectory("jiangxin-tls-");
        Process ca = new ProcessBuilder("bash", "../scripts/tls-venue-ca.sh", tls.toString(), HOST, "127.0.0.1")
                .redirectErrorStream(true).start();
        String output = new String(ca.getInputStream().readAllBytes());
        assertThat(ca.waitFor(60, TimeUnit.SECONDS) && ca.exitValue() == 0).as(output).isTrue();

        database = TestDatabase.create();
        Settings settings = Nodes.settings(database.url(), Nodes.freePort(), List.of(), false)
                .withOperations(Operations.DEFAULTS.withTls(tls.resolve("server.crt"), tls.resolve("server.key"))
                        .withRedirect(0, 31_536_000));
        node = JiangxinNode.start(settings);
        trustingVenueCa = sslTrusting(tls.resolve("ca.crt"));
        console = new ConsoleDriver(Browser.start(1024, 768, null,
                "--host-resolver-rules=MAP " + HOST + " 127.0.0.1",
                "--ignore-certificate-errors-spki-list=" + spkiHash(tls.resolve("server.crt"))),
                "https://" + HOST + ":" + node.httpPort());
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.driver.quit();
        }
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theConsoleWorksOfflineOverHttpsAtAHostName() throws Exception {
        Http organizer = Http.https(node.httpPort(), trustingVenueCa).signIn(Nodes.ORGANIZER_CODE);
        JudgingSetup setup = new JudgingSetup(organizer, "2026年HTTPS离线评分测试赛");

        console.signIn(setup.j1Code);
        assertThat(console.js("return location.protocol + '//' + location.hostname")).isEqualTo("https://" + HOST);
        assertThat(console.js("return window.isSecureContext")).isEqualTo(true);
        console.click(By.cssSelector("[data-test=entry][data-code='001']"));
        console.waitFor(By.cssSelector("[data-test=sheet-code]"));
        console.waitFor(d -> "controlling".equals(console.js("return document.documentElement.dataset.sw || ''")));

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        console.driver.setNetworkConditions(offline);
        console.waitFor(d -> console.waitFor(By.cssSelector("[data-test=net]")).getText().contains("离线"));
        console.type("A1", "7");
        console.click(By.cssSelector("[data-test=submit]"));
        console.click(By.cssSelector("[data-test=confirm-send]"));
        console.waitForMarkState("A1", "pending");
        assertThat(console.pendingCount()).isEqualTo(1);

        // Offline, the page reloads from the service worker's cache, with the mark still waiting.
        console.driver.navigate().refresh();
        console.waitFor(d -> "true".equals(console.js("return document.documentElement.dataset.ready || ''")));
        assertThat(console.pendingCount()).isEqualTo(1);

        console.driver.deleteNetworkConditions();
        console.waitFor(java.time.Duration.ofSeconds(40), d -> console.pendingCount() == 0);
        List<JsonObject> audit = organizer.get("/api/events/" + setup.eventId + "/audit?entryCode=001&judgeId="
                + setup.j1).json().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString("newValue")).isEqualTo("7");

        Object socket = console.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const ws = new WebSocket('wss://' + location.host + '/ws/boards');
                ws.onopen = () => { ws.close(); done('open'); };
                ws.onerror = () => done('error');""");
        assertThat(socket).isEqualTo("open");
    }

    @Test
    void plainHttpRedirectsAndHttpsSendsHsts() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> redirect = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + node.redirectPort() + "/judge/index.html?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(redirect.headers().firstValue("Location"))
                .contains("https://127.0.0.1:" + node.httpPort() + "/judge/index.html?x=1");

        Http.Reply live = Http.https(node.httpPort(), trustingVenueCa).get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");

        // Plain HTTP on the HTTPS port gets no answer a browser would accept.
        Http.Reply refused;
        try {
            refused = new Http(node.httpPort()).get("/health/live");
        } catch (IllegalStateException e) {
            refused = null;
        }
        assertThat(refused == null || refused.status() == 400).isTrue();
    }

    private static SSLContext sslTrusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("venue-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** What Chromium's --ignore-certificate-errors-spki-list takes: base64 SHA-256 of the SubjectPublicKeyInfo. */
    private static String spkiHash(Path certificate) throws Exception {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        }
    }
}
