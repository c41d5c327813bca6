package io.jiangxin.engine.numeric;

import java.math.BigDecimal;

/**
 * An exact quotient kept as numerator and denominator until it is published, so that chained
 * operations (mean, then rescale to the aspect maximum) round only once.
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) {

    public Ratio {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
    }

    public static Ratio of(BigDecimal value) {
        return new Ratio(value, BigDecimal.ONE);
    }

    public Ratio times(BigDecimal factor) {
        return new Ratio(numerator.multiply(factor), denominator);
    }

    public Ratio dividedBy(BigDecimal divisor) {
        return new Ratio(numerator, denominator.multiply(divisor));
    }

    public int compareTo(BigDecimal value) {
        int sign = denominator.signum();
        return numerator.compareTo(value.multiply(denominator)) * sign;
    }

    public BigDecimal round(Rounding rounding) {
        return rounding.divide(numerator, denominator);
    }
}
