package io.jiangxin.engine.normalisation;

import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.NormalisationConfig;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.jiangxin.engine.TestSchemes.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZScoreNormaliserTest {

    private static final NormalisationConfig FLL = new NormalisationConfig(d("100"), d("20"));
    private static final Rounding TWO = Rounding.of(2, RoundingMode.HALF_UP);

    private static JudgeScore s(String judge, String entry, String score) {
        return new JudgeScore(judge, entry, d(score));
    }

    @Test
    void aSevereAndALenientJudgeAreMappedOntoTheSameScale() {
        // J1 marks severely (50, 60, 70), J2 leniently (80, 90, 100): same relative opinion.
        NormalisationResult result = ZScoreNormaliser.normalise(List.of(
                s("J1", "A", "50"), s("J1", "B", "60"), s("J1", "C", "70"),
                s("J2", "D", "80"), s("J2", "E", "90"), s("J2", "F", "100")), FLL, TWO);
        // Population stdev of 50, 60, 70 is 8.1650; z = ±1.2247; 100 ± 24.49.
        assertThat(result.scores()).containsEntry("A", d("75.51")).containsEntry("B", d("100.00"))
                .containsEntry("C", d("124.49")).containsEntry("D", d("75.51")).containsEntry("F", d("124.49"));
        assertThat(result.judges().get("J1").standardDeviation()).isEqualByComparingTo("8.16");
        assertThat(result.judges().get("J1").degenerate()).isFalse();
    }

    @Test
    void anEntryScoredByTwoJudgesGetsTheMeanOfItsMappedScores() {
        NormalisationResult result = ZScoreNormaliser.normalise(List.of(
                s("J1", "A", "10"), s("J1", "B", "20"),
                s("J2", "B", "30"), s("J2", "C", "50")), FLL, TWO);
        // J1: B is z = +1 → 120; J2: B is z = −1 → 80; mean 100.
        assertThat(result.scores().get("B")).isEqualByComparingTo("100");
        assertThat(result.scores().get("A")).isEqualByComparingTo("80");
        assertThat(result.scores().get("C")).isEqualByComparingTo("120");
    }

    @Test
    void aJudgeWithZeroSpreadOrOneEntryContributesTheTargetMean() {
        NormalisationResult result = ZScoreNormaliser.normalise(List.of(
                s("SAME", "A", "70"), s("SAME", "B", "70"),
                s("ONE", "C", "95")), FLL, TWO);
        assertThat(result.scores()).containsEntry("A", d("100.00")).containsEntry("B", d("100.00")).containsEntry("C", d("100.00"));
        assertThat(result.judges().get("SAME").degenerate()).isTrue();
        assertThat(result.judges().get("ONE").degenerate()).isTrue();
        assertThat(result.judges().get("ONE").count()).isEqualTo(1);
    }

    @Test
    void aJudgeScoringAnEntryTwiceIsRejected() {
        assertThatThrownBy(() -> ZScoreNormaliser.normalise(List.of(s("J", "A", "1"), s("J", "A", "2")), FLL, TWO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertyTheResultDoesNotDependOnInputOrder() {
        Random random = new Random(11L);
        for (int iteration = 0; iteration < 200; iteration++) {
            List<JudgeScore> scores = new ArrayList<>();
            for (int judge = 0; judge < 4; judge++) {
                for (int entry = 0; entry < 8; entry++) {
                    if (random.nextInt(3) > 0) {
                        scores.add(new JudgeScore("J" + judge, "E" + entry, java.math.BigDecimal.valueOf(random.nextInt(1000), 1)));
                    }
                }
            }
            NormalisationResult expected = ZScoreNormaliser.normalise(scores, FLL, TWO);
            Collections.shuffle(scores, random);
            assertThat(ZScoreNormaliser.normalise(scores, FLL, TWO)).isEqualTo(expected);
        }
    }
}
