package io.jiangxin.engine.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Small exact helpers on {@link BigDecimal}s, all independent of input order. */
public final class Decimals {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Precision for the few steps that cannot be exact (z-scores); far beyond any published scale. */
    public static final MathContext WORKING = MathContext.DECIMAL128;

    private Decimals() {
    }

    public static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static List<BigDecimal> sorted(Collection<BigDecimal> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * Whether {@code value} is a whole multiple of {@code step}. Exact and cheap for any size: {@code remainder}
     * on {@code 1E-999999999} would first widen it to a billion digits, so the scales are compared first and the
     * power of ten is taken modulo the step's digits.
     */
    public static boolean isMultipleOf(BigDecimal value, BigDecimal step) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal v = value.stripTrailingZeros();
        BigDecimal s = step.stripTrailingZeros();
        if (v.scale() > s.scale()) {
            // k·step never has a finer last digit than step itself.
            return false;
        }
        long shift = (long) s.scale() - v.scale();
        java.math.BigInteger divisor = s.unscaledValue().abs();
        java.math.BigInteger power = java.math.BigInteger.TEN.modPow(java.math.BigInteger.valueOf(shift), divisor);
        return v.unscaledValue().mod(divisor).multiply(power).mod(divisor).signum() == 0;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Beyond this many digits a message shows a number in short scientific form instead of spelling it out. */
    static final int MAX_PLAIN_DIGITS = 100;

    /**
     * Plain text for messages: 8.50 stays 8.50, 1E+2 becomes 100. A number whose plain form would be long
     * ({@code 1E+999999999} is a billion characters) is shown as 12 significant digits in scientific form, so no
     * message, and no caller of the engine, can be made to spell out an unbounded number.
     */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        // The digits toPlainString would write: 0.00123 (scale 5) has 6, 1E+9 (scale -9) has 10.
        long plainDigits = value.scale() >= 0 ? Math.max(value.precision(), (long) value.scale() + 1)
                : value.precision() - (long) value.scale();
        if (plainDigits <= MAX_PLAIN_DIGITS) {
            return value.toPlainString();
        }
        return value.round(new MathContext(12)).toString();
    }
}
