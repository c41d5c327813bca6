package io.jiangxin.engine.sheet;

import io.jiangxin.engine.TestSchemes;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkScale;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.MeasurementKind;
import io.jiangxin.engine.scheme.PanelDefaults;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.SpreadLimit;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;
import java.util.List;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetEvaluatorTest {

    private static final MarkingScheme TRIMMED = TestSchemes.theoryPractical(new AggregationRule.TrimmedMean(1), 3,
            new SpreadLimit.Absolute(d("15"))).build();

    private static SheetResult evaluate(MarkingScheme scheme, SheetInput input) {
        return new SheetEvaluator(scheme).evaluate(input);
    }

    @Test
    void theoryAndPracticalWeightedThirtySeventy() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "82")
                .mark("P", "J1", "86").mark("P", "J2", "91").mark("P", "J3", "88").mark("P", "J4", "79").mark("P", "J5", "90")
                .build());
        assertThat(result.aspect("P").orElseThrow().value()).isEqualByComparingTo("88.00");
        assertThat(result.total()).isEqualByComparingTo("86.20");
        assertThat(result.total().scale()).isEqualTo(2);
        assertThat(result.part("theory").orElseThrow().score()).isEqualByComparingTo("82.00");
        assertThat(result.complete()).isTrue();
        assertThat(result.lockable()).isTrue();
        assertThat(result.passed()).isNull();
    }

    @Test
    void anEmptyPanelLeavesTheAspectIncompleteNotZero() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "82").build());
        AspectResult practical = result.aspect("P").orElseThrow();
        assertThat(practical.status()).isEqualTo(AspectStatus.INCOMPLETE);
        assertThat(practical.value()).isNull();
        assertThat(practical.spread()).isNull();
        assertThat(result.complete()).isFalse();
        assertThat(result.lockable()).isFalse();
        assertThat(result.lockBlockers()).extracting(LockBlocker::code).containsExactly("BELOW_QUORUM");
        assertThat(result.total()).as("provisional: theory only").isEqualByComparingTo("24.60");
    }

    @Test
    void belowTheQuorumIsIncompleteAndReachingItCompletes() {
        SheetInput.Builder builder = SheetInput.builder("A01").mark("T", "J1", "82").mark("P", "J1", "80").mark("P", "J2", "82");
        SheetResult two = evaluate(TRIMMED, builder.build());
        assertThat(two.aspect("P").orElseThrow().isComplete()).isFalse();
        assertThat(two.lockBlockers().get(0).message()).contains("2").contains("3");
        SheetResult three = evaluate(TRIMMED, builder.mark("P", "J3", "90").build());
        assertThat(three.aspect("P").orElseThrow().value()).isEqualByComparingTo("82.00");
        assertThat(three.lockable()).isTrue();
    }

    @Test
    void everyJudgeGivingTheSameMark() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "70")
                .mark("P", "J1", "75").mark("P", "J2", "75").mark("P", "J3", "75").build());
        AspectResult p = result.aspect("P").orElseThrow();
        assertThat(p.value()).isEqualByComparingTo("75");
        assertThat(p.spread()).isZero();
        assertThat(p.flags()).isEmpty();
    }

    @Test
    void disagreementBeyondTheLimitBlocksTheLock() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "70")
                .mark("P", "J1", "60").mark("P", "J2", "80").mark("P", "J3", "70").build());
        AspectResult p = result.aspect("P").orElseThrow();
        assertThat(p.flags()).containsExactly(AspectFlag.DISAGREEMENT);
        assertThat(p.value()).as("still shown provisionally").isEqualByComparingTo("70");
        assertThat(result.lockable()).isFalse();
        assertThat(result.lockBlockers()).extracting(LockBlocker::code).containsExactly("DISAGREEMENT");
        assertThat(result.lockBlockers().get(0).messageZh()).contains("裁判长");
    }

    @Test
    void aSpreadExactlyAtTheLimitIsNotADisagreement() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "70")
                .mark("P", "J1", "60").mark("P", "J2", "75").mark("P", "J3", "70").build());
        assertThat(result.aspect("P").orElseThrow().flags()).isEmpty();
    }

    @Test
    void remarksReplaceTheOldMarksAndClearTheFlag() {
        SheetInput.Builder builder = SheetInput.builder("A01").mark("T", "J1", "70")
                .mark("P", "J1", "60").mark("P", "J2", "80").mark("P", "J3", "70")
                .remark("P", 1);
        SheetResult requested = evaluate(TRIMMED, builder.build());
        assertThat(requested.aspect("P").orElseThrow().status()).as("old marks no longer count").isEqualTo(AspectStatus.INCOMPLETE);
        assertThat(requested.aspect("P").orElseThrow().flags()).isEmpty();
        builder.mark(new RawMark("P", "J1", d("70"), 1)).mark(new RawMark("P", "J2", d("74"), 1)).mark(new RawMark("P", "J3", d("72"), 1));
        SheetResult remarked = evaluate(TRIMMED, builder.build());
        AspectResult p = remarked.aspect("P").orElseThrow();
        assertThat(p.countedMarks()).containsEntry("J1", d("70")).containsEntry("J2", d("74")).hasSize(3);
        assertThat(p.value()).isEqualByComparingTo("72");
        assertThat(p.markingRound()).isEqualTo(1);
        assertThat(remarked.lockable()).isTrue();
    }

    @Test
    void aMarkForARemarkRoundThatWasNotRequestedIsRejected() {
        assertThatThrownBy(() -> evaluate(TRIMMED, SheetInput.builder("A01")
                .mark(new RawMark("P", "J1", d("70"), 2)).build()))
                .isInstanceOf(InvalidSheetException.class).hasMessageContaining("not requested");
    }

    @Test
    void anOverrideIsUsedClearsTheFlagAndKeepsItsReason() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "70")
                .mark("P", "J1", "60").mark("P", "J2", "80").mark("P", "J3", "70")
                .override(new HeadJudgeOverride("P", d("68"), "录像复核 / video review")).build());
        AspectResult p = result.aspect("P").orElseThrow();
        assertThat(p.status()).isEqualTo(AspectStatus.OVERRIDDEN);
        assertThat(p.value()).isEqualByComparingTo("68");
        assertThat(p.flags()).isEmpty();
        assertThat(p.overrideReason()).isEqualTo("录像复核 / video review");
        assertThat(result.lockable()).isTrue();
    }

    @Test
    void anOverrideNeedsAReasonAndAValueOnTheStep() {
        assertThatThrownBy(() -> evaluate(TRIMMED, SheetInput.builder("A01")
                .override(new HeadJudgeOverride("P", d("68.5"), " ")).build()))
                .isInstanceOf(InvalidSheetException.class)
                .satisfies(e -> assertThat(((InvalidSheetException) e).problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("reason"))
                        .anySatisfy(p -> assertThat(p).contains("step")));
    }

    @Test
    void invalidMarksAreAllReported() {
        assertThatThrownBy(() -> evaluate(TRIMMED, SheetInput.builder("A01")
                .mark("X", "J1", "1").mark("P", "J1", "101").mark("P", "J2", "50.5").mark("T", "J1", "80.25")
                .mark("P", "J3", "50").mark("P", "J3", "51").violation("NOPE", 1).build()))
                .isInstanceOf(InvalidSheetException.class)
                .satisfies(e -> assertThat(((InvalidSheetException) e).problems()).hasSize(6));
    }

    @Test
    void roundingAtHalfFollowsTheSchemesMode() {
        MarkingScheme.Builder builder = TestSchemes.singleAspectBuilder(new AggregationRule.Mean(), 1, "10", "0.1");
        SheetInput input = SheetInput.builder("A").mark("A", "J1", "8.4").mark("A", "J2", "8.5").build();
        SheetResult halfUp = evaluate(builder.rounding(Rounding.of(1, RoundingMode.HALF_UP)).build(), input);
        SheetResult halfEven = evaluate(builder.rounding(Rounding.of(1, RoundingMode.HALF_EVEN)).build(), input);
        assertThat(halfUp.aspect("A").orElseThrow().value()).isEqualByComparingTo("8.5");
        assertThat(halfEven.aspect("A").orElseThrow().value()).isEqualByComparingTo("8.4");
        SheetInput other = SheetInput.builder("A").mark("A", "J1", "8.5").mark("A", "J2", "8.6").build();
        assertThat(evaluate(builder.rounding(Rounding.of(1, RoundingMode.HALF_EVEN)).build(), other)
                .aspect("A").orElseThrow().value()).isEqualByComparingTo("8.6");
    }

    @Test
    void aMarkScaleIsRescaledToTheAspectMaximumWithOneRounding() {
        Aspect aspect = Aspect.judgement("A", "评", "a", d("2.5"), d("0.01")).withMarkScale(new MarkScale(d("3"), d("1")));
        MarkingScheme scheme = MarkingScheme.builder("ws").panel(new PanelDefaults(new AggregationRule.Mean(), 3, null))
                .part(new Part("p", "部分", "part", d("2.5"), d("100"), null,
                        List.of(new SchemeModule("m", "模", "m", List.of(aspect))))).build();
        SheetResult result = evaluate(scheme, SheetInput.builder("E").mark("A", "J1", "2").mark("A", "J2", "3").mark("A", "J3", "3").build());
        // mean 8/3 on 0–3, × 2.5 / 3 = 2.2222…
        assertThat(result.aspect("A").orElseThrow().value()).isEqualByComparingTo("2.22");
        // The part score is built from the published aspect value: 2.22 × 100 / 2.5.
        assertThat(result.total()).isEqualByComparingTo("88.80");
    }

    @Test
    void measurementsTakeTheAgreedValueAndFlagDifferences() {
        Aspect value = Aspect.measurement("V", "量", "v", MeasurementKind.VALUE, d("10"), d("0.5"));
        Aspect yesNo = Aspect.measurement("Y", "是否", "y", MeasurementKind.YES_NO, d("5"), d("5"));
        Aspect deduction = Aspect.measurement("D", "扣", "d", MeasurementKind.DEDUCTION, d("5"), d("1"));
        MarkingScheme scheme = MarkingScheme.builder("m").part(new Part("p", "部分", "part", d("20"), d("100"), null,
                List.of(new SchemeModule("m", "模", "m", List.of(value, yesNo, deduction))))).build();
        SheetResult result = evaluate(scheme, SheetInput.builder("E").mark("V", "J1", "7.5").mark("V", "J2", "7.5")
                .mark("Y", "J1", "5").mark("D", "J1", "2").build());
        assertThat(result.aspect("V").orElseThrow().value()).isEqualByComparingTo("7.5");
        assertThat(result.aspect("Y").orElseThrow().value()).isEqualByComparingTo("5");
        assertThat(result.aspect("D").orElseThrow().value()).isEqualByComparingTo("3");
        assertThat(result.aspect("D").orElseThrow().deducted()).isEqualByComparingTo("2");
        assertThat(result.lockable()).isTrue();
        assertThat(Aspect.measurement("Y", "是否", "y", MeasurementKind.YES_NO, d("5"), d("5")).checkMark(d("1")))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("NOT_YES_NO"));

        SheetResult differing = evaluate(scheme, SheetInput.builder("E").mark("V", "J1", "7.5").mark("V", "J2", "8")
                .mark("Y", "J1", "5").mark("D", "J1", "2").build());
        assertThat(differing.aspect("V").orElseThrow().flags()).containsExactly(AspectFlag.DISAGREEMENT);
        assertThat(differing.lockable()).isFalse();
    }

    @Test
    void aSumPanelLargerThanItsQuorumBlocksTheLock() {
        Aspect aspect = Aspect.judgement("A", "评", "a", d("30"), d("1")).withMarkScale(new MarkScale(d("10"), d("1")));
        MarkingScheme scheme = MarkingScheme.builder("sum").panel(new PanelDefaults(new AggregationRule.Sum(), 3, null))
                .part(new Part("p", "部分", "part", d("30"), d("100"), null, List.of(new SchemeModule("m", "模", "m", List.of(aspect)))))
                .build();
        SheetResult three = evaluate(scheme, SheetInput.builder("E").mark("A", "J1", "8").mark("A", "J2", "9").mark("A", "J3", "10").build());
        assertThat(three.aspect("A").orElseThrow().value()).isEqualByComparingTo("27");
        assertThat(three.lockable()).isTrue();
        SheetResult four = evaluate(scheme, SheetInput.builder("E").mark("A", "J1", "8").mark("A", "J2", "9")
                .mark("A", "J3", "10").mark("A", "J4", "10").build());
        assertThat(four.aspect("A").orElseThrow().flags()).containsExactly(AspectFlag.PANEL_EXCEEDS_SUM_QUORUM);
        assertThat(four.lockable()).isFalse();
    }

    @Test
    void sameMarkTwiceIsIdempotentButTwoDifferentMarksConflict() {
        SheetResult result = evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "82").mark("T", "J1", "82.0").build());
        assertThat(result.aspect("T").orElseThrow().value()).isEqualByComparingTo("82");
        assertThatThrownBy(() -> evaluate(TRIMMED, SheetInput.builder("A01").mark("T", "J1", "82").mark("T", "J1", "83").build()))
                .isInstanceOf(InvalidSheetException.class).hasMessageContaining("two different marks");
    }

    @Test
    void anInvalidSchemeIsRefused() {
        MarkingScheme invalid = TestSchemes.singleAspectBuilder(new AggregationRule.TrimmedMean(1), 1, "10", "3").build();
        assertThatThrownBy(() -> new SheetEvaluator(invalid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step must divide the maximum");
    }
}
