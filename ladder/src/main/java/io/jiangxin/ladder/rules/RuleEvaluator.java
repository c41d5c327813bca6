package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.points.PointsCalculator;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.points.Standing;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.tier.TierHolding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures one candidate against one rule version. Order of reasoning:
 * <ol>
 *   <li>{@code NOT_YET_HELD}: someone already at or above the target is never a candidate;</li>
 *   <li>every configured requirement is checked and explained;</li>
 *   <li>the first shortcut (in configured order) whose band a current result matches qualifies the
 *       candidate if the requirements it does not waive pass and its step policy allows the climb;</li>
 *   <li>otherwise all requirements must pass and the rule's step policy must allow the climb.</li>
 * </ol>
 */
public final class RuleEvaluator {

    private final PointsCalculator calculator = new PointsCalculator();

    public Eligibility evaluate(PromotionRule rule, Ladder ladder, PointsScheme scheme, CandidateDossier dossier,
                                int year, LocalDate asOf) {
        Integer window = rule.minimumPoints().map(MinimumPoints::windowYears).orElse(null);
        Standing standing = scheme == null ? null
                : calculator.standing(dossier.personId(), dossier.ledger(), scheme, asOf, window);
        BigDecimal points = standing == null ? Points.ZERO : standing.total();
        EvaluationContext context = new EvaluationContext(ladder, rule.targetTier(), year, asOf, standing);

        int current = currentPosition(ladder, dossier, asOf);
        int target = ladder.position(rule.targetTier());
        if (current >= target) {
            String holding = ladder.tiers().get(current).name();
            RequirementCheck held = RequirementCheck.failed(RequirementType.NOT_YET_HELD, BilingualText.of(
                    "已持有 " + holding + "，不低于 " + ladder.tierName(rule.targetTier()),
                    "already holds " + holding + ", not below " + ladder.tierName(rule.targetTier())));
            return new Eligibility(rule.reference(), Route.NONE, null, List.of(held), points, null);
        }
        List<RequirementCheck> checks = rule.requirements().stream().map(r -> r.check(dossier, context)).toList();

        for (DirectQualification shortcut : rule.shortcuts()) {
            Optional<ContestResult> match = dossier.currentResults().stream()
                    .filter(r -> !r.heldOn().isAfter(asOf))
                    .filter(r -> shortcut.windowYears() == null || !r.heldOn().isBefore(asOf.minusYears(shortcut.windowYears())))
                    .filter(r -> shortcut.band().matches(r)).findFirst();
            if (match.isEmpty()) {
                continue;
            }
            List<RequirementCheck> withShortcut = new ArrayList<>();
            withShortcut.add(shortcutCheck(shortcut, match.get()));
            withShortcut.add(step(ladder, current, target, shortcut.stepPolicy()));
            for (RequirementCheck check : checks) {
                // Only unmet requirements are marked waived; a met one still shows as evidence.
                withShortcut.add(!check.passed() && shortcut.waives().contains(check.type())
                        ? check.waived(shortcut.name().zh()) : check);
            }
            if (withShortcut.stream().noneMatch(c -> c.status() == CheckStatus.FAILED)) {
                return new Eligibility(rule.reference(), Route.SHORTCUT, shortcut, withShortcut, points,
                        qualifyingDate(withShortcut));
            }
        }
        List<RequirementCheck> all = new ArrayList<>();
        all.add(step(ladder, current, target, rule.stepPolicy()));
        all.addAll(checks);
        boolean passed = all.stream().allMatch(RequirementCheck::passed);
        return new Eligibility(rule.reference(), passed ? Route.REQUIREMENTS : Route.NONE, null, all, points,
                passed ? qualifyingDate(all) : null);
    }

    private static RequirementCheck shortcutCheck(DirectQualification shortcut, ContestResult result) {
        return RequirementCheck.passed(RequirementType.QUALIFYING_RESULTS, BilingualText.of(
                "直通：" + shortcut.name().zh() + "（" + QualifyingResults.describe(result) + "）",
                "direct qualification: " + shortcut.name().en() + " (" + QualifyingResults.describeEn(result) + ")"),
                List.of("result:" + result.resultKey()), result.heldOn());
    }

    private static RequirementCheck step(Ladder ladder, int current, int target, StepPolicy policy) {
        String now = current < 0 ? "无" : ladder.tiers().get(current).name();
        String nowEn = current < 0 ? "none" : ladder.tiers().get(current).name();
        String goal = ladder.tiers().get(target).name();
        if (policy == StepPolicy.ONE_STEP && target != current + 1) {
            return RequirementCheck.failed(RequirementType.STEP, BilingualText.of(
                    "须逐级晋升：当前 " + now + "，目标 " + goal,
                    "promotions move up one step: now " + nowEn + ", target " + goal));
        }
        return RequirementCheck.passed(RequirementType.STEP, BilingualText.of(now + " → " + goal, nowEn + " → " + goal),
                List.of(), null);
    }

    private static int currentPosition(Ladder ladder, CandidateDossier dossier, LocalDate asOf) {
        return dossier.history(ladder.ladderId()).flatMap(h -> h.heldOn(asOf)).map(TierHolding::tierCode)
                .map(ladder::position).orElse(-1);
    }

    private static LocalDate qualifyingDate(List<RequirementCheck> checks) {
        return checks.stream().filter(RequirementCheck::passed).map(RequirementCheck::metOn)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
