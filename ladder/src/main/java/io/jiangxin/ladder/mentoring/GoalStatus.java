package io.jiangxin.ladder.mentoring;

/** Where a mentoring goal stands on a date. */
public enum GoalStatus {
    MET, OPEN, OVERDUE
}
