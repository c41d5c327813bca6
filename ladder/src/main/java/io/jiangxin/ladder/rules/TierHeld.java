package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.tier.Tier;
import io.jiangxin.ladder.tier.TierHistory;
import io.jiangxin.ladder.tier.TierHolding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The candidate currently holds one of {@code anyOf} and has held it for at least {@code minYears} whole
 * years. An empty {@code anyOf} means "the tier directly below the target on the same ladder"; listing
 * tiers of other ladders lets a city title draw from every enterprise's top tier.
 */
public record TierHeld(List<TierRef> anyOf, int minYears) implements Requirement {

    public TierHeld {
        anyOf = List.copyOf(anyOf);
    }

    @Override
    public RequirementType type() {
        return RequirementType.TIER_HELD;
    }

    @Override
    public RequirementCheck check(CandidateDossier dossier, EvaluationContext context) {
        List<TierRef> wanted = new ArrayList<>(anyOf);
        if (wanted.isEmpty()) {
            Optional<Tier> below = context.ladder().below(context.targetTier());
            if (below.isEmpty()) {
                return RequirementCheck.passed(type(), BilingualText.of("最低层级，无需前置层级",
                        "lowest tier, no prior tier needed"), List.of(), null);
            }
            wanted.add(new TierRef(context.ladder().ladderId(), below.get().code()));
        }
        record Held(TierRef ref, String name, TierHolding holding, int years) {
        }
        List<Held> held = new ArrayList<>();
        for (TierRef ref : wanted) {
            Optional<TierHistory> history = dossier.history(ref.ladderId());
            history.flatMap(h -> h.heldOn(context.asOf()))
                    .filter(h -> h.tierCode().equals(ref.tierCode()))
                    .ifPresent(h -> held.add(new Held(ref, history.get().ladder().tierName(ref.tierCode()), h,
                            history.get().yearsHeld(ref.tierCode(), context.asOf()))));
        }
        // Tiers by name, as a reader knows them (a tier of another ladder keeps its code if this ladder lacks it).
        String names = String.join("/", wanted.stream().map(ref -> ref.ladderId().equals(context.ladder().ladderId())
                ? context.ladder().tierName(ref.tierCode()) : ref.tierCode()).toList());
        if (held.isEmpty()) {
            return RequirementCheck.failed(type(), BilingualText.of("未持有 " + names, "does not hold " + names));
        }
        Held best = held.stream().max(Comparator.comparingInt(Held::years)
                .thenComparing(h -> h.ref().ladderId()).thenComparing(h -> h.ref().tierCode())).orElseThrow();
        String evidence = "tier:" + best.ref().ladderId() + "/" + best.ref().tierCode();
        if (best.years() < minYears) {
            return RequirementCheck.failed(type(), BilingualText.of(
                    "任 " + best.name() + " " + best.years() + " 年 < " + minYears + " 年",
                    "held " + best.name() + " for " + best.years() + " years < " + minYears));
        }
        return RequirementCheck.passed(type(), BilingualText.of(
                "任 " + best.name() + " " + best.years() + " 年 ≥ " + minYears + " 年（自 " + best.holding().start() + "）",
                "held " + best.name() + " for " + best.years() + " years ≥ " + minYears + " (since " + best.holding().start() + ")"),
                List.of(evidence), best.holding().start().plusYears(minYears));
    }
}
