package io.jiangxin.ladder.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One candidate measured against one rule version: the route (if any), every check with its reason, the
 * points used for ranking, and the qualifying date (the latest date among the evidence the passing checks
 * relied on; {@code null} if none was dated).
 */
public record Eligibility(String ruleReference, Route route, DirectQualification shortcut,
                          List<RequirementCheck> checks, BigDecimal points, LocalDate qualifyingDate) {

    public Eligibility {
        checks = List.copyOf(checks);
    }

    public boolean eligible() {
        return route != Route.NONE;
    }

    public List<RequirementCheck> failures() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    }

    /** Every evidence reference of the checks that passed, without repeats, in check order. */
    public List<String> evidence() {
        return checks.stream().filter(c -> c.status() == CheckStatus.PASSED)
                .flatMap(c -> c.evidence().stream()).distinct().toList();
    }
}
