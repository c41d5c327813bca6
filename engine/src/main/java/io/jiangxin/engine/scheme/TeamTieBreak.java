package io.jiangxin.engine.scheme;

/** Tie-breaks between teams with the same team total. */
public enum TeamTieBreak {
    /** Sum of the counted members' net completion times, shorter first; a missing time sorts last. */
    TOTAL_TIME,
    /** The best counted member's score, higher first. */
    BEST_MEMBER
}
