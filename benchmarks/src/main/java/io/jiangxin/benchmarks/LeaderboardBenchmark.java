package io.jiangxin.benchmarks;

import io.jiangxin.engine.leaderboard.IncrementalLeaderboard;
import io.jiangxin.engine.ranking.Placement;
import io.jiangxin.engine.ranking.Placements;
import io.jiangxin.engine.ranking.RankKey;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.scheme.TieBreak;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One entry's sheet changes on a 98,000-entry event (Weifang 2023: 98,000 innovation entries): the
 * incremental leaderboard update plus the new rank, against a full re-sort of the same keys. Keys are a total
 * with two decimals in 0–100 and a completion time, so ties occur as in real events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LeaderboardBenchmark {

    static final int ENTRIES = 98_000;
    static final int PREPARED_UPDATES = 1 << 16;

    private final RankingConfig config = new RankingConfig(List.of(new TieBreak.CompletionTime()), 3);
    private final Map<String, RankKey> keys = new HashMap<>();
    private IncrementalLeaderboard board;
    private String[] updateIds;
    private RankKey[] updateKeys;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(98_000L);
        board = new IncrementalLeaderboard(config);
        for (int i = 0; i < ENTRIES; i++) {
            String id = String.format("E%06d", i);
            RankKey key = randomKey(random);
            keys.put(id, key);
            board.put(id, key);
        }
        updateIds = new String[PREPARED_UPDATES];
        updateKeys = new RankKey[PREPARED_UPDATES];
        for (int i = 0; i < PREPARED_UPDATES; i++) {
            updateIds[i] = String.format("E%06d", random.nextInt(ENTRIES));
            updateKeys[i] = randomKey(random);
        }
    }

    private static RankKey randomKey(Random random) {
        BigDecimal total = BigDecimal.valueOf(random.nextInt(10_001), 2);
        BigDecimal seconds = BigDecimal.valueOf(3_000 + random.nextInt(2_400));
        return RankKey.of(total.negate(), seconds);
    }

    /** Replace one entry's key and read its new rank: what a live update does. */
    @Benchmark
    public OptionalInt incrementalUpdate() {
        int i = next++ & (PREPARED_UPDATES - 1);
        board.put(updateIds[i], updateKeys[i]);
        return board.rankOf(updateIds[i]);
    }

    /** The same event ranked from scratch: sort all keys and assign every rank. */
    @Benchmark
    public List<Placement> fullResort() {
        return Placements.place(keys, config.noTiesWithinPlaces());
    }
}
