package io.jiangxin.engine.sheet;

/** Where an aspect's value came from. */
public enum AspectStatus {
    /** Aggregated from the panel, taken from the agreed measurement, or deducted from the maximum. */
    SCORED,
    /** Fewer judges than the quorum have marked: no value yet (not zero). */
    INCOMPLETE,
    /** The head judge set the value, with a reason. */
    OVERRIDDEN
}
