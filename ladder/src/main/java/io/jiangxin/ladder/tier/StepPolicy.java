package io.jiangxin.ladder.tier;

/**
 * How far one promotion may climb. The default is one step at a time; a rule (or a direct-qualification
 * shortcut) may allow skipping tiers, e.g. a provincial first prize straight to 首席工匠.
 */
public enum StepPolicy {
    ONE_STEP, MAY_SKIP
}
