package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Age within {@code minAge..maxAge} (either may be {@code null}), in completed years on the reference day. */
public record AgeLimit(Integer minAge, Integer maxAge, AgeReference reference) implements Requirement {

    public AgeLimit {
        Objects.requireNonNull(reference, "reference");
        if (minAge == null && maxAge == null) {
            throw new IllegalArgumentException("an age limit needs a minimum or a maximum");
        }
    }

    @Override
    public RequirementType type() {
        return RequirementType.AGE_LIMIT;
    }

    @Override
    public RequirementCheck check(CandidateDossier dossier, EvaluationContext context) {
        if (dossier.person().birthDate() == null) {
            return RequirementCheck.failed(type(), BilingualText.of("缺少出生日期，无法核对年龄",
                    "birth date missing, age cannot be checked"));
        }
        LocalDate day = reference.day(context);
        int age = dossier.person().ageOn(day);
        if (maxAge != null && age > maxAge) {
            return RequirementCheck.failed(type(), BilingualText.of(
                    "年龄 " + age + " > " + maxAge + "（" + day + "）", "age " + age + " > " + maxAge + " (on " + day + ")"));
        }
        if (minAge != null && age < minAge) {
            return RequirementCheck.failed(type(), BilingualText.of(
                    "年龄 " + age + " < " + minAge + "（" + day + "）", "age " + age + " < " + minAge + " (on " + day + ")"));
        }
        String bound = maxAge != null ? " ≤ " + maxAge : " ≥ " + minAge;
        return RequirementCheck.passed(type(), BilingualText.of("年龄 " + age + bound + "（" + day + "）",
                "age " + age + bound + " (on " + day + ")"), List.of(), null);
    }
}
