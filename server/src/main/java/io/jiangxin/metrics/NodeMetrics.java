package io.jiangxin.metrics;

import io.jiangxin.cluster.LiveEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One node's figures for Prometheus ({@code GET /metrics}, docs/operations.md): Vert.x's own (HTTP requests by route
 * template and status, the SQL pool's waits, the event bus, the JVM) and the judging path's. Each node owns its
 * registry, so nodes sharing a JVM (the tests) never mix their figures.
 */
public final class NodeMetrics {

    /** Labels are route templates, methods, statuses and pool names: never a raw path, an id or a person. */
    static final Set<Label> LABELS = Set.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
            Label.POOL_NAME, Label.EB_SIDE);
    /** The router's templates are far fewer; beyond this a route label is refused rather than grow the series. */
    static final int MAX_ROUTE_LABELS = 500;
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // vertx-micrometer keeps its backends in a JVM-wide map by name: a name of its own keeps this node's apart.
    private final String registryName = "jiangxin-" + UUID.randomUUID();
    private final JudgingMeters judging;

    public NodeMetrics() {
        registry.config().meterFilter(anyOtherMethod()).meterFilter(wholeTemplates())
                .meterFilter(MeterFilter.maximumAllowableTags("vertx.http.server", Label.HTTP_ROUTE.toString(),
                        MAX_ROUTE_LABELS, MeterFilter.deny()));
        judging = new JudgingMeters(registry);
    }

    /** The Vert.x builder with this node's metrics: route-template labels, the JVM's figures. */
    public VertxBuilder install(VertxBuilder builder, VertxOptions options) {
        options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setRegistryName(registryName)
                .setLabels(LABELS).setJvmMetricsEnabled(true));
        return builder.with(options).withMetrics(new MicrometerMetricsFactory(registry));
    }

    /**
     * The figures read from the node's services once they exist: each live-state apply's entry processor, timed
     * from the call to its answer, and the board viewers connected to this node.
     */
    public void observe(LiveEvents live, IntSupplier viewers) {
        Timer applies = latency("jiangxin.live.apply", "Entry processor applying committed score records to an"
                + " event's live state, call to answer");
        live.timeAppliesWith(nanos -> applies.record(nanos, TimeUnit.NANOSECONDS));
        // Held strongly: a gauge keeps its object weakly, and the supplier is referenced by nothing else.
        Gauge.builder("jiangxin.board.viewers", viewers, IntSupplier::getAsInt).strongReference(true)
                .description("Board viewers (WebSockets) connected to this node").register(registry);
    }

    /** The score-log writer's and the push relay's meters. */
    public JudgingMeters judging() {
        return judging;
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    private Timer latency(String name, String description) {
        return latency(registry, name, description);
    }

    /** Latencies with histogram buckets from 1 ms to 30 s, so Prometheus can compute quantiles across nodes. */
    static Timer latency(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /**
     * vertx-web names a request routed through a sub-router by its routes joined with {@code >}
     * ({@code /api/>/events/:id/scheme}); the label is the whole template ({@code /api/events/:id/scheme}).
     */
    private static MeterFilter wholeTemplates() {
        return MeterFilter.replaceTagValues(Label.HTTP_ROUTE.toString(), route -> route.replace("/>/", "/"));
    }

    /** Any method a client invents counts as OTHER, so made-up methods add no series. */
    private static MeterFilter anyOtherMethod() {
        return MeterFilter.replaceTagValues(Label.HTTP_METHOD.toString(),
                method -> METHODS.contains(method) ? method : "OTHER");
    }
}
