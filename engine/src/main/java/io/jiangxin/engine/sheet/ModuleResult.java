package io.jiangxin.engine.sheet;

import java.math.BigDecimal;

/** A module's total: the sum of its complete aspects' values, or 0 when a violation zeroed it. */
public record ModuleResult(String moduleId, BigDecimal total, BigDecimal maximum, boolean zeroed) {
}
