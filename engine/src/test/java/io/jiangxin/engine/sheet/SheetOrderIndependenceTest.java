package io.jiangxin.engine.sheet;

import io.jiangxin.engine.TestSchemes;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SpreadLimit;
import io.jiangxin.engine.scheme.ToleranceBand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Property: permuting judges or the arrival order of marks never changes a sheet's result. */
class SheetOrderIndependenceTest {

    private static final List<AggregationRule> RULES = List.of(new AggregationRule.Mean(), new AggregationRule.Median(),
            new AggregationRule.TrimmedMean(1), new AggregationRule.ClosestPair(),
            new AggregationRule.Tolerance(1, List.of(new ToleranceBand(d("0"), d("5"))), new AggregationRule.Median()));

    @Test
    void shufflingMarksAndRenamingJudgesGivesTheSameResult() {
        Random random = new Random(42L);
        for (int iteration = 0; iteration < 500; iteration++) {
            AggregationRule rule = RULES.get(random.nextInt(RULES.size()));
            MarkingScheme scheme = TestSchemes.theoryPractical(rule, 3, new SpreadLimit.Absolute(d("20"))).build();
            SheetEvaluator evaluator = new SheetEvaluator(scheme);
            int judges = 2 + random.nextInt(5);
            List<RawMark> marks = new ArrayList<>();
            marks.add(new RawMark("T", "J0", BigDecimal.valueOf(random.nextInt(201), 1).multiply(d("5")).setScale(1)));
            List<BigDecimal> practical = new ArrayList<>();
            for (int j = 0; j < judges; j++) {
                BigDecimal mark = BigDecimal.valueOf(40 + random.nextInt(61));
                practical.add(mark);
                marks.add(new RawMark("P", "J" + (j + 1), mark));
            }
            SheetResult expected = evaluator.evaluate(new SheetInput("E", null, marks, List.of(), null, null, List.of(), List.of()));

            List<RawMark> shuffled = new ArrayList<>(marks);
            Collections.shuffle(shuffled, random);
            SheetResult reordered = evaluator.evaluate(new SheetInput("E", null, shuffled, List.of(), null, null, List.of(), List.of()));
            assertThat(reordered).isEqualTo(expected);

            // The same marks given by differently named judges in a different order.
            List<BigDecimal> permuted = new ArrayList<>(practical);
            Collections.shuffle(permuted, random);
            List<RawMark> renamed = new ArrayList<>();
            renamed.add(marks.get(0));
            for (int j = 0; j < permuted.size(); j++) {
                renamed.add(new RawMark("P", "K" + (100 - j), permuted.get(j)));
            }
            SheetResult other = evaluator.evaluate(new SheetInput("E", null, renamed, List.of(), null, null, List.of(), List.of()));
            assertThat(other.total()).isEqualTo(expected.total());
            assertThat(other.aspect("P").orElseThrow().value()).isEqualTo(expected.aspect("P").orElseThrow().value());
            assertThat(other.aspect("P").orElseThrow().flags()).isEqualTo(expected.aspect("P").orElseThrow().flags());
            assertThat(other.lockBlockers()).isEqualTo(expected.lockBlockers());
        }
    }
}
