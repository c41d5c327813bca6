package io.jiangxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the dispatch suggestion over generated resource lists: nobody outside the need's chain is suggested
 * while someone in it is free; the ranking does not depend on the order the candidates arrive in; only free people
 * are suggested; every score is the sum of its stated reasons; the list is ordered by score.
 */
class MatchingPropertiesTest {

    private static final List<String> REGIONS = List.of("奎文区", "潍城区", "寒亭区", "寿光市");
    private static final List<String> WORDS = List.of("焊接", "装配", "织造", "数控", "电气", "安全");
    private static final long NEED_CHAIN = 1;

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        Arbitrary<Candidate> one = Combinators.combine(
                Arbitraries.longs().between(1, 5),
                Arbitraries.longs().between(1, 5),
                Arbitraries.of(REGIONS),
                Arbitraries.of(WORDS),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 6)).as((chainA, chainB, region, word, load, capacity, available,
                                                          ratings) -> new Candidate(0, "x", new java.util.HashSet<>(List.of(chainA, chainB)),
                Set.of("焊工"), Set.of(word), region, ratings > 4 ? List.of("全国劳模") : List.of(), null, available, load,
                capacity, ratings * 4, ratings));
        // distinct person ids, as on a real resource list
        return one.list().ofMinSize(0).ofMaxSize(60).map(list -> {
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Candidate c = list.get(i);
                out.add(new Candidate(1000 + i, "工匠" + i, c.chains(), c.trades(), c.specialties(), c.region(),
                        c.honours(), c.teamId(), c.available(), c.load(), c.capacity(), c.ratingSum(), c.ratingCount()));
            }
            return out;
        });
    }

    private static NeedProfile need(String word) {
        return new NeedProfile(NEED_CHAIN, "高端装备", "奎文区", "厚板" + word + "变形攻关，需要现场指导");
    }

    @Property(tries = 300)
    void nobodyOutsideTheChainWhileSomeoneInItIsFree(@ForAll("candidates") List<Candidate> candidates,
                                                     @ForAll @IntRange(min = 0, max = 5) int word) {
        Matching.Result result = Matching.rank(need(WORDS.get(word)), candidates, 50);
        boolean inChainFree = candidates.stream().anyMatch(c -> c.free() && c.chains().contains(NEED_CHAIN));
        assertThat(result.chainHadFreeCandidate()).isEqualTo(inChainFree);
        if (inChainFree) {
            assertThat(result.suggestions()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.candidate().chains()).contains(NEED_CHAIN));
        }
        assertThat(result.suggestions()).allSatisfy(s -> assertThat(s.candidate().free()).isTrue());
    }

    @Property(tries = 300)
    void theRankingIsStableUnderInputOrder(@ForAll("candidates") List<Candidate> candidates, @ForAll long seed,
                                           @ForAll @IntRange(min = 0, max = 5) int word) {
        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(seed));
        NeedProfile need = need(WORDS.get(word));
        assertThat(Matching.rank(need, shuffled, 10)).isEqualTo(Matching.rank(need, candidates, 10));
    }

    @Property(tries = 300)
    void scoresAreTheSumOfTheirReasonsAndOrdered(@ForAll("candidates") List<Candidate> candidates) {
        List<Suggestion> list = Matching.rank(need("焊接"), candidates, 50).suggestions();
        for (int i = 0; i < list.size(); i++) {
            Suggestion s = list.get(i);
            assertThat(s.rank()).isEqualTo(i + 1);
            assertThat(s.score()).isEqualTo(s.reasons().stream().mapToInt(Reason::points).sum());
            assertThat(s.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r.zh() + r.en()).isNotBlank());
            if (i > 0) {
                assertThat(list.get(i - 1).score()).isGreaterThanOrEqualTo(s.score());
            }
        }
    }
}
