package io.jiangxin.engine.scheme;

/**
 * 晋级: the top {@code topN} ranks plus everyone tied at the cutoff.
 *
 * @param requirePass also require the entry to have passed
 */
public record AdvancementRule(int topN, boolean requirePass) {
}
