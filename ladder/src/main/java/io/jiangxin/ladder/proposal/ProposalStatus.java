package io.jiangxin.ladder.proposal;

/** Where a candidate ends up in a proposal list. */
public enum ProposalStatus {
    /** Qualifies and a quota slot is free for them. */
    PROPOSED,
    /** Qualifies, but the quota is taken by candidates ranked above them. */
    WAITLISTED,
    /** Does not qualify; the failed checks say why. */
    NOT_ELIGIBLE
}
