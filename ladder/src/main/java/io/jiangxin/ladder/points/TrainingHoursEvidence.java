package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;

import java.math.BigDecimal;

/** Attendance hours on a training course. */
public record TrainingHoursEvidence(String courseId, BigDecimal hours) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.TRAINING_HOURS;
    }

    @Override
    public String sourceId() {
        return courseId;
    }

    @Override
    public String qualifier() {
        return "";
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of("培训 " + courseId + " " + Points.format(hours) + " 学时",
                "course " + courseId + " " + Points.format(hours) + " hours");
    }
}
