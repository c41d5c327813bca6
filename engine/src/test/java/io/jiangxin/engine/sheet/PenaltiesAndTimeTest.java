package io.jiangxin.engine.sheet;

import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.MeasurementKind;
import io.jiangxin.engine.scheme.PanelDefaults;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.TimeRule;
import io.jiangxin.engine.scheme.ViolationEffect;
import io.jiangxin.engine.scheme.ViolationRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;

class PenaltiesAndTimeTest {

    /** Work module (measurement W out of 80) and process module (deduction S out of 20), one part. */
    private static MarkingScheme.Builder scheme() {
        return MarkingScheme.builder("pen").panel(new PanelDefaults(new AggregationRule.Mean(), 1, null))
                .part(new Part("p", "实操", "practical", d("100"), d("100"), d("60"), List.of(
                        new SchemeModule("work", "作品", "work", List.of(
                                Aspect.measurement("W", "作品", "work", MeasurementKind.VALUE, d("80"), d("1")))),
                        new SchemeModule("process", "职业素养", "process", List.of(
                                Aspect.deduction("S", "安全文明生产", "safety", d("20"), d("1")))))))
                .violation(new ViolationRule("SAFETY", "违规", "safety breach", d("5"), "S", ViolationEffect.NONE, null, 1))
                .violation(new ViolationRule("DAMAGE", "损坏设备", "damage", d("5"), "S", ViolationEffect.DISQUALIFY, null, 2))
                .violation(new ViolationRule("MARK", "作标记", "identifying mark", null, null, ViolationEffect.ZERO_TOTAL, null, 1))
                .violation(new ViolationRule("WRONG_PLATE", "用错试板", "wrong plate", null, null, ViolationEffect.ZERO_MODULE, "work", 1));
    }

    private static SheetResult evaluate(MarkingScheme scheme, SheetInput.Builder input) {
        return new SheetEvaluator(scheme).evaluate(input.mark("W", "J1", "70").build());
    }

    @Test
    void deductionsPerViolation() {
        SheetResult result = evaluate(scheme().build(), SheetInput.builder("E").violation("SAFETY", 2));
        assertThat(result.aspect("S").orElseThrow().value()).isEqualByComparingTo("10");
        assertThat(result.aspect("S").orElseThrow().deducted()).isEqualByComparingTo("10");
        assertThat(result.total()).isEqualByComparingTo("80");
        assertThat(result.violations()).containsExactly(new AppliedViolation("SAFETY", 2, d("10"), ViolationEffect.NONE));
    }

    @Test
    void deductionsBelowZeroAreFlooredAtZero() {
        SheetResult result = evaluate(scheme().build(), SheetInput.builder("E").violation("SAFETY", 3).violation("SAFETY", 2));
        assertThat(result.aspect("S").orElseThrow().value()).isEqualByComparingTo("0");
        assertThat(result.aspect("S").orElseThrow().deducted()).isEqualByComparingTo("25");
        assertThat(result.module("process").orElseThrow().total()).isEqualByComparingTo("0");
        assertThat(result.total()).as("the work module keeps its 70").isEqualByComparingTo("70");
    }

    @Test
    void damagingEquipmentOnceDeductsTwiceDisqualifies() {
        SheetResult once = evaluate(scheme().build(), SheetInput.builder("E").violation("DAMAGE", 1));
        assertThat(once.status()).isEqualTo(EntryStatus.OK);
        assertThat(once.total()).isEqualByComparingTo("85");
        SheetResult twice = evaluate(scheme().build(), SheetInput.builder("E").violation("DAMAGE", 1).violation("DAMAGE", 1));
        assertThat(twice.status()).isEqualTo(EntryStatus.DISQUALIFIED);
        assertThat(twice.disqualified()).isTrue();
        assertThat(twice.passed()).isFalse();
        assertThat(twice.violations().get(0).effect()).isEqualTo(ViolationEffect.DISQUALIFY);
    }

    @Test
    void anIdentifyingMarkZeroesTheWholeScore() {
        SheetResult result = evaluate(scheme().build(), SheetInput.builder("E").violation("MARK", 1));
        assertThat(result.status()).isEqualTo(EntryStatus.ZEROED);
        assertThat(result.total()).isEqualByComparingTo("0");
        assertThat(result.total().scale()).isEqualTo(2);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void aModuleCanBeZeroed() {
        SheetResult result = evaluate(scheme().build(), SheetInput.builder("E").violation("WRONG_PLATE", 1));
        assertThat(result.module("work").orElseThrow().zeroed()).isTrue();
        assertThat(result.module("work").orElseThrow().total()).isEqualByComparingTo("0");
        assertThat(result.aspect("W").orElseThrow().value()).as("the aspect keeps its mark for the record").isEqualByComparingTo("70");
        assertThat(result.total()).isEqualByComparingTo("20");
    }

    @Test
    void aZeroCountViolationDoesNothing() {
        SheetResult result = evaluate(scheme().build(), SheetInput.builder("E").violation("MARK", 0));
        assertThat(result.status()).isEqualTo(EntryStatus.OK);
        assertThat(result.violations()).isEmpty();
    }

    private static final TimeRule NINETY_MINUTES_ONE_PER_STARTED_MINUTE = new TimeRule(Duration.ofMinutes(90),
            Duration.ofMinutes(1), d("1"), null, d("10"));

    @Test
    void timeOverTheLimitCostsPointsPerStartedUnitUpToTheCap() {
        MarkingScheme schemeWithTime = scheme().time(NINETY_MINUTES_ONE_PER_STARTED_MINUTE).build();
        SheetResult onTime = evaluate(schemeWithTime, SheetInput.builder("E").completionTime(Duration.ofMinutes(90)));
        assertThat(onTime.total()).isEqualByComparingTo("90");
        SheetResult over = evaluate(schemeWithTime, SheetInput.builder("E").completionTime(Duration.ofSeconds(90 * 60 + 61)));
        assertThat(over.time().overrun()).isEqualTo(Duration.ofSeconds(61));
        assertThat(over.time().deduction()).isEqualByComparingTo("2");
        assertThat(over.total()).isEqualByComparingTo("88");
        SheetResult farOver = evaluate(schemeWithTime, SheetInput.builder("E").completionTime(Duration.ofMinutes(200)));
        assertThat(farOver.time().deduction()).isEqualByComparingTo("10");
    }

    @Test
    void extraTimeForEquipmentFailureExtendsTheLimitAndShortensTheNetTime() {
        MarkingScheme schemeWithTime = scheme().time(NINETY_MINUTES_ONE_PER_STARTED_MINUTE).build();
        SheetResult result = evaluate(schemeWithTime, SheetInput.builder("E").completionTime(Duration.ofMinutes(95))
                .extraTime(Duration.ofMinutes(5)));
        assertThat(result.time().overrun()).isEqualTo(Duration.ZERO);
        assertThat(result.time().netTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(result.total()).isEqualByComparingTo("90");
    }

    @Test
    void timeCanBeDeductedFromADeductionAspectWithItsFloor() {
        MarkingScheme schemeWithTime = scheme().time(new TimeRule(Duration.ofMinutes(90), Duration.ofMinutes(1), d("5"), "S", null)).build();
        SheetResult result = evaluate(schemeWithTime, SheetInput.builder("E").completionTime(Duration.ofMinutes(96)).violation("SAFETY", 1));
        assertThat(result.aspect("S").orElseThrow().value()).isEqualByComparingTo("0");
        assertThat(result.total()).isEqualByComparingTo("70");
    }

    @Test
    void aMissingCompletionTimeBlocksTheLockWhenTheEventIsTimed() {
        MarkingScheme schemeWithTime = scheme().time(NINETY_MINUTES_ONE_PER_STARTED_MINUTE).build();
        SheetResult result = evaluate(schemeWithTime, SheetInput.builder("E"));
        assertThat(result.lockBlockers()).extracting(LockBlocker::code).containsExactly("COMPLETION_TIME_MISSING");
        assertThat(evaluate(scheme().build(), SheetInput.builder("E")).lockable()).isTrue();
    }

    @Test
    void partAndOverallPassMarks() {
        SheetResult passing = evaluate(scheme().passMark(d("85")).build(), SheetInput.builder("E"));
        assertThat(passing.part("p").orElseThrow().passed()).isTrue();
        assertThat(passing.passed()).isTrue();
        SheetResult failingOverall = evaluate(scheme().passMark(d("85")).build(), SheetInput.builder("E").violation("SAFETY", 2));
        assertThat(failingOverall.part("p").orElseThrow().passed()).isTrue();
        assertThat(failingOverall.passed()).isFalse();
    }
}
