package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;

import java.math.BigDecimal;

/**
 * Extra mentoring points once per apprentice when they reach {@code grade} or above (e.g. 技师), or win an
 * honour at {@code honourLevel} or above (e.g. a city honour). Exactly one of the two is set.
 */
public record MilestonePoints(SkillGrade grade, Level honourLevel, BigDecimal points) {

    public MilestonePoints {
        if ((grade == null) == (honourLevel == null)) {
            throw new IllegalArgumentException("a milestone names either a grade or an honour level");
        }
    }

    /** The milestone code carried in {@link io.jiangxin.ladder.points.MentoringEvidence}, e.g. GRADE:TECHNICIAN. */
    public String code() {
        return grade != null ? "GRADE:" + grade.name() : "HONOUR:" + honourLevel.name();
    }
}
