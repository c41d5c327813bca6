package io.jiangxin.engine;

import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.PanelDefaults;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.SpreadLimit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Small schemes for unit tests. */
public final class TestSchemes {

    private TestSchemes() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** One part (100%), one module, one judgement aspect "A" out of {@code maximum}. */
    public static MarkingScheme singleAspect(AggregationRule rule, int quorum, String maximum, String step) {
        return singleAspectBuilder(rule, quorum, maximum, step).build();
    }

    public static MarkingScheme.Builder singleAspectBuilder(AggregationRule rule, int quorum, String maximum, String step) {
        Aspect aspect = Aspect.judgement("A", "评分项", "aspect", d(maximum), d(step));
        return MarkingScheme.builder("test")
                .rounding(Rounding.of(2, RoundingMode.HALF_UP))
                .panel(new PanelDefaults(rule, quorum, null))
                .part(new Part("p", "部分", "part", d(maximum), d("100"), null,
                        List.of(new SchemeModule("m", "模块", "module", List.of(aspect)))));
    }

    /** Theory (measurement T, out of 100, 30%) and practical (judgement P, out of 100, 70%). */
    public static MarkingScheme.Builder theoryPractical(AggregationRule rule, int quorum, SpreadLimit limit) {
        Aspect theory = Aspect.measurement("T", "理论", "theory", io.jiangxin.engine.scheme.MeasurementKind.VALUE, d("100"), d("0.5"));
        Aspect practical = Aspect.judgement("P", "实操", "practical", d("100"), d("1"));
        return MarkingScheme.builder("tp")
                .rounding(Rounding.of(2, RoundingMode.HALF_UP))
                .panel(new PanelDefaults(rule, quorum, limit))
                .part(new Part("theory", "理论", "Theory", d("100"), d("30"), null,
                        List.of(new SchemeModule("tm", "理论考试", "exam", List.of(theory)))))
                .part(new Part("practical", "实操", "Practical", d("100"), d("70"), null,
                        List.of(new SchemeModule("pm", "实操模块", "practical module", List.of(practical)))));
    }
}
