package io.jiangxin.engine.rounds;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.RoundWeights;

import java.math.BigDecimal;
import java.util.Map;

/** Combines an entry's round totals: {@code Σ total × weight / 100}, rounded once. */
public final class RoundCombiner {

    private RoundCombiner() {
    }

    /**
     * @param totals round id → that round's total on the 100-point scale
     * @throws IllegalArgumentException if a weighted round has no total
     */
    public static BigDecimal combine(Map<String, BigDecimal> totals, RoundWeights weights, Rounding rounding) {
        BigDecimal sum = BigDecimal.ZERO;
        for (RoundWeights.RoundWeight weight : weights.weights()) {
            BigDecimal total = totals.get(weight.roundId());
            if (total == null) {
                throw new IllegalArgumentException("缺少 " + weight.roundId() + " 轮成绩 / no total for round " + weight.roundId());
            }
            sum = sum.add(total.multiply(weight.weight()));
        }
        return rounding.divide(sum, Decimals.HUNDRED);
    }
}
