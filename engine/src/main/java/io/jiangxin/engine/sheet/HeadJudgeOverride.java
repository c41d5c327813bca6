package io.jiangxin.engine.sheet;

import java.math.BigDecimal;

/**
 * The head judge sets an aspect's value, with a recorded reason. The value is in aspect units (0 to the
 * aspect maximum, on its step), is used instead of the panel's aggregate, and clears the aspect's flags.
 */
public record HeadJudgeOverride(String aspectId, BigDecimal value, String reason) {
}
