package io.jiangxin.ladder.rules;

/** The outcome of one requirement for one candidate. */
public enum CheckStatus {
    PASSED, FAILED,
    /** Not met (or not looked at) but waived by the direct-qualification shortcut the candidate used. */
    WAIVED
}
