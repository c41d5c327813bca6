package io.jiangxin.ladder.mentoring;

import io.jiangxin.ladder.SkillGrade;

import java.time.LocalDate;

/**
 * A goal the pair wrote down at the 拜师 ceremony (the "成长途径图"): a grade to reach by a date, or a
 * free-text goal ({@code targetGrade} {@code null}) that is met by a recorded {@link ProgressEvent} id.
 */
public record MentoringGoal(String goalId, String description, SkillGrade targetGrade, LocalDate dueBy) {
}
