package io.jiangxin.engine.normalisation;

import java.math.BigDecimal;

/**
 * A judge's raw scoring statistics, rounded for reporting.
 *
 * @param standardDeviation population standard deviation (divides by n)
 * @param degenerate        one entry or zero spread: every z-score of this judge is 0
 */
public record JudgeStatistics(String judgeId, int count, BigDecimal mean, BigDecimal standardDeviation,
                              boolean degenerate) {
}
