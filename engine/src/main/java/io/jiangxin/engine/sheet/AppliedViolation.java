package io.jiangxin.engine.sheet;

import io.jiangxin.engine.scheme.ViolationEffect;

import java.math.BigDecimal;

/** A recorded violation and what it did: the points deducted and the effect, if its count reached it. */
public record AppliedViolation(String code, int count, BigDecimal deducted, ViolationEffect effect) {
}
