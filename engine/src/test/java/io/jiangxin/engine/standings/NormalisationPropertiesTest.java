package io.jiangxin.engine.standings;

import io.jiangxin.engine.normalisation.JudgeScore;
import io.jiangxin.engine.normalisation.NormalisationResult;
import io.jiangxin.engine.normalisation.ZScoreNormaliser;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.NormalisationConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-judge normalisation as a document round needs it: the result cannot depend on the order judges' marks
 * arrive in, and a judge who marks everything k points harsher or more leniently changes nothing, which is
 * the point of normalising.
 */
class NormalisationPropertiesTest {

    private static final NormalisationConfig FLL = new NormalisationConfig(new BigDecimal("100"), new BigDecimal("20"));
    private static final Rounding TWO = Rounding.of(2, RoundingMode.HALF_UP);

    /** Each judge scores a random subset of 12 entries with marks 0.0–100.0. */
    @Provide
    Arbitrary<List<JudgeScore>> rounds() {
        Arbitrary<List<JudgeScore>> judge = Combinators.combine(Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 1000).list().ofSize(12),
                        Arbitraries.of(true, false).list().ofSize(12))
                .as((id, marks, reads) -> {
                    List<JudgeScore> own = new ArrayList<>();
                    for (int e = 0; e < 12; e++) {
                        if (reads.get(e)) {
                            own.add(new JudgeScore("J" + id, "E" + e, BigDecimal.valueOf(marks.get(e), 1)));
                        }
                    }
                    return own;
                });
        return judge.list().ofMinSize(1).ofMaxSize(6).uniqueElements(own -> own.isEmpty() ? "" : own.get(0).judgeId())
                .map(judges -> judges.stream().flatMap(List::stream).toList());
    }

    @Property(tries = 300)
    void theOrderOfJudgesAndMarksDoesNotMatter(@ForAll("rounds") List<JudgeScore> scores, @ForAll long seed) {
        NormalisationResult expected = ZScoreNormaliser.normalise(scores, FLL, TWO);
        List<JudgeScore> shuffled = new ArrayList<>(scores);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(ZScoreNormaliser.normalise(shuffled, FLL, TWO)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void aJudgeWhoIsUniformlyHarsherChangesNothing(@ForAll("rounds") List<JudgeScore> scores,
                                                  @ForAll("shifts") BigDecimal shift) {
        NormalisationResult expected = ZScoreNormaliser.normalise(scores, FLL, TWO);
        String judge = scores.isEmpty() ? null : scores.get(0).judgeId();
        List<JudgeScore> shifted = scores.stream().map(s -> s.judgeId().equals(judge)
                ? new JudgeScore(s.judgeId(), s.entryId(), s.score().add(shift)) : s).toList();
        assertThat(ZScoreNormaliser.normalise(shifted, FLL, TWO).scores()).isEqualTo(expected.scores());
    }

    @Provide
    Arbitrary<BigDecimal> shifts() {
        return Arbitraries.integers().between(-500, 500).map(i -> BigDecimal.valueOf(i, 1));
    }
}
