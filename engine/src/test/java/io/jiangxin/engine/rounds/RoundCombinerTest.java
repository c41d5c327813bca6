package io.jiangxin.engine.rounds;

import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.RoundWeights;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundCombinerTest {

    private static final RoundWeights PRELIMINARY_30_FINAL_70 = new RoundWeights("final", List.of(
            new RoundWeights.RoundWeight("preliminary", d("30")), new RoundWeights.RoundWeight("final", d("70"))));

    @Test
    void preliminaryThirtyPercentPlusFinalSeventyPercent() {
        assertThat(RoundCombiner.combine(Map.of("preliminary", d("85.5"), "final", d("90.25")), PRELIMINARY_30_FINAL_70,
                Rounding.of(2, RoundingMode.HALF_UP))).isEqualByComparingTo("88.83");
        // 25.65 + 63.175 = 88.825 exactly: the mode decides.
        assertThat(RoundCombiner.combine(Map.of("preliminary", d("85.5"), "final", d("90.25")), PRELIMINARY_30_FINAL_70,
                Rounding.of(2, RoundingMode.HALF_EVEN))).isEqualByComparingTo("88.82");
    }

    @Test
    void aMissingRoundIsAnError() {
        assertThatThrownBy(() -> RoundCombiner.combine(Map.of("final", d("90")), PRELIMINARY_30_FINAL_70,
                Rounding.of(2, RoundingMode.HALF_UP))).hasMessageContaining("preliminary");
    }
}
