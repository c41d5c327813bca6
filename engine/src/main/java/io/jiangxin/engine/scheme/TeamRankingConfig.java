package io.jiangxin.engine.scheme;

import java.util.List;

/**
 * Team (团体) ranking: the sum of each team's best {@code countedMembers} members' ranking scores.
 * Disqualified members do not count; a team with fewer eligible members sums those it has.
 */
public record TeamRankingConfig(int countedMembers, List<TeamTieBreak> tieBreaks, int noTiesWithinPlaces) {

    public TeamRankingConfig {
        tieBreaks = List.copyOf(tieBreaks);
    }
}
