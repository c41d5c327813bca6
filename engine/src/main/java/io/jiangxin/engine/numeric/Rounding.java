package io.jiangxin.engine.numeric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The rounding a scheme declares. Every published figure (aspect value, part score, total) is rounded
 * exactly once, from an exact quotient, so the result never depends on the order of the inputs.
 */
public record Rounding(int scale, RoundingMode mode) {

    public Rounding {
        Objects.requireNonNull(mode, "mode");
    }

    public static Rounding of(int scale, RoundingMode mode) {
        return new Rounding(scale, mode);
    }

    public BigDecimal apply(BigDecimal value) {
        return value.setScale(scale, mode);
    }

    /** The exact quotient {@code numerator / denominator}, rounded once. */
    public BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, scale, mode);
    }
}
