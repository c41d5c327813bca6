package io.jiangxin.ladder.tier;

import io.jiangxin.ladder.Examples;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierHistoryTest {

    private final Ladder qingzhou = Examples.weifang().ladder("qz-cigarette").orElseThrow();

    @Test
    void promotionsClimbOneStepAndKeepTheHistory() {
        TierHistory history = TierHistory.empty(qingzhou, "P1")
                .promote("SEED", LocalDate.of(2021, 3, 1), StepPolicy.ONE_STEP, "N-1")
                .promote("QINGYAN", LocalDate.of(2024, 3, 1), StepPolicy.ONE_STEP, "N-2");

        assertThat(history.holdings()).extracting(TierHolding::tierCode).containsExactly("SEED", "QINGYAN");
        assertThat(history.holdings().get(0).end()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(history.heldOn(LocalDate.of(2023, 1, 1)).orElseThrow().tierCode()).isEqualTo("SEED");
        assertThat(history.heldOn(LocalDate.of(2024, 3, 1)).orElseThrow().tierCode()).isEqualTo("QINGYAN");
        assertThat(history.yearsHeld("QINGYAN", Examples.TODAY)).isEqualTo(2);
        assertThat(qingzhou.tierName("QINGYAN")).isEqualTo("青烟工匠");
    }

    @Test
    void skippingATierIsRefusedUnlessARuleAllowsIt() {
        TierHistory seed = TierHistory.empty(qingzhou, "P1").promote("SEED", LocalDate.of(2021, 3, 1), StepPolicy.ONE_STEP, "N-1");

        assertThatThrownBy(() -> seed.promote("YIJIA", LocalDate.of(2024, 3, 1), StepPolicy.ONE_STEP, "N-2"))
                .isInstanceOf(TierTransitionException.class)
                .hasMessageContaining("须逐级晋升").hasMessageContaining("青烟工匠")
                .hasMessageContaining("promotions move up one step");
        assertThat(seed.promote("YIJIA", LocalDate.of(2024, 3, 1), StepPolicy.MAY_SKIP, "N-2")
                .heldOn(Examples.TODAY).orElseThrow().tierCode()).isEqualTo("YIJIA");
    }

    @Test
    void aNewcomerStartsAtTheLowestTier() {
        assertThatThrownBy(() -> TierHistory.empty(qingzhou, "P1")
                .promote("QINGYAN", LocalDate.of(2024, 3, 1), StepPolicy.ONE_STEP, "N"))
                .hasMessageContaining("种子工匠");
    }

    @Test
    void twoConcurrentTiersAreRejected() {
        List<TierHolding> overlapping = List.of(
                new TierHolding("SEED", LocalDate.of(2021, 1, 1), null, "a"),
                new TierHolding("QINGYAN", LocalDate.of(2022, 1, 1), null, "b"));

        assertThatThrownBy(() -> TierHistory.of(qingzhou, "P1", overlapping))
                .hasMessageContaining("同一时间不能持有两个层级").hasMessageContaining("two tiers held at once");
    }

    @Test
    void movingDownOrBackInTimeIsRefused() {
        TierHistory history = TierHistory.empty(qingzhou, "P1")
                .promote("SEED", LocalDate.of(2021, 3, 1), StepPolicy.ONE_STEP, "N-1")
                .promote("QINGYAN", LocalDate.of(2024, 3, 1), StepPolicy.ONE_STEP, "N-2");

        assertThatThrownBy(() -> history.promote("SEED", LocalDate.of(2025, 1, 1), StepPolicy.MAY_SKIP, "x"))
                .hasMessageContaining("晋升须向上");
        assertThatThrownBy(() -> history.promote("YIJIA", LocalDate.of(2024, 1, 1), StepPolicy.ONE_STEP, "x"))
                .hasMessageContaining("须晚于当前层级起始日");
    }

    @Test
    void revokingEndsTheHoldingAndTheNextStartIsTheLowestAgain() {
        TierHistory revoked = TierHistory.empty(qingzhou, "P1")
                .promote("SEED", LocalDate.of(2021, 3, 1), StepPolicy.ONE_STEP, "N-1")
                .revoke(LocalDate.of(2022, 3, 1));

        assertThat(revoked.heldOn(Examples.TODAY)).isEmpty();
        assertThat(revoked.holdings()).hasSize(1);
        assertThat(revoked.promote("SEED", LocalDate.of(2023, 1, 1), StepPolicy.ONE_STEP, "N-3").holdings()).hasSize(2);
    }
}
