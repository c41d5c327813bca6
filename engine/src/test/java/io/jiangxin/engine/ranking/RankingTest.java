package io.jiangxin.engine.ranking;

import io.jiangxin.engine.scheme.Order;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.scheme.TieBreak;
import io.jiangxin.engine.sheet.EntryStatus;
import io.jiangxin.engine.sheet.SheetResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jiangxin.engine.TestSheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingTest {

    static List<Integer> ranks(RankingResult result) {
        return result.entries().stream().map(RankedEntry::rank).toList();
    }

    static List<String> ids(RankingResult result) {
        return result.entries().stream().map(RankedEntry::entryId).toList();
    }

    @Test
    void standardCompetitionRanking() {
        RankingResult result = Ranking.rank(List.of(sheet("D", "80", "80", "80", 1), sheet("A", "90", "90", "90", 1),
                sheet("C", "85", "85", "85", 1), sheet("B", "85", "85", "85", 1)), RankingConfig.totalOnly());
        assertThat(ids(result)).containsExactly("A", "B", "C", "D");
        assertThat(ranks(result)).containsExactly(1, 2, 2, 4);
        assertThat(result.entries()).extracting(RankedEntry::tied).containsExactly(false, true, true, false);
    }

    @Test
    void tiesAtEveryRank() {
        RankingResult allTied = Ranking.rank(List.of(sheet("A", "70", "1", "1", 1), sheet("B", "70.0", "2", "2", 1),
                sheet("C", "70.00", "3", "3", 1)), RankingConfig.totalOnly());
        assertThat(ranks(allTied)).containsExactly(1, 1, 1);
        RankingResult pairs = Ranking.rank(List.of(sheet("A", "9", "1", "1", 1), sheet("B", "9", "1", "1", 1),
                sheet("C", "8", "1", "1", 1), sheet("D", "8", "1", "1", 1), sheet("E", "7", "1", "1", 1),
                sheet("F", "7", "1", "1", 1)), RankingConfig.totalOnly());
        assertThat(ranks(pairs)).containsExactly(1, 1, 3, 3, 5, 5);
    }

    @Test
    void theTieBreakChainIsAppliedInOrderThenTheTieStands() {
        // 古镇灯具: total → shorter time → higher practical → higher theory → tie stands.
        RankingConfig config = new RankingConfig(List.of(new TieBreak.CompletionTime(),
                new TieBreak.PartScore("practical", Order.HIGHER_FIRST), new TieBreak.PartScore("theory", Order.HIGHER_FIRST)), 0);
        RankingResult result = Ranking.rank(List.of(
                sheet("A", "80", "80", "80", 600),
                sheet("B", "80", "80", "80", 500),
                sheet("C", "80", "85", "70", 600),
                sheet("D", "80", "80", "81", 600),
                sheet("E", "80", "80", "80", 600)), config);
        assertThat(ids(result)).containsExactly("B", "C", "D", "A", "E");
        assertThat(ranks(result)).containsExactly(1, 2, 3, 4, 4);
    }

    @Test
    void lowerFirstAModuleAndMissingTimes() {
        RankingConfig config = new RankingConfig(List.of(new TieBreak.ModuleTotal("m1", Order.LOWER_FIRST)), 0);
        assertThat(ids(Ranking.rank(List.of(sheet("A", "80", "90", "0", 1), sheet("B", "80", "70", "0", 1)), config)))
                .containsExactly("B", "A");
        RankingConfig byTime = new RankingConfig(List.of(new TieBreak.CompletionTime()), 0);
        RankingResult result = Ranking.rank(List.of(sheet("A", "80", "1", "1", null), sheet("B", "80", "1", "1", 900)), byTime);
        assertThat(ids(result)).as("a missing time sorts last").containsExactly("B", "A");
        assertThat(ranks(result)).containsExactly(1, 2);
    }

    @Test
    void noTiesWithinTheMedalPlacesBreaksByEntryIdAndReportsIt() {
        RankingConfig config = new RankingConfig(List.of(), 3);
        RankingResult result = Ranking.rank(List.of(sheet("C", "90", "1", "1", 1), sheet("A", "90", "1", "1", 1),
                sheet("B", "85", "1", "1", 1), sheet("E", "85", "1", "1", 1), sheet("D", "85", "1", "1", 1),
                sheet("F", "80", "1", "1", 1), sheet("G", "80", "1", "1", 1)), config);
        assertThat(ids(result)).containsExactly("A", "C", "B", "D", "E", "F", "G");
        assertThat(ranks(result)).as("the group starting at 3 is broken whole; after the medals ties stand")
                .containsExactly(1, 2, 3, 4, 5, 6, 6);
        assertThat(result.entries()).extracting(RankedEntry::tieBrokenByFinalKey)
                .containsExactly(true, true, true, true, true, false, false);
        assertThat(result.entries()).extracting(RankedEntry::tied)
                .containsExactly(false, false, false, false, false, true, true);
    }

    @Test
    void disqualifiedEntriesAreNotRanked() {
        RankingResult result = Ranking.rank(List.of(sheet("Z", null, "99", "1", "1", 1, EntryStatus.DISQUALIFIED),
                sheet("A", "80", "1", "1", 1), sheet("B", null, "0", "1", "1", 1, EntryStatus.ZEROED)), RankingConfig.totalOnly());
        assertThat(ids(result)).containsExactly("A", "B", "Z");
        assertThat(ranks(result)).containsExactly(1, 2, null);
        assertThat(result.rankedCount()).isEqualTo(2);
    }

    @Test
    void anEmptyEventAndDuplicateEntries() {
        assertThat(Ranking.rank(List.of(), RankingConfig.totalOnly()).entries()).isEmpty();
        assertThatThrownBy(() -> Ranking.rank(List.of(sheet("A", "1", "1", "1", 1), sheet("A", "2", "1", "1", 1)),
                RankingConfig.totalOnly())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propertyTheRankingDoesNotDependOnInputOrder() {
        java.util.Random random = new java.util.Random(99L);
        RankingConfig config = new RankingConfig(List.of(new TieBreak.CompletionTime()), 2);
        for (int iteration = 0; iteration < 300; iteration++) {
            List<SheetResult> sheets = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sheets.add(sheet("E" + i, String.valueOf(random.nextInt(4)), "1", "1", random.nextBoolean() ? 100 : 200));
            }
            RankingResult expected = Ranking.rank(sheets, config);
            java.util.Collections.shuffle(sheets, random);
            assertThat(Ranking.rank(sheets, config)).isEqualTo(expected);
        }
    }
}
