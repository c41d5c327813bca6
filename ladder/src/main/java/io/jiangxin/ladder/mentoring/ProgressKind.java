package io.jiangxin.ladder.mentoring;

/** What an apprentice achieved. */
public enum ProgressKind {
    /** Reached a skill grade (e.g. 技师); {@link ProgressEvent#grade()} says which. */
    GRADE_REACHED,
    /** Won an honour (e.g. a city 技术能手); {@link ProgressEvent#honourLevel()} says at what level. */
    HONOUR_WON,
    /** Any other milestone the pair agreed (a goal met, a first solo job); feeds no points by itself. */
    MILESTONE
}
