package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/**
 * 晋级: the top {@code topN} ranks plus everyone tied at the cutoff, or every entry whose ranking score (normalised
 * or combined where the scheme says so) reaches {@code minScore}, or both at once (the top N of those who reach it).
 *
 * @param topN        the rank cutoff, or null for none
 * @param requirePass also require the entry to have passed
 * @param minScore    the threshold on the ranking score, or null for none
 */
public record AdvancementRule(Integer topN, boolean requirePass, BigDecimal minScore) {

    /** Top N plus ties, without a threshold. */
    public AdvancementRule(int topN, boolean requirePass) {
        this(Integer.valueOf(topN), requirePass, null);
    }
}
