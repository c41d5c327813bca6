package io.jiangxin.engine.scheme;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The time limit and the penalty for running over. Extra time granted to an entry (equipment failure that
 * was not the competitor's fault) extends its limit.
 *
 * @param limit            the time allowed
 * @param penaltyUnit      overrun is counted in started units of this length (e.g. each started minute);
 *                         {@code null} when running over costs nothing (the time is only recorded)
 * @param deductionPerUnit points per started unit; {@code null} together with {@code penaltyUnit}
 * @param deductFrom       a {@link AspectType#DEDUCTION} aspect, or {@code null} to deduct from the 100-point total
 * @param maxDeduction     cap on the time deduction, or {@code null} for none
 */
public record TimeRule(Duration limit, Duration penaltyUnit, BigDecimal deductionPerUnit, String deductFrom,
                       BigDecimal maxDeduction) {

    public boolean penalisesOverrun() {
        return penaltyUnit != null;
    }
}
