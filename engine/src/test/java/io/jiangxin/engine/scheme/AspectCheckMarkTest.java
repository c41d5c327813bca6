package io.jiangxin.engine.scheme;

import org.junit.jupiter.api.Test;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;

class AspectCheckMarkTest {

    private static final Aspect HALF_STEPS = Aspect.judgement("A", "甲", "a", d("10"), d("0.5"));

    @Test
    void acceptsMarksInRangeOnTheStep() {
        assertThat(HALF_STEPS.checkMark(d("0"))).isEmpty();
        assertThat(HALF_STEPS.checkMark(d("9.5"))).isEmpty();
        assertThat(HALF_STEPS.checkMark(d("10.00"))).isEmpty();
    }

    @Test
    void rejectsMarksOutOfRangeOrOffStepInBothLanguages() {
        assertThat(HALF_STEPS.checkMark(d("10.5"))).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("OUT_OF_RANGE");
            assertThat(r.messageZh()).contains("超出范围");
            assertThat(r.messageEn()).contains("outside 0–10");
        });
        assertThat(HALF_STEPS.checkMark(d("-0.5"))).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("OUT_OF_RANGE"));
        assertThat(HALF_STEPS.checkMark(d("7.25"))).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("OFF_STEP");
            assertThat(r.message()).contains("步长").contains("step 0.5");
        });
        assertThat(HALF_STEPS.checkMark(null)).isPresent();
    }

    @Test
    void hugeExponentsFromAnApiCallerAreRefusedQuicklyWithShortMessages() {
        long started = System.nanoTime();
        assertThat(HALF_STEPS.checkMark(d("1e999999999"))).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("OUT_OF_RANGE");
            assertThat(r.message()).hasSizeLessThan(200).contains("1E+999999999");
        });
        assertThat(HALF_STEPS.checkMark(d("1e-999999999"))).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("OFF_STEP");
            assertThat(r.message()).hasSizeLessThan(200);
        });
        assertThat(HALF_STEPS.checkValue(d("-1e100000"))).hasValueSatisfying(r ->
                assertThat(r.message()).hasSizeLessThan(200));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
    }

    @Test
    void aMarkScaleReplacesTheRangeForJudgesButNotForOverrides() {
        Aspect scaled = HALF_STEPS.withMarkScale(new MarkScale(d("3"), d("1")));
        assertThat(scaled.checkMark(d("3"))).isEmpty();
        assertThat(scaled.checkMark(d("4"))).isPresent();
        assertThat(scaled.checkMark(d("2.5"))).isPresent();
        assertThat(scaled.checkValue(d("9.5"))).isEmpty();
        assertThat(scaled.checkValue(d("10.5"))).isPresent();
    }

    @Test
    void deductionAspectsTakeViolationsNotMarks() {
        assertThat(Aspect.deduction("S", "安全", "safety", d("20"), d("1")).checkMark(d("5")))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("DEDUCTION_TAKES_VIOLATIONS"));
    }
}
