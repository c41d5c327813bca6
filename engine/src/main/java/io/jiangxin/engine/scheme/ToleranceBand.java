package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/** FIG-style tolerance: from this score level upwards, the middle marks may spread at most {@code maxSpread}. */
public record ToleranceBand(BigDecimal fromLevel, BigDecimal maxSpread) {
}
