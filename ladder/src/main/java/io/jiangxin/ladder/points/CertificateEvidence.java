package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.SkillGrade;

/** A vocational skill certificate (职业技能等级证书); priced by its grade. */
public record CertificateEvidence(String certificateId, SkillGrade grade) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.CERTIFICATE;
    }

    @Override
    public String sourceId() {
        return certificateId;
    }

    @Override
    public String qualifier() {
        return grade.name();
    }

    @Override
    public BilingualText describe() {
        return BilingualText.of(grade.zh() + "证书 " + certificateId, grade.en() + " certificate " + certificateId);
    }
}
