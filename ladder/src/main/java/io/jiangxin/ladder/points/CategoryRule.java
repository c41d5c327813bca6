package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one category of points counts towards a standing.
 *
 * @param code         the category entries carry, e.g. {@code COMPETITION}
 * @param name         its published name, e.g. 竞赛成绩 / competition results
 * @param cap          the most the category can contribute; {@code null} for no cap
 * @param highestOnly  only the single highest entry counts (越城: "highest award only")
 * @param windowYears  only entries effective within this many years before the as-of date count;
 *                     {@code null} for no window. The window start is inclusive:
 *                     {@code asOf.minusYears(windowYears)} itself still counts.
 */
public record CategoryRule(String code, BilingualText name, BigDecimal cap, boolean highestOnly, Integer windowYears) {

    public CategoryRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (cap != null && cap.signum() < 0) {
            throw new IllegalArgumentException("cap must not be negative: " + code);
        }
        if (windowYears != null && windowYears <= 0) {
            throw new IllegalArgumentException("windowYears must be positive: " + code);
        }
    }
}
