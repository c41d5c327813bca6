package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.Points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Training hours to points: {@code pointsPerUnit} for every {@code hoursPerUnit} hours. With
 * {@code wholeUnitsOnly} a started unit earns nothing (7 hours at 8 per unit = 0); otherwise points are
 * proportional and rounded to {@link Points#SCALE}.
 */
public record HoursPointTable(String category, BigDecimal hoursPerUnit, BigDecimal pointsPerUnit, boolean wholeUnitsOnly) {

    public HoursPointTable {
        Objects.requireNonNull(category, "category");
        if (hoursPerUnit.signum() <= 0 || pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("hoursPerUnit must be positive and pointsPerUnit not negative");
        }
    }

    public BigDecimal pointsFor(BigDecimal hours) {
        BigDecimal units = wholeUnitsOnly
                ? hours.divide(hoursPerUnit, 0, RoundingMode.DOWN)
                : hours.divide(hoursPerUnit, Points.SCALE + 4, Points.ROUNDING);
        return Points.of(units.multiply(pointsPerUnit));
    }
}
