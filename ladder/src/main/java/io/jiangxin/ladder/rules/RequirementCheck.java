package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;

import java.time.LocalDate;
import java.util.List;

/**
 * One requirement checked for one candidate.
 *
 * @param evidence references to what the check relied on: {@code ledger:<sourceKey>}, {@code result:<event>/<person>},
 *                 {@code tier:<ladder>/<tier>}, {@code mentorship:<id>}
 * @param metOn    the day the requirement became met, when that is knowable (for the qualifying date)
 */
public record RequirementCheck(RequirementType type, CheckStatus status, BilingualText reason, List<String> evidence,
                               LocalDate metOn) {

    public RequirementCheck {
        evidence = List.copyOf(evidence);
    }

    public static RequirementCheck passed(RequirementType type, BilingualText reason, List<String> evidence, LocalDate metOn) {
        return new RequirementCheck(type, CheckStatus.PASSED, reason, evidence, metOn);
    }

    public static RequirementCheck failed(RequirementType type, BilingualText reason) {
        return new RequirementCheck(type, CheckStatus.FAILED, reason, List.of(), null);
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    RequirementCheck waived(String shortcut) {
        return new RequirementCheck(type, CheckStatus.WAIVED, BilingualText.of(
                reason.zh() + "（" + shortcut + " 直通免除）", reason.en() + " (waived by " + shortcut + ")"),
                evidence, metOn);
    }
}
