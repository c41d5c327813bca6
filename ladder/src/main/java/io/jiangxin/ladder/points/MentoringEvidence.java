package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

/**
 * Mentoring (师带徒): {@code milestone} says what earned the points: {@code MENTORING} (mentoring at all),
 * {@code EXTRA_APPRENTICE}, {@code GRADE:TECHNICIAN}, {@code HONOUR:CITY}.
 */
public record MentoringEvidence(String mentorshipId, String apprenticeId, String milestone) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.MENTORING;
    }

    @Override
    public String sourceId() {
        return mentorshipId + "/" + apprenticeId + "/" + milestone;
    }

    @Override
    public String qualifier() {
        return milestone;
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of("师带徒 " + mentorshipId + " 徒弟 " + apprenticeId + "：" + milestone,
                "mentoring " + mentorshipId + " apprentice " + apprenticeId + ": " + milestone);
    }
}
