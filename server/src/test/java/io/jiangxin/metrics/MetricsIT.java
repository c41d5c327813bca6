package io.jiangxin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.BoardViewer;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /metrics} on two nodes of one cluster in this JVM: requests by route template and status, the SQL
 * pool's waits, the entry processor's time, board viewers; each node its own figures; no id in any label.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {

    private static final String REQUESTS = "vertx_http_server_requests_total";
    /** A path segment that is all digits: a raw id, which no label may carry. */
    private static final Pattern RAW_ID = Pattern.compile("(^|/)\\d+(/|$)");

    private TestDatabase database;
    private List<JiangxinNode> nodes;
    private Http onA;
    private Http onB;
    private JudgingSetup setup;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes = Nodes.cluster(database.url(), 2);
        onA = new Http(nodes.get(0).httpPort());
        onB = new Http(nodes.get(1).httpPort());
        setup = new JudgingSetup(onA.signIn(Nodes.ORGANIZER_CODE), "2026年运行指标测试赛");
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.forEach(JiangxinNode::close);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusWithNoIdInAnyLabel() {
        Http judge = onA.signIn(setup.j1Code);
        assertThat(JudgingSetup.once(judge).post(setup.sheet("001") + "/marks", Marks.of("A1", 7)).status())
                .isEqualTo(201);
        assertThat(onA.get("/api/people/987654321/no-such-thing").status()).isEqualTo(404);
        assertThat(onA.get("/nothing-here-24680.html").status()).isEqualTo(404);
        assertThat(onA.sendBody("BREW", "/health/live", "", "text/plain").status()).isBetween(400, 499);

        Scrape scrape = scrape(onA);
        assertThat(scrape.sum(REQUESTS, labels -> "/api/events/:id/sheets/:code/marks".equals(labels.get("route"))
                && "201".equals(labels.get("code")) && "POST".equals(labels.get("method"))))
                .as(routes(scrape)).isGreaterThanOrEqualTo(1);
        // Unmatched paths count under the prefix that caught them, so made-up paths add no series.
        assertThat(scrape.sum(REQUESTS, labels -> "/api/".equals(labels.get("route"))
                && "404".equals(labels.get("code")))).as(routes(scrape)).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum(REQUESTS, labels -> "/".equals(labels.get("route"))
                && "404".equals(labels.get("code")))).as(routes(scrape)).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum(REQUESTS, labels -> "OTHER".equals(labels.get("method")))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.named(REQUESTS)).as("a made-up method is no label").noneMatch(
                sample -> "BREW".equals(sample.labels().get("method")));
        assertThat(scrape.named(REQUESTS)).as("no route label joins sub-routers' routes")
                .noneMatch(sample -> sample.labels().getOrDefault("route", "").contains(">"));
        List<String> paths = scrape.samples().stream().flatMap(s -> s.labels().values().stream())
                .filter(value -> value.contains("/")).distinct().toList();
        assertThat(paths).as("route labels").isNotEmpty()
                .noneMatch(value -> RAW_ID.matcher(value).find())
                .noneMatch(value -> value.contains("987654321") || value.contains("24680"));
    }

    @Test
    void theEntryProcessorsTimeIsCountedOnTheNodeThatApplied() {
        double before = scrape(onA).sum("jiangxin_live_apply_seconds_count", any -> true);
        Http judge = onA.signIn(setup.j2Code);
        assertThat(JudgingSetup.once(judge).post(setup.sheet("002") + "/marks", Marks.of("A1", 8)).status())
                .isEqualTo(201);
        Scrape scrape = scrape(onA);
        assertThat(scrape.sum("jiangxin_live_apply_seconds_count", any -> true)).isGreaterThan(before);
        assertThat(scrape.sum("jiangxin_live_apply_seconds_sum", any -> true)).isGreaterThan(0);
        assertThat(scrape.first("jiangxin_live_apply_seconds_bucket", labels -> labels.containsKey("le")))
                .as("histogram buckets for quantiles").isPresent();
    }

    @Test
    void theSqlPoolsWaitsAndUseAreReported() {
        Scrape scrape = scrape(onA);
        Map<String, String> pool = Map.of("pool_type", "sql", "pool_name", "jiangxin");
        for (String name : List.of("vertx_pool_queue_time_seconds_count", "vertx_pool_queue_pending",
                "vertx_pool_in_use", "vertx_pool_usage_seconds_count")) {
            assertThat(scrape.first(name, labels -> labels.entrySet().containsAll(pool.entrySet())))
                    .as(name).isPresent();
        }
        assertThat(scrape.sum("vertx_pool_usage_seconds_count", labels -> "sql".equals(labels.get("pool_type"))))
                .as("connections the requests used").isGreaterThan(0);
    }

    @Test
    void eachNodeReportsItsOwnRequestsAndViewers() throws Exception {
        String route = "/health/live";
        double onBBefore = scrape(onB).sum(REQUESTS, labels -> route.equals(labels.get("route")));
        double onABefore = scrape(onA).sum(REQUESTS, labels -> route.equals(labels.get("route")));
        for (int i = 0; i < 5; i++) {
            assertThat(onA.get(route).status()).isEqualTo(200);
        }
        // A request is counted when the server has ended its response, which may be just after the client read it.
        Poll.until(Duration.ofSeconds(10), "node A counts its five requests",
                () -> scrape(onA).sum(REQUESTS, labels -> route.equals(labels.get("route"))) == onABefore + 5);
        assertThat(scrape(onB).sum(REQUESTS, labels -> route.equals(labels.get("route")))).isEqualTo(onBBefore);

        try (BoardViewer viewer = BoardViewer.connect(nodes.get(1).httpPort())) {
            Poll.until(Duration.ofSeconds(10), "node B counts its viewer",
                    () -> scrape(onB).sum("jiangxin_board_viewers", any -> true) == 1);
            assertThat(scrape(onA).first("jiangxin_board_viewers", any -> true)).isPresent()
                    .hasValueSatisfying(viewers -> assertThat(viewers.value()).isZero());
        }
        Poll.until(Duration.ofSeconds(10), "node B's viewer gone",
                () -> scrape(onB).sum("jiangxin_board_viewers", any -> true) == 0);
    }

    @Test
    void theJudgingMetersAreExposedBeforeTheirFirstUse() {
        Scrape scrape = scrape(onA);
        for (String name : List.of("jiangxin_marks_acknowledged_total", "jiangxin_log_records_total",
                "jiangxin_log_commit_seconds_count", "jiangxin_log_group_size_count", "jiangxin_push_lag_seconds_count")) {
            assertThat(scrape.named(name)).as(name).hasSize(1);
        }
    }

    @Test
    void aScrapeThroughAProxyIsRefused() {
        Http.Reply proxied = onA.withHeader("X-Forwarded-For", "203.0.113.9").get("/metrics");
        assertThat(proxied.status()).isEqualTo(403);
        assertThat(proxied.json().getString("error")).isEqualTo("METRICS_INTERNAL");
    }

    private static Scrape scrape(Http http) {
        Http.Reply reply = http.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        return Scrape.of(reply.body());
    }

    private static String routes(Scrape scrape) {
        return scrape.named(REQUESTS).stream().map(s -> s.labels().toString()).sorted().reduce("", (a, b) -> a + "\n" + b);
    }
}
