package io.jiangxin.engine.scheme;

/** How an aspect gets its value (WorldSkills terms). */
public enum AspectType {
    /** Objective: one agreed value, a yes/no, or a deduction ({@link MeasurementKind}). */
    MEASUREMENT,
    /** Every judge on the panel marks; the marks are aggregated by an {@link AggregationRule}. */
    JUDGEMENT,
    /** A process module (职业素养 / 安全文明生产) scored from its maximum down by recorded violations, floored at 0. */
    DEDUCTION
}
