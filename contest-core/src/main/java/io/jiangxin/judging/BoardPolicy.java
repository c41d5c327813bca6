package io.jiangxin.judging;

/** What an event's public board shows while judging goes on. The jury board always shows everything. */
public enum BoardPolicy {
    /** Every sheet's provisional total, marked as provisional until its sheet is locked. */
    PROVISIONAL,
    /** Only locked sheets. */
    LOCKED_ONLY
}
