package io.jiangxin.engine.ranking;

import io.jiangxin.engine.scheme.TeamRankingConfig;
import io.jiangxin.engine.scheme.TeamTieBreak;
import io.jiangxin.engine.sheet.EntryStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jiangxin.engine.TestSheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;

class TeamRankingTest {

    @Test
    void sumOfTheBestMembersWithTotalTimeTieBreak() {
        List<TeamResult> teams = TeamRanking.rank(List.of(
                sheet("A1", "T1", "90", "1", "1", 100, EntryStatus.OK),
                sheet("A2", "T1", "80", "1", "1", 100, EntryStatus.OK),
                sheet("A3", "T1", "10", "1", "1", 100, EntryStatus.OK),
                sheet("A4", "T1", "99", "1", "1", 100, EntryStatus.DISQUALIFIED),
                sheet("B1", "T2", "85", "1", "1", 90, EntryStatus.OK),
                sheet("B2", "T2", "85", "1", "1", 90, EntryStatus.OK),
                sheet("C1", "T3", "85", "1", "1", 110, EntryStatus.OK),
                sheet("C2", "T3", "85", "1", "1", 110, EntryStatus.OK),
                sheet("X", null, "100", "1", "1", 1, EntryStatus.OK)),
                new TeamRankingConfig(2, List.of(TeamTieBreak.TOTAL_TIME), 0));
        assertThat(teams).extracting(TeamResult::teamId).containsExactly("T2", "T1", "T3");
        assertThat(teams).extracting(TeamResult::rank).containsExactly(1, 2, 3);
        assertThat(teams.get(1).countedMembers()).containsExactly("A1", "A2");
        assertThat(teams.get(0).total()).isEqualByComparingTo("170");
        assertThat(teams.get(0).totalTime()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void withoutATieBreakEqualTeamsShareTheRank() {
        List<TeamResult> teams = TeamRanking.rank(List.of(
                sheet("A1", "T1", "90", "1", "1", 100, EntryStatus.OK),
                sheet("B1", "T2", "90", "1", "1", 50, EntryStatus.OK),
                sheet("C1", "T3", "80", "1", "1", 50, EntryStatus.OK)),
                new TeamRankingConfig(3, List.of(), 0));
        assertThat(teams).extracting(TeamResult::rank).containsExactly(1, 1, 3);
        assertThat(teams.get(0).tied()).isTrue();
    }

    @Test
    void bestMemberTieBreak() {
        List<TeamResult> teams = TeamRanking.rank(List.of(
                sheet("A1", "T1", "50", "1", "1", 100, EntryStatus.OK),
                sheet("A2", "T1", "50", "1", "1", 100, EntryStatus.OK),
                sheet("B1", "T2", "60", "1", "1", 100, EntryStatus.OK),
                sheet("B2", "T2", "40", "1", "1", 100, EntryStatus.OK)),
                new TeamRankingConfig(2, List.of(TeamTieBreak.BEST_MEMBER), 0));
        assertThat(teams).extracting(TeamResult::teamId).containsExactly("T2", "T1");
        assertThat(teams).extracting(TeamResult::rank).containsExactly(1, 2);
    }
}
