package io.jiangxin.engine.consistency;

import io.jiangxin.engine.aggregation.PanelAggregator;
import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Ratio;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.AspectType;
import io.jiangxin.engine.scheme.ConsistencyConfig;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.sheet.AspectResult;
import io.jiangxin.engine.sheet.SheetResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For each judge, compares every counted mark on a judgement aspect that at least two judges marked with
 * that panel's median. Deviations are in percent of the aspect's marking scale so that 0–3 and 0–10
 * aspects weigh alike. Measurement and deduction aspects are objective and not included.
 */
public final class JudgeConsistency {

    private JudgeConsistency() {
    }

    /**
     * @param config the bias threshold, or null to report deviations without flagging anyone
     * @return one report per judge, sorted by judge id
     */
    public static List<JudgeConsistencyReport> analyse(List<SheetResult> sheets, MarkingScheme scheme,
                                                       ConsistencyConfig config) {
        Map<String, List<Ratio>> deviations = new TreeMap<>();
        for (SheetResult sheet : sheets) {
            for (AspectResult result : sheet.aspects()) {
                Aspect aspect = scheme.aspect(result.aspectId()).orElseThrow();
                if (aspect.type() != AspectType.JUDGEMENT || result.countedMarks().size() < 2) {
                    continue;
                }
                Ratio median = PanelAggregator.aggregate(new AggregationRule.Median(), result.countedMarks().values()).value();
                result.countedMarks().forEach((judge, mark) -> {
                    // (mark − median) × 100 / scale maximum, kept exact.
                    Ratio deviation = new Ratio(
                            mark.multiply(median.denominator()).subtract(median.numerator()).multiply(Decimals.HUNDRED),
                            median.denominator().multiply(aspect.scaleMaximum()));
                    deviations.computeIfAbsent(judge, j -> new ArrayList<>()).add(deviation);
                });
            }
        }
        Rounding rounding = scheme.rounding();
        List<JudgeConsistencyReport> reports = new ArrayList<>();
        deviations.forEach((judge, list) -> {
            BigDecimal signed = meanOf(list, false, rounding);
            BigDecimal absolute = meanOf(list, true, rounding);
            boolean biased = config != null && list.size() >= config.minimumAspects()
                    && signed.abs().compareTo(config.biasThresholdPercent()) >= 0;
            reports.add(new JudgeConsistencyReport(judge, list.size(), signed, absolute, biased));
        });
        return reports;
    }

    /**
     * Mean of the deviations, rounded once. Each deviation is taken to 34 significant digits (exact unless a
     * scale maximum like 3 makes it recurring); the sum is exact, so the order of marks does not matter.
     */
    private static BigDecimal meanOf(List<Ratio> ratios, boolean absolute, Rounding rounding) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Ratio r : ratios) {
            BigDecimal value = r.numerator().divide(r.denominator(), Decimals.WORKING);
            sum = sum.add(absolute ? value.abs() : value);
        }
        return rounding.divide(sum, BigDecimal.valueOf(ratios.size()));
    }
}
