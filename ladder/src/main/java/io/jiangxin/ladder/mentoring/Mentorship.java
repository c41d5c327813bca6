package io.jiangxin.ladder.mentoring;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mentor–apprentice pair (师带徒) with its goals and the apprentice's progress. Progress events are kept
 * by date then id, whatever order they were given in. Mentoring points come from these records through
 * {@link io.jiangxin.ladder.posting.MentoringPoster}.
 */
public record Mentorship(String mentorshipId, String mentorId, String apprenticeId, LocalDate startedOn,
                         LocalDate endedOn, List<MentoringGoal> goals, List<ProgressEvent> progress) {

    public Mentorship {
        Objects.requireNonNull(mentorshipId, "mentorshipId");
        Objects.requireNonNull(mentorId, "mentorId");
        Objects.requireNonNull(apprenticeId, "apprenticeId");
        Objects.requireNonNull(startedOn, "startedOn");
        if (mentorId.equals(apprenticeId)) {
            throw new IllegalArgumentException("a mentor cannot be their own apprentice: " + mentorshipId);
        }
        goals = goals.stream().sorted(Comparator.comparing(MentoringGoal::goalId)).toList();
        progress = progress.stream().sorted(Comparator.comparing(ProgressEvent::date)
                .thenComparing(ProgressEvent::eventId)).toList();
    }

    public Mentorship withProgress(ProgressEvent event) {
        List<ProgressEvent> next = new java.util.ArrayList<>(progress);
        next.add(event);
        return new Mentorship(mentorshipId, mentorId, apprenticeId, startedOn, endedOn, goals, next);
    }

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(startedOn) && (endedOn == null || date.isBefore(endedOn));
    }

    /** The first progress event on or before {@code date} where the apprentice reached {@code grade} or above. */
    public Optional<ProgressEvent> gradeReached(io.jiangxin.ladder.SkillGrade grade, LocalDate date) {
        return progress.stream().filter(p -> p.kind() == ProgressKind.GRADE_REACHED && !p.date().isAfter(date)
                && p.grade().atLeast(grade)).findFirst();
    }

    /** A goal is met when the apprentice reached its grade by {@code date}; overdue when its due date passed. */
    public GoalStatus goalStatus(MentoringGoal goal, LocalDate date) {
        boolean met = goal.targetGrade() != null
                ? gradeReached(goal.targetGrade(), date).isPresent()
                : progress.stream().anyMatch(p -> p.kind() == ProgressKind.MILESTONE
                && goal.goalId().equals(p.evidenceRef()) && !p.date().isAfter(date));
        if (met) {
            return GoalStatus.MET;
        }
        return goal.dueBy() != null && date.isAfter(goal.dueBy()) ? GoalStatus.OVERDUE : GoalStatus.OPEN;
    }
}
