package io.jiangxin.judging;

/** What one record of an event's score log says. The log is append-only; state is a fold over it. */
public enum RecordKind {
    /** A judge's first mark for an aspect in the current round. */
    MARK,
    /** A judge's new mark replacing their earlier one before the lock; the old value stays in the log. */
    CORRECTION,
    /** The head judge asks the panel to mark an aspect again: a new round starts and its marks count. */
    REMARK_REQUESTED,
    /** The head judge sets an aspect's value, with a reason, and so resolves its disagreement. */
    OVERRIDE,
    /** The count of a process violation (e.g. each −5) recorded for the sheet. */
    VIOLATION,
    /** Completion time and extra time granted for equipment failure. */
    TIME,
    LOCK,
    UNLOCK,
    /** The head judge signs off the event: results are final except through an appeal. */
    SIGN_OFF,
    APPEAL_FILED,
    APPEAL_DECIDED,
    /** An upheld appeal reopens a signed-off event for the re-marks it ordered. */
    REOPEN,
    /** What the public board shows: every provisional total, or locked sheets only ({@link BoardPolicy}). */
    BOARD_POLICY,
    /** 封榜: the public board stops moving; judging and the jury board go on. */
    FREEZE,
    /** 揭榜: the lowest entry on the frozen board whose result changed takes its real result. */
    REVEAL_STEP,
    /** The public board is live again, everything revealed. */
    UNFREEZE
}
