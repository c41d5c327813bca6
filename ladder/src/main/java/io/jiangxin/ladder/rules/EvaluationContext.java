package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.points.Standing;
import io.jiangxin.ladder.tier.Ladder;

import java.time.LocalDate;

/**
 * What a requirement is checked against, for one candidate: the ladder and target tier, the planning year,
 * the as-of date, and the candidate's points standing (already computed with the rule's window;
 * {@code null} when no scheme applies).
 */
public record EvaluationContext(Ladder ladder, String targetTier, int year, LocalDate asOf, Standing standing) {
}
