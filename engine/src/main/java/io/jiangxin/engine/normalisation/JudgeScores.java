package io.jiangxin.engine.normalisation;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.AspectType;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.AspectResult;
import io.jiangxin.engine.sheet.SheetResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each judge's own score for each entry they marked, as input to {@link ZScoreNormaliser}: the sum of the
 * judge's counted marks on the entry's judgement aspects, each in aspect units (rescaled from the marking
 * scale). Measurement and deduction aspects are objective and left out.
 */
public final class JudgeScores {

    private JudgeScores() {
    }

    public static List<JudgeScore> fromSheets(List<SheetResult> sheets, MarkingScheme scheme) {
        List<JudgeScore> scores = new ArrayList<>();
        for (SheetResult sheet : sheets) {
            Map<String, BigDecimal> byJudge = new TreeMap<>();
            for (AspectResult result : sheet.aspects()) {
                Aspect aspect = scheme.aspect(result.aspectId()).orElseThrow();
                if (aspect.type() != AspectType.JUDGEMENT) {
                    continue;
                }
                boolean rescale = aspect.markScale() != null && !(scheme.aggregationFor(aspect) instanceof AggregationRule.Sum);
                result.countedMarks().forEach((judge, mark) -> {
                    BigDecimal value = rescale
                            ? mark.multiply(aspect.maximum()).divide(aspect.scaleMaximum(), Decimals.WORKING)
                            : mark;
                    byJudge.merge(judge, value, BigDecimal::add);
                });
            }
            byJudge.forEach((judge, score) -> scores.add(new JudgeScore(judge, sheet.entryId(), score)));
        }
        return scores;
    }
}
