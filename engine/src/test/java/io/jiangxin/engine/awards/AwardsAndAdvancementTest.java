package io.jiangxin.engine.awards;

import io.jiangxin.engine.ranking.Ranking;
import io.jiangxin.engine.ranking.RankingResult;
import io.jiangxin.engine.scheme.AdvancementRule;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.AwardCriterion;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.sheet.EntryStatus;
import io.jiangxin.engine.sheet.SheetResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jiangxin.engine.TestSchemes.d;
import static io.jiangxin.engine.TestSheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;

class AwardsAndAdvancementTest {

    private static final List<AwardBand> BANDS = List.of(
            new AwardBand("GOLD", "金牌", "Gold", new AwardCriterion.Places(1, 1)),
            new AwardBand("SILVER", "银牌", "Silver", new AwardCriterion.Places(2, 2)),
            new AwardBand("BRONZE", "铜牌", "Bronze", new AwardCriterion.Places(3, 3)),
            new AwardBand("MERIT", "优胜奖", "Merit", new AwardCriterion.TopFraction(d("0.5"))),
            new AwardBand("PASS", "合格", "Pass", new AwardCriterion.Passed()));

    private static SheetResult entry(String id, String total, Boolean passed) {
        SheetResult s = sheet(id, total, "1", "1", 1);
        return new SheetResult(s.entryId(), null, s.status(), s.aspects(), s.modules(), s.parts(), s.total(), s.rankingScore(),
                true, List.of(), List.of(), s.time(), passed);
    }

    private static Map<String, String> awards(List<SheetResult> sheets) {
        RankingResult ranking = Ranking.rank(sheets, RankingConfig.totalOnly());
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        Awards.assign(ranking, BANDS).forEach((id, band) -> codes.put(id, band.code()));
        return codes;
    }

    @Test
    void medalsForPlacesOneToThreeThenMeritForTheTopHalfThenPass() {
        List<SheetResult> sheets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sheets.add(entry("E" + i, String.valueOf(100 - i), i < 8));
        }
        Map<String, String> codes = awards(sheets);
        assertThat(codes).containsEntry("E0", "GOLD").containsEntry("E1", "SILVER").containsEntry("E2", "BRONZE")
                .containsEntry("E3", "MERIT").containsEntry("E4", "MERIT").containsEntry("E5", "PASS")
                .containsEntry("E7", "PASS").doesNotContainKeys("E8", "E9");
    }

    @Test
    void twoGoldsMeanNoSilver() {
        Map<String, String> codes = awards(List.of(entry("A", "95", true), entry("B", "95", true), entry("C", "90", true),
                entry("D", "80", true)));
        assertThat(codes).containsEntry("A", "GOLD").containsEntry("B", "GOLD").containsEntry("C", "BRONZE")
                .doesNotContainValue("SILVER");
    }

    @Test
    void tiedSilversMeanNoBronze() {
        Map<String, String> codes = awards(List.of(entry("A", "95", true), entry("B", "90", true), entry("C", "90", true),
                entry("D", "80", true), entry("E", "70", true), entry("F", "60", true), entry("G", "50", true), entry("H", "40", true)));
        assertThat(codes).containsEntry("B", "SILVER").containsEntry("C", "SILVER").doesNotContainValue("BRONZE")
                .containsEntry("D", "MERIT");
    }

    @Test
    void meritUsesTheRankedEntrantsAndDisqualifiedGetNothing() {
        List<SheetResult> sheets = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            sheets.add(entry("E" + i, String.valueOf(100 - i), false));
        }
        sheets.add(sheet("DQ", null, "100", "1", "1", 1, EntryStatus.DISQUALIFIED));
        Map<String, String> codes = awards(sheets);
        // 9 ranked entrants: top half is rank ≤ 4.5, so rank 4 is merit and rank 5 is not.
        assertThat(codes).containsEntry("E3", "MERIT").doesNotContainKeys("E4", "DQ");
    }

    @Test
    void advancementTakesTheTopNPlusEveryoneTiedAtTheCutoff() {
        List<SheetResult> sheets = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            sheets.add(entry(String.format("E%02d", i), String.valueOf(200 - i), true));
        }
        sheets.add(entry("T1", "150", true));
        sheets.add(entry("T2", "150", true));
        sheets.add(entry("T3", "150", false));
        sheets.add(entry("Z", "100", true));
        RankingResult ranking = Ranking.rank(sheets, RankingConfig.totalOnly());
        List<String> advancing = Advancement.select(ranking, new AdvancementRule(30, false));
        assertThat(advancing).hasSize(32).contains("T1", "T2", "T3").doesNotContain("Z");
        assertThat(Advancement.select(ranking, new AdvancementRule(30, true))).hasSize(31).doesNotContain("T3");
        assertThat(Advancement.select(ranking, new AdvancementRule(29, false))).hasSize(29).doesNotContain("T1");
    }

    @Test
    void aTieStraddlingTheCutoffAdvancesWhole() {
        RankingResult ranking = Ranking.rank(List.of(entry("A", "90", true), entry("B", "80", true), entry("C", "80", true),
                entry("D", "80", true), entry("E", "70", true)), RankingConfig.totalOnly());
        assertThat(Advancement.select(ranking, new AdvancementRule(3, false))).containsExactly("A", "B", "C", "D");
        assertThat(Advancement.select(ranking, new AdvancementRule(1, false))).containsExactly("A");
    }

    @Test
    void aThresholdTakesEveryEntryReachingItAndCombinesWithTopN() {
        RankingResult ranking = Ranking.rank(List.of(entry("A", "90", true), entry("B", "80", true), entry("C", "80", false),
                entry("D", "79.99", true), entry("E", "70", true)), RankingConfig.totalOnly());
        assertThat(Advancement.select(ranking, new AdvancementRule(null, false, new BigDecimal("80"))))
                .containsExactly("A", "B", "C");
        assertThat(Advancement.select(ranking, new AdvancementRule(null, true, new BigDecimal("80"))))
                .containsExactly("A", "B");
        assertThat(Advancement.select(ranking, new AdvancementRule(1, false, new BigDecimal("80")))).containsExactly("A");
        assertThat(Advancement.select(ranking, new AdvancementRule(null, false, new BigDecimal("95")))).isEmpty();
    }
}
