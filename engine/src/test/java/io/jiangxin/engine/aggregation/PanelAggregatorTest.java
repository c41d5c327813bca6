package io.jiangxin.engine.aggregation;

import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.ToleranceBand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PanelAggregatorTest {

    private static final Rounding TWO_PLACES = Rounding.of(2, RoundingMode.HALF_UP);

    private static List<BigDecimal> marks(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static BigDecimal aggregate(AggregationRule rule, String... values) {
        return PanelAggregator.aggregate(rule, marks(values)).value().round(TWO_PLACES);
    }

    @Test
    void trimmedMeanOfFiveDropsHighestAndLowest() {
        assertThat(aggregate(new AggregationRule.TrimmedMean(1), "86", "91", "88", "79", "90")).isEqualByComparingTo("88.00");
    }

    @Test
    void trimmedMeanOverTheFourWhoMarked() {
        assertThat(aggregate(new AggregationRule.TrimmedMean(1), "8.6", "9.2", "8.9", "9.0")).isEqualByComparingTo("8.95");
    }

    @Test
    void trimmedMeanDroppingTwoAtEachEnd() {
        assertThat(aggregate(new AggregationRule.TrimmedMean(2), "1", "2", "5", "6", "7", "9", "10")).isEqualByComparingTo("6.00");
    }

    @Test
    void meanMedianAndSum() {
        assertThat(aggregate(new AggregationRule.Mean(), "1", "2", "2")).isEqualByComparingTo("1.67");
        assertThat(aggregate(new AggregationRule.Median(), "9", "1", "5")).isEqualByComparingTo("5");
        assertThat(aggregate(new AggregationRule.Median(), "9", "1", "5", "6")).isEqualByComparingTo("5.5");
        assertThat(aggregate(new AggregationRule.Sum(), "3", "2.5", "1")).isEqualByComparingTo("6.5");
    }

    @Test
    void everyJudgeGivingTheSameMarkGivesThatMarkUnderEveryRule() {
        List<AggregationRule> rules = List.of(new AggregationRule.Mean(), new AggregationRule.Median(),
                new AggregationRule.TrimmedMean(1), new AggregationRule.ClosestPair(),
                new AggregationRule.Tolerance(1, List.of(new ToleranceBand(d("0"), d("0"))), new AggregationRule.Mean()));
        for (AggregationRule rule : rules) {
            Aggregate result = PanelAggregator.aggregate(rule, marks("7.5", "7.5", "7.5", "7.5", "7.5"));
            assertThat(result.value().round(TWO_PLACES)).as(rule.toString()).isEqualByComparingTo("7.5");
            assertThat(result.fallbackUsed()).isFalse();
        }
        assertThat(PanelAggregator.spread(marks("7.5", "7.5", "7.5"))).isZero();
    }

    @Test
    void emptyOrTooSmallPanelIsRejected() {
        assertThatThrownBy(() -> PanelAggregator.aggregate(new AggregationRule.Mean(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PanelAggregator.aggregate(new AggregationRule.TrimmedMean(1), marks("1", "2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closestPairTakesTheMeanOfTheTwoClosestMarks() {
        assertThat(aggregate(new AggregationRule.ClosestPair(), "7.0", "9.0", "7.4")).isEqualByComparingTo("7.20");
        assertThat(aggregate(new AggregationRule.ClosestPair(), "2", "8")).isEqualByComparingTo("5");
    }

    @Test
    void closestPairWithEquallyCloseMarksUsesTheMedian() {
        assertThat(aggregate(new AggregationRule.ClosestPair(), "5", "9", "7")).isEqualByComparingTo("7");
        assertThat(aggregate(new AggregationRule.ClosestPair(), "1", "2", "3", "9")).isEqualByComparingTo("2.5");
    }

    private static final AggregationRule.Tolerance FIG = new AggregationRule.Tolerance(1, List.of(
            new ToleranceBand(d("0"), d("0.5")),
            new ToleranceBand(d("8.0"), d("0.3")),
            new ToleranceBand(d("9.0"), d("0.2"))), new AggregationRule.Mean());

    @Test
    void toleranceUsesTheMiddleMarksWhenWithinTheBandForTheirLevel() {
        Aggregate result = PanelAggregator.aggregate(FIG, marks("8.0", "8.4", "8.5", "8.6", "9.5"));
        assertThat(result.fallbackUsed()).isFalse();
        assertThat(result.value().round(TWO_PLACES)).isEqualByComparingTo("8.50");
    }

    @Test
    void toleranceFallsBackToTheMeanOfAllWhenTheMiddleMarksSpreadTooFar() {
        // Middle 9.0, 9.1, 9.3 have level 9.13 (band 0.2) and spread 0.3: out of tolerance.
        Aggregate result = PanelAggregator.aggregate(FIG, marks("8.0", "9.0", "9.1", "9.3", "9.6"));
        assertThat(result.fallbackUsed()).isTrue();
        assertThat(result.value().round(TWO_PLACES)).isEqualByComparingTo("9.00");
    }

    @Test
    void theSameSpreadIsToleratedAtALowerLevel() {
        Aggregate result = PanelAggregator.aggregate(FIG, marks("6.0", "7.0", "7.1", "7.3", "7.6"));
        assertThat(result.fallbackUsed()).isFalse();
        assertThat(result.value().round(TWO_PLACES)).isEqualByComparingTo("7.13");
    }

    @Test
    void propertyTrimmedMeanLiesBetweenTheLowestAndHighestKeptMark() {
        Random random = new Random(20261120L);
        for (int iteration = 0; iteration < 2000; iteration++) {
            int trim = 1 + random.nextInt(2);
            int count = 2 * trim + 1 + random.nextInt(6);
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(BigDecimal.valueOf(random.nextInt(201), 1));
            }
            Aggregate result = PanelAggregator.aggregate(new AggregationRule.TrimmedMean(trim), values);
            List<BigDecimal> kept = PanelAggregator.trim(values.stream().sorted().toList(), trim);
            BigDecimal value = result.value().numerator().divide(result.value().denominator(), java.math.MathContext.DECIMAL128);
            assertThat(value).isBetween(Collections.min(kept), Collections.max(kept));
        }
    }

    @Test
    void propertyPermutingTheMarksNeverChangesTheAggregate() {
        Random random = new Random(7L);
        List<AggregationRule> rules = List.of(new AggregationRule.Mean(), new AggregationRule.Median(), new AggregationRule.Sum(),
                new AggregationRule.TrimmedMean(1), new AggregationRule.ClosestPair(), FIG);
        for (int iteration = 0; iteration < 1000; iteration++) {
            List<BigDecimal> values = new ArrayList<>();
            int count = 3 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                values.add(BigDecimal.valueOf(random.nextInt(101), 1));
            }
            for (AggregationRule rule : rules) {
                Aggregate expected = PanelAggregator.aggregate(rule, values);
                List<BigDecimal> shuffled = new ArrayList<>(values);
                Collections.shuffle(shuffled, random);
                Aggregate actual = PanelAggregator.aggregate(rule, shuffled);
                assertThat(actual.value().round(Rounding.of(10, RoundingMode.HALF_EVEN)))
                        .isEqualByComparingTo(expected.value().round(Rounding.of(10, RoundingMode.HALF_EVEN)));
                assertThat(actual.fallbackUsed()).isEqualTo(expected.fallbackUsed());
            }
        }
    }
}
