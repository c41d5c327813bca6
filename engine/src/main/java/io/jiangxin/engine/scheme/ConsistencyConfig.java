package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/**
 * Judge consistency: a judge is flagged for systematic bias when their mean signed deviation from the
 * panel median, in percent of the marking scale, has magnitude at least {@code biasThresholdPercent}
 * over at least {@code minimumAspects} aspects.
 */
public record ConsistencyConfig(BigDecimal biasThresholdPercent, int minimumAspects) {
}
