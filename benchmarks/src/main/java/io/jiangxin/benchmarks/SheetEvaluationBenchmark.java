package io.jiangxin.benchmarks;

import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.PanelDefaults;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.SpreadLimit;
import io.jiangxin.engine.sheet.RawMark;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetInput;
import io.jiangxin.engine.sheet.SheetResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Evaluating one sheet: 30 judgement aspects (3 parts × 2 modules × 5 aspects, each out of 10 on 0.1 steps),
 * 5 judges, trimmed mean dropping the highest and lowest, disagreement check on every aspect.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SheetEvaluationBenchmark {

    static final int PARTS = 3;
    static final int MODULES_PER_PART = 2;
    static final int ASPECTS_PER_MODULE = 5;
    static final int JUDGES = 5;

    private SheetEvaluator evaluator;
    private SheetInput input;

    @Setup
    public void setUp() {
        evaluator = new SheetEvaluator(scheme());
        Random random = new Random(1L);
        List<RawMark> marks = new ArrayList<>();
        for (int a = 0; a < PARTS * MODULES_PER_PART * ASPECTS_PER_MODULE; a++) {
            for (int j = 0; j < JUDGES; j++) {
                marks.add(new RawMark("A" + a, "J" + j, BigDecimal.valueOf(60 + random.nextInt(41), 1)));
            }
        }
        input = new SheetInput("E0001", null, marks, List.of(), null, null, List.of(), List.of());
    }

    static MarkingScheme scheme() {
        MarkingScheme.Builder builder = MarkingScheme.builder("bench")
                .rounding(Rounding.of(2, RoundingMode.HALF_UP))
                .panel(new PanelDefaults(new AggregationRule.TrimmedMean(1), 3, new SpreadLimit.Absolute(new BigDecimal("3"))));
        int aspect = 0;
        BigDecimal weight = new BigDecimal("100").divide(BigDecimal.valueOf(PARTS), 10, RoundingMode.DOWN);
        for (int p = 0; p < PARTS; p++) {
            List<SchemeModule> modules = new ArrayList<>();
            for (int m = 0; m < MODULES_PER_PART; m++) {
                List<Aspect> aspects = new ArrayList<>();
                for (int a = 0; a < ASPECTS_PER_MODULE; a++) {
                    aspects.add(Aspect.judgement("A" + aspect, "评分项" + aspect, "aspect " + aspect, BigDecimal.TEN, new BigDecimal("0.1")));
                    aspect++;
                }
                modules.add(new SchemeModule("M" + p + m, "模块", "module", aspects));
            }
            // Weights 33.33…, 33.33…, and the rest, so that they add up to exactly 100.
            BigDecimal partWeight = p == PARTS - 1 ? new BigDecimal("100").subtract(weight.multiply(BigDecimal.valueOf(PARTS - 1))) : weight;
            builder.part(new Part("P" + p, "部分", "part", new BigDecimal(MODULES_PER_PART * ASPECTS_PER_MODULE * 10),
                    partWeight, null, modules));
        }
        return builder.build();
    }

    @Benchmark
    public SheetResult evaluateOneSheet() {
        return evaluator.evaluate(input);
    }
}
