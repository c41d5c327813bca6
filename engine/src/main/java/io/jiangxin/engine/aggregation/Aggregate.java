package io.jiangxin.engine.aggregation;

import io.jiangxin.engine.numeric.Ratio;

/**
 * The exact aggregate of a panel's marks, on the judges' marking scale, not yet rounded.
 *
 * @param fallbackUsed true when a tolerance rule's band was exceeded and its fallback rule decided
 */
public record Aggregate(Ratio value, boolean fallbackUsed) {
}
