package io.jiangxin.engine.consistency;

import io.jiangxin.engine.TestSchemes;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.ConsistencyConfig;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetInput;
import io.jiangxin.engine.sheet.SheetResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;

class JudgeConsistencyTest {

    private static final MarkingScheme SCHEME = TestSchemes.singleAspect(new AggregationRule.Mean(), 1, "10", "0.5");

    private static List<SheetResult> sheets(int entries) {
        SheetEvaluator evaluator = new SheetEvaluator(SCHEME);
        List<SheetResult> sheets = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            // Fair judges agree; LENIENT marks 1.5 above; ERRATIC is ±1 around the panel.
            sheets.add(evaluator.evaluate(SheetInput.builder("E" + i)
                    .mark("A", "FAIR1", "6").mark("A", "FAIR2", "6").mark("A", "LENIENT", "7.5")
                    .mark("A", "ERRATIC", i % 2 == 0 ? "7" : "5").build()));
        }
        return sheets;
    }

    @Test
    void aSystematicallyLenientJudgeIsFlagged() {
        List<JudgeConsistencyReport> reports = JudgeConsistency.analyse(sheets(4), SCHEME, new ConsistencyConfig(d("10"), 3));
        assertThat(reports).extracting(JudgeConsistencyReport::judgeId).containsExactly("ERRATIC", "FAIR1", "FAIR2", "LENIENT");
        JudgeConsistencyReport lenient = reports.get(3);
        // Panel median is 6.5 when ERRATIC gives 7 and 6 when ERRATIC gives 5: deviations 10% and 15% of 10.
        assertThat(lenient.meanSignedDeviation()).isEqualByComparingTo("12.50");
        assertThat(lenient.meanAbsoluteDeviation()).isEqualByComparingTo("12.50");
        assertThat(lenient.aspectCount()).isEqualTo(4);
        assertThat(lenient.biased()).isTrue();
        JudgeConsistencyReport erratic = reports.get(0);
        assertThat(erratic.meanSignedDeviation().abs()).isLessThan(d("10"));
        assertThat(erratic.meanAbsoluteDeviation()).isGreaterThan(erratic.meanSignedDeviation().abs());
        assertThat(erratic.biased()).isFalse();
    }

    @Test
    void tooFewAspectsAreNeverFlagged() {
        List<JudgeConsistencyReport> reports = JudgeConsistency.analyse(sheets(2), SCHEME, new ConsistencyConfig(d("10"), 3));
        assertThat(reports).filteredOn(r -> r.judgeId().equals("LENIENT")).singleElement()
                .satisfies(r -> assertThat(r.biased()).isFalse());
    }

    @Test
    void aLoneMarkHasNoPanelToDeviateFrom() {
        SheetResult alone = new SheetEvaluator(SCHEME).evaluate(SheetInput.builder("X").mark("A", "SOLO", "9").build());
        assertThat(JudgeConsistency.analyse(List.of(alone), SCHEME, new ConsistencyConfig(d("1"), 1))).isEmpty();
    }
}
