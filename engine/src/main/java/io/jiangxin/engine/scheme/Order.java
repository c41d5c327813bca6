package io.jiangxin.engine.scheme;

/** Direction of a tie-break on a score. */
public enum Order {
    HIGHER_FIRST,
    LOWER_FIRST
}
