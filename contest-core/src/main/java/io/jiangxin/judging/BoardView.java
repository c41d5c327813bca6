package io.jiangxin.judging;

/** Who a board is for. */
public enum BoardView {
    /** The audience: the event's policy applies, and a freeze holds it still. */
    PUBLIC,
    /** Organizers, the head judge and arbiters: always live, everything. */
    JURY
}
