package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.quota.QuotaPolicy;
import io.jiangxin.ladder.tier.StepPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The rule for reaching one tier, as published in one version. A new version (a changed threshold, a new
 * quota) is a new record with a later {@code effectiveFrom}; a proposal names the version it used.
 *
 * @param effectiveUntil exclusive; {@code null} while in force
 * @param schemeId       the points scheme {@link MinimumPoints} is measured with ({@code null} if none)
 */
public record PromotionRule(String ruleId, int version, LocalDate effectiveFrom, LocalDate effectiveUntil,
                            String ladderId, String targetTier, String schemeId, StepPolicy stepPolicy,
                            List<Requirement> requirements, List<DirectQualification> shortcuts, QuotaPolicy quota) {

    public PromotionRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(ladderId, "ladderId");
        Objects.requireNonNull(targetTier, "targetTier");
        stepPolicy = stepPolicy == null ? StepPolicy.ONE_STEP : stepPolicy;
        requirements = List.copyOf(requirements);
        shortcuts = List.copyOf(shortcuts);
        quota = quota == null ? QuotaPolicy.UNLIMITED : quota;
        if (effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("rule " + ruleId + " v" + version + " ends before it starts");
        }
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || date.isBefore(effectiveUntil));
    }

    /** "dezhou-chief v2": how explanations cite the rule. */
    public String reference() {
        return ruleId + " v" + version;
    }

    public java.util.Optional<MinimumPoints> minimumPoints() {
        return requirements.stream().filter(r -> r instanceof MinimumPoints).map(r -> (MinimumPoints) r).findFirst();
    }
}
