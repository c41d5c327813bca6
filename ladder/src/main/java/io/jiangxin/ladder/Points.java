package io.jiangxin.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The declared precision of every point value in the ladder: two decimals, rounded half-up. Schemes
 * publish whole or half points, so two decimals never lose anything a scheme can express, and a fixed
 * scale makes {@code equals} on records holding points behave.
 */
public final class Points {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE, ROUNDING);

    private Points() {
    }

    public static BigDecimal of(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal of(long value) {
        return BigDecimal.valueOf(value).setScale(SCALE, ROUNDING);
    }

    public static BigDecimal of(String value) {
        return new BigDecimal(value).setScale(SCALE, ROUNDING);
    }

    /** For explanations: {@code 86}, {@code 12.5}, never {@code 86.00} or {@code 1E+2}. */
    public static String format(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
