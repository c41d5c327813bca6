package io.jiangxin.engine.scheme;

import java.util.List;

/**
 * How a panel's marks on one judgement aspect become one value. Only judges who marked count; the
 * aspect's quorum must be at least {@link #minimumMarks()}. The computation lives in
 * {@code io.jiangxin.engine.aggregation.PanelAggregator}.
 */
public sealed interface AggregationRule {

    /** The fewest marks the rule can work on; the validator requires the quorum to be at least this. */
    int minimumMarks();

    /** Arithmetic mean. */
    record Mean() implements AggregationRule {
        @Override
        public int minimumMarks() {
            return 1;
        }
    }

    /** Median; with an even count, the mean of the two middle marks. */
    record Median() implements AggregationRule {
        @Override
        public int minimumMarks() {
            return 1;
        }
    }

    /**
     * Sum of the marks, used unscaled: the aspect maximum must equal scale maximum × quorum, and a
     * panel larger than the quorum blocks the lock (the sum would exceed the maximum).
     */
    record Sum() implements AggregationRule {
        @Override
        public int minimumMarks() {
            return 1;
        }
    }

    /** Mean after dropping the {@code trim} highest and {@code trim} lowest marks (去掉最高分和最低分). */
    record TrimmedMean(int trim) implements AggregationRule {
        @Override
        public int minimumMarks() {
            return 2 * trim + 1;
        }
    }

    /**
     * FIG-style: drop {@code trim} marks at each end; if the middle marks' spread lies within the band for
     * their level (their mean), use their mean; otherwise apply {@code fallback} to all marks.
     */
    record Tolerance(int trim, List<ToleranceBand> bands, AggregationRule fallback) implements AggregationRule {
        public Tolerance {
            bands = List.copyOf(bands);
        }

        @Override
        public int minimumMarks() {
            return 2 * trim + 1;
        }
    }

    /**
     * IJRU: the mean of the two closest marks (adjacent after sorting). When two or more pairs are equally
     * close, no pair is preferred and the median of all marks is used (for three equally spaced marks this
     * is also their mean).
     */
    record ClosestPair() implements AggregationRule {
        @Override
        public int minimumMarks() {
            return 2;
        }
    }
}
