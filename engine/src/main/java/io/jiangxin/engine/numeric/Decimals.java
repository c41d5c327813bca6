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

    public static boolean isMultipleOf(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Plain text for messages: 8.50 stays 8.50, 1E+2 becomes 100. */
    public static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
