package io.jiangxin.engine.normalisation;

import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.NormalisationConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** After any sequence of per-entry updates the incremental normaliser equals a full normalisation exactly. */
class IncrementalNormaliserTest {

    private static final NormalisationConfig FLL = new NormalisationConfig(new BigDecimal("100"), new BigDecimal("20"));
    private static final Rounding TWO = Rounding.of(2, RoundingMode.HALF_UP);

    @Property(tries = 300)
    void everyUpdateLeavesExactlyTheFullResult(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
        Random random = new Random(seed);
        int entries = 1 + random.nextInt(15);
        int judges = 1 + random.nextInt(6);
        IncrementalNormaliser incremental = new IncrementalNormaliser(FLL, TWO);
        Map<String, Map<String, BigDecimal>> current = new TreeMap<>();
        for (int step = 0; step < steps; step++) {
            String entry = "E" + random.nextInt(entries);
            Map<String, BigDecimal> scores = new HashMap<>();
            for (int j = 0; j < judges; j++) {
                if (random.nextInt(3) > 0) {
                    // Sometimes the same value again, sometimes with another scale (70 and 70.0).
                    BigDecimal value = BigDecimal.valueOf(random.nextInt(200), random.nextInt(2));
                    scores.put("J" + j, value);
                }
            }
            current.put(entry, scores);
            incremental.update(entry, scores);
            List<JudgeScore> all = new ArrayList<>();
            current.forEach((e, byJudge) -> byJudge.forEach((j, v) -> all.add(new JudgeScore(j, e, v))));
            assertThat(incremental.result()).isEqualTo(ZScoreNormaliser.normalise(all, FLL, TWO));
        }
    }
}
