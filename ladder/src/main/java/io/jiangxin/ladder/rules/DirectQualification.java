package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.tier.StepPolicy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A direct-qualification shortcut (直通): a result in {@code band}, held within {@code windowYears}, qualifies
 * the candidate with the requirements in {@code waives} set aside. Eligibility limits (age, trade) are not
 * waived unless listed. {@code stepPolicy} says whether the shortcut may skip tiers.
 */
public record DirectQualification(String shortcutId, BilingualText name, ResultBand band, Integer windowYears,
                                  Set<RequirementType> waives, StepPolicy stepPolicy) {

    /** What a shortcut waives when its configuration does not say. */
    public static final Set<RequirementType> DEFAULT_WAIVES = Set.copyOf(EnumSet.of(RequirementType.MIN_POINTS,
            RequirementType.TIER_HELD, RequirementType.QUALIFYING_RESULTS, RequirementType.APPRENTICES_CERTIFIED));

    public DirectQualification {
        Objects.requireNonNull(shortcutId, "shortcutId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(band, "band");
        waives = waives == null ? DEFAULT_WAIVES : Set.copyOf(waives);
        stepPolicy = stepPolicy == null ? StepPolicy.ONE_STEP : stepPolicy;
        if (waives.contains(RequirementType.NOT_YET_HELD)) {
            throw new IllegalArgumentException("a shortcut cannot waive NOT_YET_HELD");
        }
    }

}
