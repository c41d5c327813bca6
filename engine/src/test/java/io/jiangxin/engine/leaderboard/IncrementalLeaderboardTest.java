package io.jiangxin.engine.leaderboard;

import io.jiangxin.engine.ranking.Placement;
import io.jiangxin.engine.ranking.Placements;
import io.jiangxin.engine.ranking.RankKey;
import io.jiangxin.engine.ranking.RankedEntry;
import io.jiangxin.engine.ranking.Ranking;
import io.jiangxin.engine.ranking.RankingResult;
import io.jiangxin.engine.scheme.Order;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.scheme.TieBreak;
import io.jiangxin.engine.sheet.EntryStatus;
import io.jiangxin.engine.sheet.SheetResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.jiangxin.engine.TestSheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;

class IncrementalLeaderboardTest {

    private static RankKey key(int... components) {
        BigDecimal[] values = new BigDecimal[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = BigDecimal.valueOf(components[i]);
        }
        return RankKey.of(values);
    }

    /** Ranks by a full re-sort of the same keys. */
    private static Map<String, Integer> fullSort(Map<String, RankKey> keys, int noTies) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (Placement p : Placements.place(keys, noTies)) {
            ranks.put(p.entryId(), p.rank());
        }
        return ranks;
    }

    private static void assertSameAsFullSort(IncrementalLeaderboard board, Map<String, RankKey> keys, int noTies) {
        Map<String, Integer> expected = fullSort(keys, noTies);
        assertThat(board.size()).isEqualTo(keys.size());
        List<LeaderboardRow> all = board.top(keys.size() + 5);
        assertThat(all).extracting(LeaderboardRow::entryId).containsExactlyElementsOf(expected.keySet());
        assertThat(all).extracting(LeaderboardRow::rank).containsExactlyElementsOf(expected.values());
        expected.forEach((id, rank) -> assertThat(board.rankOf(id)).hasValue(rank));
    }

    @Test
    void ranksTopAndWindowsHonourTies() {
        IncrementalLeaderboard board = new IncrementalLeaderboard(RankingConfig.totalOnly());
        board.put("D", key(-80));
        board.put("A", key(-90));
        board.put("C", key(-85));
        board.put("B", key(-85));
        assertThat(board.top(2)).extracting(LeaderboardRow::entryId).containsExactly("A", "B");
        assertThat(board.top(10)).extracting(LeaderboardRow::rank).containsExactly(1, 2, 2, 4);
        assertThat(board.window(2, 2)).extracting(LeaderboardRow::rank).containsExactly(2, 4);
        assertThat(board.window(2, 2)).extracting(LeaderboardRow::position).containsExactly(3, 4);
        assertThat(board.rankOf("C")).hasValue(2);
        assertThat(board.rankOf("nobody")).isEmpty();
        board.put("D", key(-95));
        assertThat(board.rankOf("D")).hasValue(1);
        assertThat(board.rankOf("A")).hasValue(2);
        assertThat(board.remove("A")).isTrue();
        assertThat(board.remove("A")).isFalse();
        assertThat(board.rankOf("B")).hasValue(2);
        assertThat(new IncrementalLeaderboard(RankingConfig.totalOnly()).top(3)).isEmpty();
    }

    @Test
    void propertyEqualsAFullSortAfterAnySequenceOfRandomUpdates() {
        Random random = new Random(2026L);
        for (int run = 0; run < 40; run++) {
            int noTies = run % 4 == 0 ? 0 : random.nextInt(5);
            IncrementalLeaderboard board = new IncrementalLeaderboard(new RankingConfig(List.of(), noTies));
            Map<String, RankKey> keys = new HashMap<>();
            int idSpace = 5 + random.nextInt(60);
            for (int step = 0; step < 400; step++) {
                String id = "E" + random.nextInt(idSpace);
                int action = random.nextInt(10);
                if (action < 2) {
                    assertThat(board.remove(id)).isEqualTo(keys.remove(id) != null);
                } else {
                    // Few distinct values so that ties are frequent, at every rank.
                    RankKey key = random.nextBoolean() ? key(-random.nextInt(6)) : key(-random.nextInt(6), random.nextInt(3));
                    board.put(id, key);
                    keys.put(id, key);
                }
                if (step % 25 == 0) {
                    assertSameAsFullSort(board, keys, noTies);
                }
            }
            assertSameAsFullSort(board, keys, noTies);
        }
    }

    @Test
    void updatingFromSheetsGivesExactlyTheFullRanking() {
        RankingConfig config = new RankingConfig(List.of(new TieBreak.CompletionTime(),
                new TieBreak.PartScore("practical", Order.HIGHER_FIRST)), 3);
        Random random = new Random(5L);
        IncrementalLeaderboard board = new IncrementalLeaderboard(config);
        Map<String, SheetResult> current = new HashMap<>();
        for (int step = 0; step < 600; step++) {
            String id = "A" + random.nextInt(40);
            EntryStatus status = random.nextInt(15) == 0 ? EntryStatus.DISQUALIFIED : EntryStatus.OK;
            SheetResult sheet = sheet(id, null, String.valueOf(60 + random.nextInt(5)), String.valueOf(random.nextInt(3)), "1",
                    random.nextInt(4) == 0 ? null : 100 * random.nextInt(3), status);
            board.update(sheet);
            current.put(id, sheet);
        }
        RankingResult full = Ranking.rank(new ArrayList<>(current.values()), config);
        List<RankedEntry> ranked = full.entries().stream().filter(e -> e.rank() != null).toList();
        assertThat(board.top(1000)).extracting(LeaderboardRow::entryId).containsExactlyElementsOf(
                ranked.stream().map(RankedEntry::entryId).toList());
        assertThat(board.top(1000)).extracting(LeaderboardRow::rank).containsExactlyElementsOf(
                ranked.stream().map(RankedEntry::rank).toList());
        full.entries().stream().filter(e -> e.rank() == null).forEach(e -> assertThat(board.rankOf(e.entryId())).isEmpty());
    }

    @Test
    void serialisesAndRebuildsFromASnapshot() throws Exception {
        RankingConfig config = new RankingConfig(List.of(new TieBreak.CompletionTime()), 2);
        IncrementalLeaderboard board = new IncrementalLeaderboard(config);
        board.put("A", key(-90, 100));
        board.put("B", key(-90, 100));
        board.put("C", key(-80, 50));
        board.put("D", key(-80, 50));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(board);
        }
        IncrementalLeaderboard copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (IncrementalLeaderboard) in.readObject();
        }
        assertThat(copy.top(10)).isEqualTo(board.top(10));
        assertThat(copy.top(10)).extracting(LeaderboardRow::rank).containsExactly(1, 2, 3, 3);
        assertThat(copy.config()).isEqualTo(config);

        IncrementalLeaderboard rebuilt = IncrementalLeaderboard.rebuild(config, board.snapshot());
        assertThat(rebuilt.top(10)).isEqualTo(board.top(10));
        assertThat(board.snapshot()).extracting(LeaderboardEntry::entryId).containsExactly("A", "B", "C", "D");
    }
}
