package io.jiangxin.engine.scheme;

/**
 * Scheme-wide panel settings that judgement aspects inherit unless they set their own.
 *
 * @param aggregation default rule for judgement aspects
 * @param quorum      default minimum number of judges who must have marked a judgement aspect
 * @param spreadLimit default disagreement limit, or {@code null} for none
 */
public record PanelDefaults(AggregationRule aggregation, int quorum, SpreadLimit spreadLimit) {
}
