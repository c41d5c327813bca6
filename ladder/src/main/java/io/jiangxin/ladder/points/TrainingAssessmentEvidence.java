package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

/** A passed training assessment (培训考核); {@code outcome} is the table key, e.g. PASSED or EXCELLENT. */
public record TrainingAssessmentEvidence(String assessmentId, String outcome) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.TRAINING_ASSESSMENT;
    }

    @Override
    public String sourceId() {
        return assessmentId;
    }

    @Override
    public String qualifier() {
        return outcome;
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of("培训考核 " + assessmentId + "（" + outcome + "）",
                "training assessment " + assessmentId + " (" + outcome + ")");
    }
}
