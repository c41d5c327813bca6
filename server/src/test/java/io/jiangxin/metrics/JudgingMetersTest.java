package io.jiangxin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The judging meters' names and units as Prometheus reads them, and the no-op for services built without a node. */
class JudgingMetersTest {

    @Test
    void aGroupCommitCountsItsSubmissionsRecordsSizeAndTime() {
        NodeMetrics metrics = new NodeMetrics();
        metrics.judging().groupCommitted(3, 7, 2_000_000);
        metrics.judging().groupCommitted(1, 2, 4_000_000);
        metrics.judging().pushed(5_000_000);
        Scrape scrape = Scrape.of(metrics.scrape());
        assertThat(scrape.sum("jiangxin_marks_acknowledged_total", any -> true)).isEqualTo(4);
        assertThat(scrape.sum("jiangxin_log_records_total", any -> true)).isEqualTo(9);
        assertThat(scrape.sum("jiangxin_log_group_size_count", any -> true)).isEqualTo(2);
        assertThat(scrape.sum("jiangxin_log_group_size_sum", any -> true)).isEqualTo(4);
        assertThat(scrape.sum("jiangxin_log_commit_seconds_count", any -> true)).isEqualTo(2);
        assertThat(scrape.sum("jiangxin_log_commit_seconds_sum", any -> true)).isCloseTo(0.006,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scrape.sum("jiangxin_push_lag_seconds_count", any -> true)).isEqualTo(1);
        assertThat(scrape.first("jiangxin_push_lag_seconds_bucket", labels -> labels.containsKey("le")))
                .as("histogram buckets for quantiles across nodes").isPresent();
    }

    @Test
    void twoNodesMetricsAreApart() {
        NodeMetrics a = new NodeMetrics();
        NodeMetrics b = new NodeMetrics();
        a.judging().groupCommitted(5, 5, 1_000_000);
        assertThat(Scrape.of(a.scrape()).sum("jiangxin_marks_acknowledged_total", any -> true)).isEqualTo(5);
        assertThat(Scrape.of(b.scrape()).sum("jiangxin_marks_acknowledged_total", any -> true)).isZero();
    }

    @Test
    void noneRecordsNothingAndTakesEveryCall() {
        org.assertj.core.api.Assertions.assertThatCode(() -> {
            JudgingMeters.NONE.groupCommitted(2, 3, 1_000);
            JudgingMeters.NONE.pushed(1_000);
        }).doesNotThrowAnyException();
    }
}
