package io.jiangxin.engine.normalisation;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * @param scores entry id → mean of the entry's mapped scores over the judges who scored it (rounded)
 * @param judges judge id → statistics
 */
public record NormalisationResult(SortedMap<String, BigDecimal> scores, SortedMap<String, JudgeStatistics> judges) {
}
