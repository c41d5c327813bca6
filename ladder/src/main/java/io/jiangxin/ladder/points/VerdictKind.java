package io.jiangxin.ladder.points;

/** What happened to one ledger entry in a standing. */
public enum VerdictKind {
    /** Counted in full. */
    COUNTED,
    /** Counted in part: the category cap was reached on it. */
    PARTLY_COUNTED,
    /** Not counted; the verdict's reason says why. */
    EXCLUDED
}
