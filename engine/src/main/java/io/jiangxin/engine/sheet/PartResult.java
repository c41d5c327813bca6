package io.jiangxin.engine.sheet;

import java.math.BigDecimal;

/**
 * A part's result.
 *
 * @param raw    sum of its module totals, out of {@code maximum}
 * @param score  {@code raw × 100 / maximum}, rounded: the part on the 100-point scale
 * @param weight the part's percentage of the total
 * @param passed against the part's pass mark, or {@code null} when it has none
 */
public record PartResult(String partId, BigDecimal raw, BigDecimal maximum, BigDecimal score, BigDecimal weight,
                         Boolean passed) {
}
