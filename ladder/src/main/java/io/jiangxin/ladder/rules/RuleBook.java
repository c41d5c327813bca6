package io.jiangxin.ladder.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every version of every promotion rule. Versions of the same target (ladder + tier) may not overlap in
 * time, so exactly one or none is in force on any day.
 */
public record RuleBook(List<PromotionRule> rules) {

    public RuleBook {
        rules = rules.stream().sorted(Comparator.comparing(PromotionRule::ladderId)
                .thenComparing(PromotionRule::targetTier).thenComparing(PromotionRule::effectiveFrom)).toList();
        for (int i = 0; i + 1 < rules.size(); i++) {
            PromotionRule a = rules.get(i);
            PromotionRule b = rules.get(i + 1);
            if (a.ladderId().equals(b.ladderId()) && a.targetTier().equals(b.targetTier())
                    && (a.effectiveUntil() == null || a.effectiveUntil().isAfter(b.effectiveFrom()))) {
                throw new IllegalArgumentException("rule versions overlap: " + a.reference() + " and " + b.reference());
            }
        }
    }

    public Optional<PromotionRule> inForce(String ladderId, String targetTier, LocalDate date) {
        return rules.stream().filter(r -> r.ladderId().equals(ladderId) && r.targetTier().equals(targetTier)
                && r.inForceOn(date)).findFirst();
    }
}
