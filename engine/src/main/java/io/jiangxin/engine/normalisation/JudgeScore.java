package io.jiangxin.engine.normalisation;

import java.math.BigDecimal;

/** One judge's score for one entry (e.g. the sum of that judge's marks on the entry). */
public record JudgeScore(String judgeId, String entryId, BigDecimal score) {
}
