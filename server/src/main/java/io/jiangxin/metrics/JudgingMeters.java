package io.jiangxin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The judging path's figures: group commits of the score log, and how late a board change reaches this node's
 * viewers. {@link #NONE} records nothing, for services built without a node.
 */
public final class JudgingMeters {

    /** Records nothing: a composite registry without members keeps no figures. */
    public static final JudgingMeters NONE = new JudgingMeters(new CompositeMeterRegistry());

    private final Counter acknowledged;
    private final Counter records;
    private final Timer commit;
    private final DistributionSummary groupSize;
    private final Timer pushLag;

    JudgingMeters(MeterRegistry registry) {
        acknowledged = Counter.builder("jiangxin.marks.acknowledged")
                .description("Mark submissions acknowledged after their group's commit").register(registry);
        records = Counter.builder("jiangxin.log.records")
                .description("Score-log records committed").register(registry);
        commit = NodeMetrics.latency(registry, "jiangxin.log.commit",
                "One group commit of the score log, from its transaction's start to its commit");
        groupSize = DistributionSummary.builder("jiangxin.log.group.size")
                .description("Submissions committed together in one transaction").serviceLevelObjectives(
                        1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
        pushLag = NodeMetrics.latency(registry, "jiangxin.push.lag",
                "From a board change's apply to its delta written to this node's viewers");
    }

    /** One transaction committed {@code records} score-log records for {@code requests} submissions. */
    public void groupCommitted(int requests, int records, long nanos) {
        acknowledged.increment(requests);
        this.records.increment(records);
        groupSize.record(requests);
        commit.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A board delta was written to this node's viewers {@code lagNanos} after the change was applied. */
    public void pushed(long lagNanos) {
        pushLag.record(lagNanos, TimeUnit.NANOSECONDS);
    }
}
