package io.jiangxin.ladder.mentoring;

import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of an apprentice's progress, with the reference to its proof (certificate number, honour id).
 * {@code grade} is set for {@link ProgressKind#GRADE_REACHED}, {@code honourLevel} for
 * {@link ProgressKind#HONOUR_WON}.
 */
public record ProgressEvent(String eventId, ProgressKind kind, LocalDate date, SkillGrade grade, Level honourLevel,
                            String description, String evidenceRef) {

    public ProgressEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        if (kind == ProgressKind.GRADE_REACHED && grade == null) {
            throw new IllegalArgumentException("GRADE_REACHED needs a grade: " + eventId);
        }
        if (kind == ProgressKind.HONOUR_WON && honourLevel == null) {
            throw new IllegalArgumentException("HONOUR_WON needs an honour level: " + eventId);
        }
    }
}
