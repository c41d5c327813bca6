package io.jiangxin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.registry.ReviewAssignment.Entrant;
import io.jiangxin.registry.ReviewAssignment.Judge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Review assignment on random panels: recusals (same enterprise, declared conflicts) always hold, every entry gets k
 * judges when k are eligible, loads cannot be evened by moving any single entry, the result depends only on the seed
 * and the inputs (not their order), and a reassignment moves only the dropped judge's unmarked entries.
 */
class ReviewAssignmentTest {

    /** A random panel: 1–40 entries of 1–6 enterprises, 1–12 judges (some from those enterprises), conflicts. */
    record Panel(List<Entrant> entrants, List<Judge> judges, Map<Long, Set<Long>> conflicts) {
    }

    @Provide
    Arbitrary<Panel> panels() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, 30), Arbitraries.longs())
                .as((entries, judges, enterprises, conflictPercent, seed) -> {
                    Random random = new Random(seed);
                    List<Entrant> entrants = new ArrayList<>();
                    for (int e = 0; e < entries; e++) {
                        Set<Long> orgs = new HashSet<>();
                        orgs.add(1L + random.nextInt(enterprises));
                        if (random.nextInt(5) == 0) {
                            orgs.add(1L + random.nextInt(enterprises));
                        }
                        entrants.add(new Entrant(1000 + e * 7L, orgs));
                    }
                    List<Judge> panel = new ArrayList<>();
                    Map<Long, Set<Long>> conflicts = new HashMap<>();
                    for (int j = 0; j < judges; j++) {
                        long id = 50 + j * 3L;
                        // Half the judges come from an enterprise that may have entries; the rest from a college.
                        Long org = random.nextBoolean() ? (Long) (1L + random.nextInt(enterprises + 2)) : null;
                        panel.add(new Judge(id, org));
                        for (Entrant entrant : entrants) {
                            if (random.nextInt(100) < conflictPercent / 4) {
                                conflicts.computeIfAbsent(id, k -> new HashSet<>()).add(entrant.registrationId());
                            }
                        }
                    }
                    return new Panel(entrants, panel, conflicts);
                });
    }

    @Property(tries = 300)
    void recusalsHoldEveryEntryGetsKAndNoSingleMoveEvensTheLoads(@ForAll("panels") Panel panel,
                                                                   @ForAll @IntRange(min = 1, max = 5) int k,
                                                                   @ForAll("seeds") String seed) {
        ReviewAssignment.Result result = ReviewAssignment.assign(seed, k, panel.entrants(), panel.judges(),
                panel.conflicts());
        Map<Long, Integer> loads = new HashMap<>();
        panel.judges().forEach(j -> loads.put(j.accountId(), 0));
        for (Entrant entrant : panel.entrants()) {
            List<Long> on = result.judges().get(entrant.registrationId());
            assertThat(new HashSet<>(on)).hasSameSizeAs(on);
            List<Judge> eligible = panel.judges().stream()
                    .filter(j -> ReviewAssignment.eligible(j, entrant, panel.conflicts())).toList();
            for (long judge : on) {
                assertThat(eligible).as("recused judge on an entry").anyMatch(j -> j.accountId() == judge);
                loads.merge(judge, 1, Integer::sum);
            }
            assertThat(on).hasSize(Math.min(k, eligible.size()));
            assertThat(result.short_().contains(entrant.registrationId())).isEqualTo(eligible.size() < k);
        }
        assertThat(result.loads()).isEqualTo(loads);
        for (Entrant entrant : panel.entrants()) {
            List<Long> on = result.judges().get(entrant.registrationId());
            for (long from : on) {
                for (Judge to : panel.judges()) {
                    if (!on.contains(to.accountId()) && ReviewAssignment.eligible(to, entrant, panel.conflicts())) {
                        assertThat(loads.get(from) - loads.get(to.accountId()))
                                .as("moving entry %d from %d to %d would even the loads", entrant.registrationId(),
                                        from, to.accountId())
                                .isLessThanOrEqualTo(1);
                    }
                }
            }
        }
    }

    @Property(tries = 200)
    void withoutRecusalsLoadsDifferByAtMostOne(@ForAll @IntRange(min = 1, max = 200) int entries,
                                               @ForAll @IntRange(min = 1, max = 30) int judges,
                                               @ForAll @IntRange(min = 1, max = 5) int k,
                                               @ForAll("seeds") String seed) {
        List<Entrant> entrants = new ArrayList<>();
        for (int e = 0; e < entries; e++) {
            entrants.add(new Entrant(e + 1, Set.of(1L)));
        }
        List<Judge> panel = new ArrayList<>();
        for (int j = 0; j < judges; j++) {
            panel.add(new Judge(100 + j, 2L));
        }
        ReviewAssignment.Result result = ReviewAssignment.assign(seed, k, entrants, panel, Map.of());
        int max = Collections.max(result.loads().values());
        int min = Collections.min(result.loads().values());
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(result.loads().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(entries * Math.min(k, judges));
    }

    @Property(tries = 100)
    void theSeedAloneDecidesNotTheOrderOfTheInputs(@ForAll("panels") Panel panel, @ForAll("seeds") String seed,
                                                    @ForAll long shuffle) {
        ReviewAssignment.Result once = ReviewAssignment.assign(seed, 3, panel.entrants(), panel.judges(),
                panel.conflicts());
        List<Entrant> entrants = new ArrayList<>(panel.entrants());
        List<Judge> judges = new ArrayList<>(panel.judges());
        Collections.shuffle(entrants, new Random(shuffle));
        Collections.shuffle(judges, new Random(shuffle + 1));
        ReviewAssignment.Result again = ReviewAssignment.assign(seed, 3, entrants, judges, panel.conflicts());
        assertThat(again).isEqualTo(once);
        assertThat(again.digest()).isEqualTo(ReviewAssignment.digest(once.judges()));
    }

    @Property(tries = 200)
    void aReassignmentMovesOnlyTheDroppedJudgesUnmarkedEntries(@ForAll("panels") Panel panel,
                                                               @ForAll("seeds") String seed, @ForAll long pick) {
        ReviewAssignment.Result before = ReviewAssignment.assign(seed, 2, panel.entrants(), panel.judges(),
                panel.conflicts());
        Random random = new Random(pick);
        Judge dropped = panel.judges().get(random.nextInt(panel.judges().size()));
        Set<Long> marked = new HashSet<>();
        before.judges().forEach((entry, judges) -> {
            if (judges.contains(dropped.accountId()) && random.nextBoolean()) {
                marked.add(entry);
            }
        });
        List<Judge> remaining = panel.judges().stream().filter(j -> j != dropped).toList();
        ReviewAssignment.Reassignment after = ReviewAssignment.reassign(seed + "/re", before.judges(),
                dropped.accountId(), marked, panel.entrants(), remaining, panel.conflicts());
        Map<Long, Entrant> byId = new HashMap<>();
        panel.entrants().forEach(e -> byId.put(e.registrationId(), e));
        Set<Long> moved = new HashSet<>();
        for (ReviewAssignment.Move move : after.moves()) {
            assertThat(move.from()).isEqualTo(dropped.accountId());
            assertThat(marked).doesNotContain(move.registrationId());
            Judge to = remaining.stream().filter(j -> j.accountId() == move.to()).findFirst().orElseThrow();
            assertThat(ReviewAssignment.eligible(to, byId.get(move.registrationId()), panel.conflicts())).isTrue();
            moved.add(move.registrationId());
        }
        before.judges().forEach((entry, judges) -> {
            List<Long> now = after.judges().get(entry);
            if (!judges.contains(dropped.accountId())) {
                assertThat(now).as("an entry the dropped judge did not have").isEqualTo(judges);
            } else if (marked.contains(entry)) {
                assertThat(now).as("a marked entry stays with its judge").isEqualTo(judges);
            } else {
                assertThat(now).doesNotContain(dropped.accountId());
                assertThat(moved.contains(entry) || after.unplaced().contains(entry)).isTrue();
                assertThat(now).containsAll(judges.stream().filter(j -> j != dropped.accountId()).toList());
            }
        });
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(32);
    }
}
