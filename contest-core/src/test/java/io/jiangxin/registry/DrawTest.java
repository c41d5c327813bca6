package io.jiangxin.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The draw of lots as a pure function: reproducible, a permutation, independent of input order, and fair. */
class DrawTest {

    private static List<Long> ids(int n, Random random) {
        Set<Long> ids = new HashSet<>();
        while (ids.size() < n) {
            ids.add(1 + (long) random.nextInt(100_000));
        }
        return new ArrayList<>(ids);
    }

    @Test
    void theSameSeedGivesTheSameDrawWhateverTheOrderOfTheRegistrations() {
        Random random = new Random(8);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(120);
            List<Long> ids = ids(n, random);
            String seed = "seed-" + random.nextLong();
            Draw.Result first = Draw.entryCodes(seed, ids, "A");
            List<Long> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            Draw.Result again = Draw.entryCodes(seed, shuffled, "A");
            assertThat(again).isEqualTo(first);
            assertThat(again.assignment().keySet()).containsExactlyElementsOf(ids.stream().sorted().toList());
            // a permutation of the lots
            assertThat(first.values()).containsExactlyInAnyOrderElementsOf(Draw.codes("A", n));
        }
    }

    @Test
    void differentSeedsGiveDifferentDraws() {
        List<Long> ids = LongStream.rangeClosed(1, 30).boxed().toList();
        Set<List<String>> seen = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            seen.add(Draw.entryCodes("seed " + s, ids, null).values());
        }
        assertThat(seen).hasSize(200);
        assertThat(Draw.entryCodes("a", ids, null).digest()).isNotEqualTo(Draw.entryCodes("b", ids, null).digest());
    }

    @Test
    void stationsAreAPermutationOfTheListWithSparesLeftOver() {
        List<String> stations = List.of("A-01", "A-02", "A-03", "B-01", "B-02", "B-03");
        Draw.Result result = Draw.stations("工位", List.of(42L, 7L, 19L, 3L), stations);
        assertThat(result.assignment().keySet()).containsExactly(3L, 7L, 19L, 42L);
        assertThat(new HashSet<>(result.values())).hasSize(4);
        assertThat(stations).containsAll(result.values());
        assertThatThrownBy(() -> Draw.stations("s", List.of(1L, 2L, 3L), List.of("A", "B")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Draw.entryCodes("s", List.of(1L, 1L), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesArePaddedToThreeDigitsOrMore() {
        assertThat(Draw.codes(null, 3)).containsExactly("001", "002", "003");
        assertThat(Draw.codes("H", 1000)).contains("H0001", "H1000");
    }

    /** The published algorithm pins these values: a change to it must change its version. */
    @Test
    void theAlgorithmIsStable() {
        Draw.Result result = Draw.entryCodes("2026-焊工", List.of(1L, 2L, 3L, 4L, 5L), null);
        assertThat(result.values()).containsExactly("001", "004", "002", "003", "005");
        assertThat(result.digest()).isEqualTo("34fdfe0c9c8a9e28689a3d4d050441286b183f38067bf9a2bde8d74ddc50f87f");
    }

    /** Chi-squared over where each lot lands: 6 lots, 60,000 draws, 36 cells. */
    @Test
    void everyLotLandsOnEveryEntrantEquallyOften() {
        int n = 6;
        int draws = 60_000;
        List<Long> ids = LongStream.rangeClosed(1, n).boxed().toList();
        Map<String, Integer> counts = new HashMap<>();
        for (int s = 0; s < draws; s++) {
            Draw.Result result = Draw.entryCodes(Integer.toString(s), ids, null);
            result.assignment().forEach((id, code) -> counts.merge(id + "/" + code, 1, Integer::sum));
        }
        double expected = (double) draws / n;
        double chi2 = 0;
        for (long id = 1; id <= n; id++) {
            for (String code : Draw.codes(null, n)) {
                double observed = counts.getOrDefault(id + "/" + code, 0);
                chi2 += (observed - expected) * (observed - expected) / expected;
            }
        }
        // 25 degrees of freedom; the 99.9th percentile is 52.6
        assertThat(chi2).isLessThan(52.6);
    }
}
