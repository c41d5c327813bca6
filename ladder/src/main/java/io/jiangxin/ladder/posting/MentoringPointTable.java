package io.jiangxin.ladder.posting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Mentoring points (越城 style): {@code forMentoring} for having an apprentice at all, {@code perExtraApprentice}
 * for each further apprentice up to {@code maxExtraApprentices}, and milestone points per apprentice.
 */
public record MentoringPointTable(String category, BigDecimal forMentoring, BigDecimal perExtraApprentice,
                                  int maxExtraApprentices, List<MilestonePoints> milestones) {

    public MentoringPointTable {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(forMentoring, "forMentoring");
        Objects.requireNonNull(perExtraApprentice, "perExtraApprentice");
        milestones = List.copyOf(milestones);
        if (maxExtraApprentices < 0) {
            throw new IllegalArgumentException("maxExtraApprentices must not be negative");
        }
    }
}
