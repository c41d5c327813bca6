package io.jiangxin.engine.sheet;

/** How many times an entry committed a configured violation. Records with the same code add up. */
public record ViolationRecord(String code, int count) {
}
