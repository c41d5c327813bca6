package io.jiangxin.engine.scheme;

/** What a measurement mark means. */
public enum MeasurementKind {
    /** The mark is the value itself, from 0 to the maximum on the step. */
    VALUE,
    /** The mark is 0 (no) or the maximum (yes). */
    YES_NO,
    /** The mark is the amount deducted from the maximum (0 to the maximum on the step). */
    DEDUCTION
}
