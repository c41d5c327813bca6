package io.jiangxin.engine.scheme;

import io.jiangxin.engine.TestSchemes;
import io.jiangxin.engine.numeric.Rounding;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;

class SchemeValidatorTest {

    private static List<String> errors(MarkingScheme scheme) {
        return SchemeValidator.validate(scheme).stream().map(SchemeError::toString).toList();
    }

    @Test
    void aGoodSchemeHasNoErrors() {
        assertThat(SchemeValidator.validate(TestSchemes.theoryPractical(new AggregationRule.TrimmedMean(1), 3, null).build())).isEmpty();
    }

    @Test
    void weightsThatDoNotAddUpTo100() {
        MarkingScheme.Builder b = TestSchemes.theoryPractical(new AggregationRule.Mean(), 1, null);
        MarkingScheme base = b.build();
        b.clearParts().part(base.parts().get(0)).part(new Part("practical", "实操", "Practical", d("100"), d("60"), null,
                base.parts().get(1).modules()));
        assertThat(errors(b.build())).containsExactly("parts: 各部分权重之和为 90,必须为 100 / the parts' weights add up to 90, not 100");
    }

    @Test
    void everyAspectErrorIsReportedWithItsPath() {
        SchemeModule module = new SchemeModule("m", "模块", "module", List.of(
                Aspect.judgement("a0", "甲", "a", d("10"), d("1")),
                Aspect.judgement("a1", "乙", "b", d("-1"), d("1")),
                Aspect.judgement("a2", "丙", "c", d("10"), d("3")),
                Aspect.judgement("a0", "丁", "", d("5"), d("0"))));
        MarkingScheme scheme = MarkingScheme.builder("x").part(new Part("p", "部分", "part", d("24"), d("100"), null, List.of(module)))
                .build();
        assertThat(errors(scheme)).containsExactly(
                "parts[0].modules[0].aspects[1].maximum: 满分必须大于 0 / the maximum must be greater than 0",
                "parts[0].modules[0].aspects[2].step: 步长必须整除满分 / step must divide the maximum",
                "parts[0].modules[0].aspects[3].id: 编号 a0 重复 / the id a0 is used twice",
                "parts[0].modules[0].aspects[3].descriptionEn: 英文描述不能为空 / English description must not be empty",
                "parts[0].modules[0].aspects[3].step: 步长必须大于 0 / the step must be greater than 0");
    }

    @Test
    void thePartMaximumMustMatchItsAspects() {
        MarkingScheme scheme = TestSchemes.singleAspectBuilder(new AggregationRule.Mean(), 1, "10", "1").clearParts()
                .part(new Part("p", "部分", "part", d("20"), d("100"), null, List.of(new SchemeModule("m", "模", "m",
                        List.of(Aspect.judgement("a", "甲", "a", d("10"), d("1"))))))).build();
        assertThat(errors(scheme)).singleElement().asString().startsWith("parts[0].maximum:").contains("20").contains("10");
    }

    @Test
    void theQuorumMustCoverTheRule() {
        MarkingScheme scheme = TestSchemes.singleAspect(new AggregationRule.TrimmedMean(1), 2, "10", "1");
        assertThat(errors(scheme)).singleElement().asString().startsWith("defaults.aggregation:").contains("3");
        MarkingScheme aspectLevel = TestSchemes.singleAspectBuilder(new AggregationRule.Mean(), 1, "10", "1").clearParts()
                .part(new Part("p", "部分", "part", d("10"), d("100"), null, List.of(new SchemeModule("m", "模", "m",
                        List.of(Aspect.judgement("a", "甲", "a", d("10"), d("1")).withAggregation(new AggregationRule.ClosestPair())))))).build();
        assertThat(errors(aspectLevel)).singleElement().asString().startsWith("parts[0].modules[0].aspects[0].aggregation:");
    }

    @Test
    void roundingAndReferencesAreChecked() {
        MarkingScheme scheme = TestSchemes.theoryPractical(new AggregationRule.Mean(), 1, null)
                .rounding(Rounding.of(2, RoundingMode.UNNECESSARY))
                .violation(new ViolationRule("V", "违规", "violation", d("5"), "T", ViolationEffect.NONE, null, 1))
                .violation(new ViolationRule("Z", "零分", "zero", null, null, ViolationEffect.ZERO_MODULE, "nope", 1))
                .ranking(new RankingConfig(List.of(new TieBreak.PartScore("oral", Order.HIGHER_FIRST), new TieBreak.CompletionTime()), -1))
                .award(new AwardBand("PASS", "合格", "Pass", new AwardCriterion.Passed()))
                .build();
        assertThat(SchemeValidator.validate(scheme)).extracting(SchemeError::path).containsExactly(
                "rounding.mode", "violations[0].deductFrom", "violations[1].module",
                "ranking.tieBreaks[0].part", "ranking.tieBreaks[1]", "ranking.noTiesWithinPlaces", "awards[0].passed");
    }

    @Test
    void measurementAndDeductionAspectsMustNotCarryPanelSettings() {
        Aspect measurement = new Aspect("m", "测", "m", AspectType.MEASUREMENT, null, d("10"), d("1"), null,
                new AggregationRule.Mean(), null, null);
        Aspect deduction = Aspect.deduction("d", "扣", "d", d("10"), d("1")).withQuorum(2);
        MarkingScheme scheme = MarkingScheme.builder("x").part(new Part("p", "部分", "part", d("20"), d("100"), null,
                List.of(new SchemeModule("mod", "模", "mod", List.of(measurement, deduction))))).build();
        assertThat(SchemeValidator.validate(scheme)).extracting(SchemeError::path).containsExactly(
                "parts[0].modules[0].aspects[0].measurement", "parts[0].modules[0].aspects[0].aggregation",
                "parts[0].modules[0].aspects[1].quorum");
    }

    @Test
    void timeRoundsAndAdvancementAreChecked() {
        MarkingScheme scheme = TestSchemes.theoryPractical(new AggregationRule.Mean(), 1, null)
                .time(new TimeRule(Duration.ZERO, Duration.ofMinutes(1), d("1"), "P", null))
                .rounds(new RoundWeights("final", List.of(new RoundWeights.RoundWeight("preliminary", d("30")))))
                .advancement(new AdvancementRule(0, true))
                .build();
        assertThat(SchemeValidator.validate(scheme)).extracting(SchemeError::path).containsExactly(
                "time.limitSeconds", "time.overrun.deductFrom", "advancement.topN", "advancement.requirePass",
                "rounds.weights", "rounds.current");
    }

    @Test
    void anAdvancementRuleNeedsTopNOrAThreshold() {
        MarkingScheme neither = TestSchemes.theoryPractical(new AggregationRule.Mean(), 1, null)
                .advancement(new AdvancementRule(null, false, null)).build();
        assertThat(SchemeValidator.validate(neither)).extracting(SchemeError::path).containsExactly("advancement");
        MarkingScheme threshold = TestSchemes.theoryPractical(new AggregationRule.Mean(), 1, null)
                .advancement(new AdvancementRule(null, false, d("60"))).build();
        assertThat(SchemeValidator.validate(threshold)).isEmpty();
    }
}
