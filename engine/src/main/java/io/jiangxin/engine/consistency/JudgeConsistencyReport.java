package io.jiangxin.engine.consistency;

import java.math.BigDecimal;

/**
 * One judge's deviation from the panel median, in percent of each aspect's marking scale.
 *
 * @param aspectCount           judgement aspects (across entries) the judge marked with at least one other judge
 * @param meanSignedDeviation   positive: marks above the panel (lenient); negative: below (severe)
 * @param meanAbsoluteDeviation how far off, whatever the direction
 * @param biased                |mean signed deviation| ≥ threshold over at least the minimum number of aspects
 */
public record JudgeConsistencyReport(String judgeId, int aspectCount, BigDecimal meanSignedDeviation,
                                     BigDecimal meanAbsoluteDeviation, boolean biased) {
}
