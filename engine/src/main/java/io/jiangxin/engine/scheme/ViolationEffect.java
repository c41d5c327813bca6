package io.jiangxin.engine.scheme;

/** What a violation does, beyond its per-occurrence deduction, once it reaches its count. */
public enum ViolationEffect {
    NONE,
    /** The named module scores 0. */
    ZERO_MODULE,
    /** The whole score is 0 (e.g. identifying marks left in the work); the entry is still ranked. */
    ZERO_TOTAL,
    /** 取消竞赛资格: the entry is not ranked and receives no award. */
    DISQUALIFY
}
