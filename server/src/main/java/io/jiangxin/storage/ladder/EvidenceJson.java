package io.jiangxin.storage.ladder;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.points.CertificateEvidence;
import io.jiangxin.ladder.points.ContestEvidence;
import io.jiangxin.ladder.points.Evidence;
import io.jiangxin.ladder.points.HonourEvidence;
import io.jiangxin.ladder.points.InnovationEvidence;
import io.jiangxin.ladder.points.MentoringEvidence;
import io.jiangxin.ladder.points.TechServiceEvidence;
import io.jiangxin.ladder.points.TrainingAssessmentEvidence;
import io.jiangxin.ladder.points.TrainingHoursEvidence;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/** A ledger entry's evidence as the JSON stored with it (and shown with the entry). */
public final class EvidenceJson {

    private EvidenceJson() {
    }

    public static JsonObject write(Evidence evidence) {
        JsonObject json = new JsonObject().put("kind", evidence.kind().name());
        if (evidence instanceof ContestEvidence c) {
            json.put("eventId", c.eventId()).put("level", c.level().name()).put("contestClass", c.contestClass().name())
                    .put("rank", c.rank()).put("award", c.award()).put("revision", c.revision());
        } else if (evidence instanceof TrainingHoursEvidence t) {
            json.put("courseId", t.courseId()).put("hours", t.hours().toPlainString());
        } else if (evidence instanceof TrainingAssessmentEvidence t) {
            json.put("assessmentId", t.assessmentId()).put("outcome", t.outcome());
        } else if (evidence instanceof MentoringEvidence m) {
            json.put("mentorshipId", m.mentorshipId()).put("apprenticeId", m.apprenticeId()).put("milestone", m.milestone());
        } else if (evidence instanceof InnovationEvidence i) {
            json.put("reference", i.reference()).put("type", i.type());
        } else if (evidence instanceof TechServiceEvidence t) {
            json.put("serviceId", t.serviceId()).put("type", t.type());
        } else if (evidence instanceof HonourEvidence h) {
            json.put("honourId", h.honourId()).put("title", h.title()).put("level", h.level().name());
        } else if (evidence instanceof CertificateEvidence c) {
            json.put("certificateId", c.certificateId()).put("grade", c.grade().name());
        }
        return json;
    }

    public static Evidence read(JsonObject json) {
        return switch (json.getString("kind")) {
            case "CONTEST_RESULT" -> new ContestEvidence(json.getString("eventId"), Level.valueOf(json.getString("level")),
                    ContestClass.valueOf(json.getString("contestClass")), json.getInteger("rank"), json.getString("award"),
                    json.getInteger("revision"));
            case "TRAINING_HOURS" -> new TrainingHoursEvidence(json.getString("courseId"), new BigDecimal(json.getString("hours")));
            case "TRAINING_ASSESSMENT" -> new TrainingAssessmentEvidence(json.getString("assessmentId"), json.getString("outcome"));
            case "MENTORING" -> new MentoringEvidence(json.getString("mentorshipId"), json.getString("apprenticeId"),
                    json.getString("milestone"));
            case "INNOVATION" -> new InnovationEvidence(json.getString("reference"), json.getString("type"));
            case "TECH_SERVICE" -> new TechServiceEvidence(json.getString("serviceId"), json.getString("type"));
            case "HONOUR" -> new HonourEvidence(json.getString("honourId"), json.getString("title"),
                    Level.valueOf(json.getString("level")));
            case "CERTIFICATE" -> new CertificateEvidence(json.getString("certificateId"),
                    SkillGrade.valueOf(json.getString("grade")));
            default -> throw new IllegalStateException("unknown evidence kind " + json.getString("kind"));
        };
    }
}
