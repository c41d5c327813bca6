package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.mentoring.ProgressEvent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** At least {@code minCount} distinct apprentices of the candidate have reached {@code grade} or above. */
public record ApprenticesCertified(int minCount, SkillGrade grade) implements Requirement {

    public ApprenticesCertified {
        Objects.requireNonNull(grade, "grade");
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1");
        }
    }

    @Override
    public RequirementType type() {
        return RequirementType.APPRENTICES_CERTIFIED;
    }

    @Override
    public RequirementCheck check(CandidateDossier dossier, EvaluationContext context) {
        // apprentice → (mentorship id, date reached), keeping each apprentice's earliest
        Map<String, Map.Entry<String, LocalDate>> reached = new LinkedHashMap<>();
        for (Mentorship pair : dossier.ownMentorships()) {
            pair.gradeReached(grade, context.asOf()).map(ProgressEvent::date).ifPresent(date ->
                    reached.merge(pair.apprenticeId(), Map.entry(pair.mentorshipId(), date),
                            (a, b) -> a.getValue().isAfter(b.getValue()) ? b : a));
        }
        int count = reached.size();
        if (count < minCount) {
            return RequirementCheck.failed(type(), BilingualText.of(
                    "徒弟达到" + grade.zh() + " " + count + " 人 < " + minCount + " 人",
                    count + " apprentices reached " + grade.en() + " < " + minCount));
        }
        List<LocalDate> dates = reached.values().stream().map(Map.Entry::getValue).sorted().toList();
        List<String> evidence = reached.values().stream().map(e -> "mentorship:" + e.getKey()).sorted().toList();
        return RequirementCheck.passed(type(), BilingualText.of(
                "徒弟达到" + grade.zh() + " " + count + " 人 ≥ " + minCount + " 人",
                count + " apprentices reached " + grade.en() + " ≥ " + minCount),
                evidence, dates.get(minCount - 1));
    }

}
