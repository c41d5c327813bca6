package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/**
 * Per-judge z-score normalisation for rounds where judges score different subsets (fll-sw: 100 ± 20).
 * Each judge's scores are mapped to {@code mean + z × spread}; an entry's score is the mean of its mapped
 * scores. A judge with one entry or zero spread has z = 0 for all their entries.
 */
public record NormalisationConfig(BigDecimal mean, BigDecimal spread) {
}
