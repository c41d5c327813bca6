package io.jiangxin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.registry.ReviewAssignment.Entrant;
import io.jiangxin.registry.ReviewAssignment.Judge;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Assigning the seed's season: 98,000 entries from 2,000 enterprises to 300 judges (a third of them from those
 * enterprises, so same-enterprise recusals apply) with k = 3 and 1,000 declared conflicts. One warm-up, three
 * measured runs; prints the median time, the heap used by one run, and the spread of loads. Not part of the suite
 * (its name does not end in Test); run it with
 * {@code mvn -q -o -pl server -am verify -Dtest=ReviewAssignmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReviewAssignmentBenchmark {

    @Test
    void assignTheSeasonsEntries() {
        Random random = new Random(2026);
        List<Entrant> entrants = new ArrayList<>();
        for (int e = 0; e < 98_000; e++) {
            entrants.add(new Entrant(e + 1, Set.of(1L + random.nextInt(2_000))));
        }
        List<Judge> judges = new ArrayList<>();
        for (int j = 0; j < 300; j++) {
            judges.add(new Judge(1_000_000 + j, j % 3 == 0 ? (Long) (1L + random.nextInt(2_000)) : null));
        }
        Map<Long, Set<Long>> conflicts = new HashMap<>();
        for (int c = 0; c < 1_000; c++) {
            conflicts.computeIfAbsent(1_000_000L + random.nextInt(300), k -> new HashSet<>())
                    .add(1L + random.nextInt(98_000));
        }
        ReviewAssignment.assign("warm-up", 3, entrants, judges, conflicts);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> millis = new ArrayList<>();
        long heap = 0;
        ReviewAssignment.Result result = null;
        for (int run = 0; run < 3; run++) {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long start = System.nanoTime();
            result = ReviewAssignment.assign("season-" + run, 3, entrants, judges, conflicts);
            millis.add((System.nanoTime() - start) / 1_000_000);
            heap = Math.max(heap, memory.getHeapMemoryUsage().getUsed() - before);
        }
        int max = Collections.max(result.loads().values());
        int min = Collections.min(result.loads().values());
        Collections.sort(millis);
        System.out.printf("review assignment 98,000 entries x 300 judges, k = 3: median %d ms (runs %s), heap grown by"
                        + " one run <= %d MB (retained result included), loads %d..%d, short %d%n", millis.get(1),
                millis, heap / (1024 * 1024), min, max, result.short_().size());
        assertThat(result.judges()).hasSize(98_000);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }
}
