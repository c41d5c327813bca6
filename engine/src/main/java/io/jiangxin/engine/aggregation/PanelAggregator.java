package io.jiangxin.engine.aggregation;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Ratio;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.ToleranceBand;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Applies an {@link AggregationRule} to the marks of the judges who marked. Every rule works on the sorted
 * marks, so the result never depends on the order of judges or of arrival.
 */
public final class PanelAggregator {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private PanelAggregator() {
    }

    /**
     * @param marks the counted marks; at least {@link AggregationRule#minimumMarks()} of them
     * @throws IllegalArgumentException with too few marks (callers check the quorum first)
     */
    public static Aggregate aggregate(AggregationRule rule, Collection<BigDecimal> marks) {
        if (marks.size() < rule.minimumMarks() || marks.isEmpty()) {
            throw new IllegalArgumentException(rule + " needs at least " + rule.minimumMarks() + " marks, got " + marks.size());
        }
        List<BigDecimal> sorted = Decimals.sorted(marks);
        if (rule instanceof AggregationRule.Tolerance tolerance) {
            return tolerance(tolerance, sorted);
        }
        return new Aggregate(plain(rule, sorted), false);
    }

    private static Ratio plain(AggregationRule rule, List<BigDecimal> sorted) {
        if (rule instanceof AggregationRule.Mean) {
            return mean(sorted);
        }
        if (rule instanceof AggregationRule.Median) {
            return median(sorted);
        }
        if (rule instanceof AggregationRule.Sum) {
            return Ratio.of(Decimals.sum(sorted));
        }
        if (rule instanceof AggregationRule.TrimmedMean trimmed) {
            return mean(trim(sorted, trimmed.trim()));
        }
        if (rule instanceof AggregationRule.ClosestPair) {
            return closestPair(sorted);
        }
        throw new IllegalArgumentException("a tolerance rule cannot be a fallback: " + rule);
    }

    /** Marks left after dropping {@code k} at each end of the sorted list. */
    public static List<BigDecimal> trim(List<BigDecimal> sorted, int k) {
        return sorted.subList(k, sorted.size() - k);
    }

    static Ratio mean(List<BigDecimal> marks) {
        return new Ratio(Decimals.sum(marks), BigDecimal.valueOf(marks.size()));
    }

    static Ratio median(List<BigDecimal> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return Ratio.of(sorted.get(n / 2));
        }
        return new Ratio(sorted.get(n / 2 - 1).add(sorted.get(n / 2)), TWO);
    }

    private static Aggregate tolerance(AggregationRule.Tolerance rule, List<BigDecimal> sorted) {
        List<BigDecimal> middle = trim(sorted, rule.trim());
        Ratio level = mean(middle);
        BigDecimal spread = middle.get(middle.size() - 1).subtract(middle.get(0));
        BigDecimal allowed = bandFor(rule.bands(), level);
        if (allowed != null && spread.compareTo(allowed) <= 0) {
            return new Aggregate(level, false);
        }
        return new Aggregate(plain(rule.fallback(), sorted), true);
    }

    /** The band with the highest {@code fromLevel} not above the level; none means no tolerance is allowed. */
    private static BigDecimal bandFor(List<ToleranceBand> bands, Ratio level) {
        ToleranceBand chosen = null;
        for (ToleranceBand band : bands) {
            if (level.compareTo(band.fromLevel()) >= 0
                    && (chosen == null || band.fromLevel().compareTo(chosen.fromLevel()) > 0)) {
                chosen = band;
            }
        }
        return chosen == null ? null : chosen.maxSpread();
    }

    private static Ratio closestPair(List<BigDecimal> sorted) {
        BigDecimal smallestGap = null;
        int bestIndex = -1;
        boolean tied = false;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            BigDecimal gap = sorted.get(i + 1).subtract(sorted.get(i));
            int cmp = smallestGap == null ? -1 : gap.compareTo(smallestGap);
            if (cmp < 0) {
                smallestGap = gap;
                bestIndex = i;
                tied = false;
            } else if (cmp == 0) {
                tied = true;
            }
        }
        if (tied) {
            return median(sorted);
        }
        return new Ratio(sorted.get(bestIndex).add(sorted.get(bestIndex + 1)), TWO);
    }

    /** Highest minus lowest mark; zero for a single mark. */
    public static BigDecimal spread(Collection<BigDecimal> marks) {
        List<BigDecimal> sorted = Decimals.sorted(marks);
        return sorted.get(sorted.size() - 1).subtract(sorted.get(0));
    }
}
