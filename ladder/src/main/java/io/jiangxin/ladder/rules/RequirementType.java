package io.jiangxin.ladder.rules;

/** The kinds of promotion requirement; {@link #STEP} and {@link #NOT_YET_HELD} are built into every rule. */
public enum RequirementType {
    NOT_YET_HELD, STEP, MIN_POINTS, TIER_HELD, QUALIFYING_RESULTS, APPRENTICES_CERTIFIED, AGE_LIMIT, TRADE_LIMIT
}
