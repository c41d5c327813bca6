package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/**
 * The range judges mark a judgement aspect on when it differs from the aspect's maximum, e.g. WorldSkills
 * 0–3: the aggregated mark is rescaled to the aspect maximum ({@code aggregate / scaleMaximum × maximum}).
 * The scale always starts at 0.
 */
public record MarkScale(BigDecimal maximum, BigDecimal step) {
}
