package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.io.ConfigError;
import io.jiangxin.ladder.io.ConfigFormatException;
import io.jiangxin.ladder.io.LadderConfigReader;
import io.jiangxin.ladder.points.PointsLedger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Innovation awards (一等奖/二等奖/三等奖/优秀奖) go by the scheme's bands, not by rank: a point table prices them by
 * award code, at any rank, ahead of its rank bands; results without a priced award still go by rank.
 */
class InnovationAwardPointsTest {

    private static final List<String> AWARD_ROWS = List.of("{level: CITY, class: FIRST, award: FIRST, points: 25}",
            "{level: CITY, class: FIRST, award: EXCELLENCE, points: 6}");

    private final ResultPoster poster = new ResultPoster();

    private static String weifang() {
        try (InputStream in = InnovationAwardPointsTest.class.getResourceAsStream("/examples/weifang-ladders.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContestPointTable table(List<String> extraRows) {
        String first = "        - {level: NATIONAL, ranks: 1-10, points: 40}\n";
        StringBuilder rows = new StringBuilder(first);
        extraRows.forEach(row -> rows.append("        - ").append(row).append('\n'));
        String yaml = weifang().replace(first, rows.toString());
        return LadderConfigReader.readYaml(yaml).tables("wf-enterprise-tables").orElseThrow().contest();
    }

    private static ContestResult result(int rank, String award) {
        return new ContestResult("P9", "E-INNOV-2026", "技术革新决赛", "技术革新", Level.CITY, ContestClass.FIRST, rank,
                award, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21), 0);
    }

    @Test
    void anAwardRowPricesTheAwardAtAnyRankAndWinsOverTheRankBand() {
        ContestPointTable table = table(AWARD_ROWS);
        PostingPlan first = poster.post(result(2, "FIRST"), table, PointsLedger.empty());
        assertThat(first.additions()).singleElement().satisfies(e -> {
            assertThat(e.points()).isEqualByComparingTo("25");
            assertThat(e.note().toString()).isEqualTo("市一类第 2 名 FIRST，25 分 / city class I rank 2 FIRST, 25 points");
        });
        // 优秀奖 at rank 9: the award row, not the 4–10 band's 12 points.
        assertThat(poster.post(result(9, "EXCELLENCE"), table, PointsLedger.empty()).additions())
                .singleElement().satisfies(e -> assertThat(e.points()).isEqualByComparingTo("6"));
        // An award the table does not price goes by rank.
        assertThat(poster.post(result(5, "THIRD"), table, PointsLedger.empty()).additions())
                .singleElement().satisfies(e -> assertThat(e.points()).isEqualByComparingTo("12"));
        assertThat(poster.post(result(30, "THIRD"), table, PointsLedger.empty()).additions()).isEmpty();
    }

    @Test
    void twoRowsForOneAwardOrAnAwardRowWithRanksAreRefused() {
        List<String> twice = new java.util.ArrayList<>(AWARD_ROWS);
        twice.add("{level: CITY, class: FIRST, award: FIRST, points: 1}");
        assertThatThrownBy(() -> table(twice)).isInstanceOf(ConfigFormatException.class).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> table(List.of("{level: CITY, class: FIRST, award: FIRST, ranks: 1-2, points: 25}")))
                .isInstanceOfSatisfying(ConfigFormatException.class, e -> assertThat(e.errors())
                        .extracting(ConfigError::path).containsExactly("pointTables[0].contest.rows[1].ranks"));
    }
}
